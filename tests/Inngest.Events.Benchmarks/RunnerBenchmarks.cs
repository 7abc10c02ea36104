using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 5: one call request whose steps are all memoized: decode the body, replay every step from memo, answer with
/// the function's result (200). Built like tests/Inngest.Events.Tests/Runner/RunnerHarness.cs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RunnerBenchmarks
{
    private FunctionRunner runner = null!;
    private InngestFunctionDefinition function = null!;
    private byte[] body = null!;

    [Params(0, 10, 100, 1000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int steps = Steps;
        function = new InngestFunctionDefinition
        {
            Id = "fn",
            Handler = async invocation =>
            {
                int total = 0;
                for (int i = 0; i < steps; i++)
                {
                    int n = i;
                    total += await invocation.Steps.RunAsync($"step-{n}", () => n);
                }

                return invocation.SerializeResult(total);
            },
        };
        runner = new FunctionRunner(
            new ServiceCollection().BuildServiceProvider(),
            new InngestFunctionRegistry([function]),
            "app",
            (events, _) => Task.FromResult<IReadOnlyList<string>>(events.Select((_, i) => $"sent-{i}").ToArray()));

        var trigger = JsonDocument.Parse("""{"name":"test/user.signed_up","data":{"userId":"u1","plan":"pro"},"id":"evt-1","ts":1717000000000,"user":{}}""").RootElement.Clone();
        var memo = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var stack = new List<string>();
        for (int i = 0; i < steps; i++)
        {
            string hash = StepIds.Hash($"step-{i}");
            memo[hash] = JsonDocument.Parse($$"""{"data":{{i}}}""").RootElement.Clone();
            stack.Add(hash);
        }

        var request = new CallRequest
        {
            Event = trigger,
            Events = [trigger],
            Steps = memo,
            Ctx = new CallContext { RunId = "run-1", StepId = "step", Attempt = 0, MaxAttempts = 5, Stack = stack.ToArray() },
        };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            request.WriteTo(writer);
        }

        body = stream.ToArray();
        var response = Call().GetAwaiter().GetResult();
        string expected = (steps * (steps - 1) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode != 200 || Encoding.UTF8.GetString(response.ToBody()) != expected)
        {
            throw new InvalidOperationException($"expected a completed run, got {response.StatusCode}: {Encoding.UTF8.GetString(response.ToBody())}");
        }
    }

    [Benchmark(Description = "decode + replay + answer")]
    public async Task<int> DecodeReplayAnswer() => (await Call()).ToBody().Length;

    private Task<CallResponse> Call() => runner.CallAsync(function, CallRequest.Parse(body));
}
