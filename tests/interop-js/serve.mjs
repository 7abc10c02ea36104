// The official Inngest JS SDK as a peer for tests/Inngest.Events.Interop.Tests.
//
// Serves one JS function per interop scenario with `inngest/node` on 127.0.0.1, in dev mode (no signing) unless
// INNGEST_DEV=0, and prints one JSON line `{"port":N}` to stdout once it listens. Everything else it writes goes to
// stderr. The .NET test POSTs call requests to /api/inngest?fnId=interop-<fn>&stepId=..., and plays Inngest's part.
//
// Environment (set by the test; nothing else is read):
//   INTEROP_PORT         port to listen on; 0 (the default) picks a free one
//   INNGEST_BASE_URL     the test's fake Inngest API (event API POST /e/{key}, POST /fn/register)
//   INNGEST_EVENT_KEY    the event key step.sendEvent and inngest.send use
//   INNGEST_ALLOW_IN_BAND_SYNC  "false" for the engine leg, so the SDK syncs out-of-band to INNGEST_BASE_URL/fn/register
//   INNGEST_DEV          "0" for cloud mode (the signed leg), with INNGEST_SIGNING_KEY, INNGEST_SIGNING_KEY_FALLBACK and
//                        optionally INNGEST_STREAMING; dev mode otherwise
//   INTEROP_VERBOSE      set to log the SDK's own messages to stderr
//
// Extra route: POST /interop/send with a JSON array of events calls `inngest.send(events)` and answers its result,
// so the test can compare the JS client's event API request with ours.
//
// The process exits when its stdin closes, so it never outlives the test host.

import http from "node:http";
import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { serve } from "inngest/node";

const verbose = Boolean(process.env.INTEROP_VERBOSE);
const log = (level) => (...args) => {
  if (verbose || level === "error") {
    process.stderr.write(`[inngest ${level}] ${args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}\n`);
  }
};
const logger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };

export const inngest = new Inngest({
  id: "interop",
  // Dev mode (no signing) unless INNGEST_DEV=0: the signed leg runs the app in cloud mode, where the SDK verifies every
  // call with INNGEST_SIGNING_KEY (or INNGEST_SIGNING_KEY_FALLBACK), signs its answers and authenticates its sync.
  isDev: process.env.INNGEST_DEV !== "0",
  // Checkpointing (POST {api}/v1/checkpoint/...) is a JS-only optimization that the protocol does not require; the
  // interop suite compares the plain call-request protocol, which is what every SDK must speak.
  checkpointing: false,
  logger,
});

const signedUp = { event: "test/user.signed_up" };

// 1. Two serial steps.
const serialSteps = inngest.createFunction(
  { id: "serial-steps", name: "Serial steps", triggers: [signedUp] },
  async ({ event, step }) => {
    const a = await step.run("a", () => "A");
    const ab = await step.run("b", () => `${a}B`);
    return { result: ab, userId: event.data.userId };
  },
);

// 2. Parallel steps, then one more step.
const parallelSteps = inngest.createFunction(
  { id: "parallel-steps", triggers: [signedUp] },
  async ({ step }) => {
    const [a, b] = await Promise.all([step.run("a", () => "A"), step.run("b", () => "B")]);
    return await step.run("c", () => `${a}${b}C`);
  },
);

// 2b. Parallel steps, one of which fails once: its targeted call is retried on its own.
const parallelRetry = inngest.createFunction(
  { id: "parallel-retry", retries: 1, triggers: [signedUp] },
  async ({ step, attempt }) => {
    const results = await Promise.all([
      step.run("steady", () => "steady"),
      step.run("shaky", () => {
        if (attempt === 0) {
          throw new Error("shaky failure");
        }
        return "shaky ok";
      }),
      step.sendEvent("notify", { name: "test/followup.sent", data: { userId: "parallel" }, id: "followup-parallel" }),
    ]);
    return results.slice(0, 2);
  },
);

// 2c. Steps and a function without results (undefined becomes null).
const noResults = inngest.createFunction(
  { id: "no-results", triggers: [signedUp] },
  async ({ step }) => {
    await step.run("log", () => {});
    await step.run("log-async", async () => {});
  },
);

// 3. A step that fails once, then succeeds; and one that asks to be retried after 30 seconds.
const retryThenSucceed = inngest.createFunction(
  { id: "retry-then-succeed", retries: 2, triggers: [signedUp] },
  async ({ step, attempt }) => {
    const first = await step.run("flaky", () => {
      if (attempt === 0) {
        throw new Error("transient failure");
      }
      return `ok on attempt ${attempt}`;
    });
    const second = await step.run("rate-limited", () => {
      if (attempt === 0) {
        throw new RetryAfterError("slow down", "30s");
      }
      return "done";
    });
    return [first, second];
  },
);

// 4. A step that fails for good and is caught; the function goes on.
const failAndCatch = inngest.createFunction(
  { id: "fail-and-catch", retries: 1, triggers: [signedUp] },
  async ({ step }) => {
    let outcome;
    try {
      await step.run("charge", () => {
        throw new Error("card declined");
      });
      outcome = "charged";
    } catch (err) {
      outcome = `caught: ${err.message}`;
    }
    const refund = await step.run("refund", () => "refunded");
    return { outcome, refund };
  },
);

// 5a. A non-retriable step error, not caught: the run fails at once.
const nonRetriable = inngest.createFunction(
  { id: "non-retriable", triggers: [signedUp] },
  async ({ step }) => {
    await step.run("validate", () => {
      throw new NonRetriableError("bad input");
    });
    return "unreachable";
  },
);

// 5b. An error outside steps: retried as a function error, then final.
const functionError = inngest.createFunction(
  { id: "function-error", retries: 1, triggers: [signedUp] },
  async ({ step }) => {
    await step.run("before", () => "fine");
    throw new Error("function blew up");
  },
);

// 5c. Errors outside steps: a RetryAfterError first, then a NonRetriableError.
const functionRetryAfter = inngest.createFunction(
  { id: "function-retry-after", retries: 2, triggers: [signedUp] },
  async ({ attempt }) => {
    if (attempt === 0) {
      throw new RetryAfterError("come back later", 10_000);
    }
    throw new NonRetriableError("gave up");
  },
);

// 6. Sleep for a duration and until a time.
const sleeps = inngest.createFunction(
  { id: "sleeps", triggers: [signedUp] },
  async ({ step }) => {
    await step.sleep("nap", 90 * 60 * 1000);
    await step.sleep("week", "7d");
    await step.sleepUntil("until-2030", new Date("2030-01-01T00:00:00.000Z"));
    return "awake";
  },
);

// 6b. A sleep with a fraction of a second (see docs/interop.md, KD-duration-rounding).
const sleepFraction = inngest.createFunction(
  { id: "sleep-fraction", triggers: [signedUp] },
  async ({ step }) => {
    await step.sleep("short", 1500);
    return "awake";
  },
);

// 7. Wait for an event (the executor matches it, or lets it time out).
const waitForEvent = inngest.createFunction(
  { id: "wait-for-event", triggers: [signedUp] },
  async ({ step }) => {
    const confirmed = await step.waitForEvent("wait-confirm", {
      event: "test/email.confirmed",
      timeout: "1h",
      match: "data.userId",
    });
    return confirmed ? `confirmed by ${confirmed.data.userId}` : "timed out";
  },
);

// 8. Invoke another function of the app (the executor runs it, or lets the invocation time out).
const invokeChild = inngest.createFunction(
  { id: "invoke-child", triggers: [{ event: "test/child.requested" }] },
  async ({ event, step }) => {
    const doubled = await step.run("double", () => event.data.n * 2);
    return { doubled };
  },
);

const invokeParent = inngest.createFunction(
  { id: "invoke-parent", triggers: [signedUp] },
  async ({ step }) => {
    try {
      const result = await step.invoke("call-child", { function: invokeChild, data: { n: 21 }, timeout: "1h" });
      return `child doubled to ${result.doubled}`;
    } catch (err) {
      return `invoke failed: ${err.message}`;
    }
  },
);

// 9. Send events from a step (memoized: sent once per run).
const sendEvent = inngest.createFunction(
  { id: "send-event", triggers: [signedUp] },
  async ({ event, step }) => {
    const { ids } = await step.sendEvent("send-followups", [
      { name: "test/followup.sent", data: { userId: event.data.userId }, id: `followup-${event.data.userId}`, ts: 1717000000000 },
      { name: "test/followup.sent", data: { userId: "second" } },
    ]);
    return ids;
  },
);

// 10. Repeated step ids in a loop, then a step literally named like a generated repeat id.
const loop = inngest.createFunction(
  { id: "loop", triggers: [signedUp] },
  async ({ step }) => {
    let total = 0;
    for (let i = 0; i < 3; i++) {
      total += await step.run("add", () => i + 1);
    }
    total += await step.run("add:1", () => 100);
    return total;
  },
);

// 11. cancelOn: the run sleeps between two steps; a test/user.deleted for the same user cancels it (on the engine).
const cancelOn = inngest.createFunction(
  { id: "cancel-on", triggers: [signedUp], cancelOn: [{ event: "test/user.deleted", match: "data.userId" }] },
  async ({ step }) => {
    await step.run("before", () => "before");
    await step.sleep("pause", "1h");
    return await step.run("after", () => "after");
  },
);

// Configuration only (compared with FunctionConfigWriter's config): retries, cancelOn, a failure handler.
const configured = inngest.createFunction(
  {
    id: "configured",
    name: "Configured function",
    retries: 3,
    triggers: [{ event: "test/user.signed_up", if: "event.data.plan == 'pro'" }],
    cancelOn: [{ event: "test/user.deleted", match: "data.userId", timeout: "7d" }],
    onFailure: async () => "handled",
  },
  async () => "configured",
);

// Flow control (the engine leg's flow-control scenarios): one function per policy, each triggered by
// test/flow.requested events for its policy, each with one step returning "key:n".
const flow = (policy) => [{ event: "test/flow.requested", if: `event.data.policy == '${policy}'` }];
const flowWork = async ({ event, step }) => await step.run("work", () => `${event.data.key}:${event.data.n}`);
const flowSleep = async ({ event, step }) => {
  await step.sleep("pause", "1m");
  return await step.run("work", () => `${event.data.key}:${event.data.n}`);
};

const flowConcurrency = inngest.createFunction(
  { id: "flow-concurrency", concurrency: [{ limit: 1, key: "event.data.key", scope: "fn" }], triggers: flow("concurrency") },
  flowWork,
);

const flowThrottle = inngest.createFunction(
  { id: "flow-throttle", throttle: { limit: 1, period: "1m", key: "event.data.key" }, triggers: flow("throttle") },
  flowWork,
);

const flowRateLimit = inngest.createFunction(
  { id: "flow-rate-limit", rateLimit: { limit: 1, period: "1m", key: "event.data.key" }, triggers: flow("rate-limit") },
  flowWork,
);

const flowDebounce = inngest.createFunction(
  { id: "flow-debounce", debounce: { period: "10s", key: "event.data.key" }, triggers: flow("debounce") },
  flowWork,
);

const flowBatch = inngest.createFunction(
  { id: "flow-batch", batchEvents: { maxSize: 3, timeout: "10s" }, triggers: flow("batch") },
  async ({ events, step }) => await step.run("work", () => events.map((e) => `${e.data.key}:${e.data.n}`).join(",")),
);

const flowPriority = inngest.createFunction(
  { id: "flow-priority", concurrency: [{ limit: 1, scope: "fn" }], priority: { run: "event.data.n" }, triggers: flow("priority") },
  flowWork,
);

const flowSingleton = inngest.createFunction(
  { id: "flow-singleton", singleton: { key: "event.data.key", mode: "skip" }, triggers: flow("singleton") },
  flowSleep,
);

const flowSingletonCancel = inngest.createFunction(
  { id: "flow-singleton-cancel", singleton: { key: "event.data.key", mode: "cancel" }, triggers: flow("singleton-cancel") },
  flowSleep,
);

const functions = [
  serialSteps,
  parallelSteps,
  parallelRetry,
  noResults,
  retryThenSucceed,
  failAndCatch,
  nonRetriable,
  functionError,
  functionRetryAfter,
  sleeps,
  sleepFraction,
  waitForEvent,
  invokeChild,
  invokeParent,
  sendEvent,
  loop,
  cancelOn,
  configured,
  flowConcurrency,
  flowThrottle,
  flowRateLimit,
  flowDebounce,
  flowBatch,
  flowPriority,
  flowSingleton,
  flowSingletonCancel,
];

const handler = serve({ client: inngest, functions });

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

const server = http.createServer(async (req, res) => {
  if (req.method === "POST" && req.url === "/interop/send") {
    try {
      const result = await inngest.send(JSON.parse(await readBody(req)));
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(result));
    } catch (err) {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: String(err?.message ?? err) }));
    }
    return;
  }

  if (req.url.startsWith("/api/inngest")) {
    return handler(req, res);
  }

  res.writeHead(404);
  res.end();
});

server.listen(Number(process.env.INTEROP_PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
