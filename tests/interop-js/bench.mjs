// The official Inngest JS SDK's serve handler for the serve-endpoint benchmark (table 7 of docs/benchmarks.md),
// started by tests/Inngest.Events.Benchmarks/ServeBenchmarks.cs. Serves one function with `inngest/node` on
// 127.0.0.1, in dev mode (no signing, like the .NET side), and prints one JSON line `{"port":N}` to stdout once it
// listens. The .NET benchmark POSTs call requests to /api/inngest?fnId=bench-steps&stepId=step.
//
// The function is the same as the .NET one: 100 steps in a row, step i (id `step-<i>`) returning i, then the sum.
// A call with no memoized step runs step-0 and answers 206 with its result; a call with all 100 steps memoized replays
// them and answers 200 with 4950.
//
// Environment: BENCH_PORT (0, the default, picks a free port). The process exits when its stdin closes, so it never
// outlives the benchmark.

import http from "node:http";
import { Inngest } from "inngest";
import { serve } from "inngest/node";

const quiet = () => {};
const logger = {
  debug: quiet,
  info: quiet,
  warn: quiet,
  error: (...args) => process.stderr.write(`[inngest error] ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}\n`),
};

const inngest = new Inngest({
  id: "bench",
  isDev: true,
  // As in serve.mjs: checkpointing (POST {api}/v1/checkpoint/...) is a JS-only optimization; the benchmark compares
  // the plain call-request protocol.
  checkpointing: false,
  logger,
});

export const STEPS = 100;

const steps = inngest.createFunction(
  { id: "steps", triggers: [{ event: "bench/order.placed" }] },
  async ({ step }) => {
    let total = 0;
    for (let i = 0; i < STEPS; i++) {
      total += await step.run(`step-${i}`, () => i);
    }
    return total;
  },
);

const handler = serve({ client: inngest, functions: [steps] });

const server = http.createServer((req, res) => {
  if (req.url.startsWith("/api/inngest")) {
    return handler(req, res);
  }

  res.writeHead(404);
  res.end();
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
