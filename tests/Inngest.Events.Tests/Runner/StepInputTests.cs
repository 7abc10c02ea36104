using System.Text.Json;
using Inngest.Events.Protocol;
using Xunit;

namespace Inngest.Events.Tests.Runner;

/// <summary>
/// <c>step.RunAsync(id, input, action)</c>: the action gets the input, the step reports it as <c>opts.input</c> (an array,
/// as Inngest's SDKs report a step's arguments) on every op, and a memoized step neither runs nor needs its input again.
/// </summary>
public sealed class StepInputTests
{
    private static readonly string Hash = StepIds.Hash("double");

    [Fact]
    public async Task The_action_gets_the_input_and_the_step_reports_it()
    {
        var seen = new List<int>();
        var harness = new RunnerHarness(async invocation =>
        {
            var doubled = await invocation.Steps.RunAsync("double", 21, n =>
            {
                seen.Add(n);
                return n * 2;
            });
            return invocation.SerializeResult(doubled);
        });

        var first = await harness.CallAsync();
        Assert.Equal(
            $$$"""[{"id":"{{{Hash}}}","op":"StepRun","name":"double","displayName":"double","opts":{"input":[21]},"data":42,"userland":{"id":"double"}}]""",
            RunnerHarness.Body(first));
        harness.Store(first.Ops[0]);

        var second = await harness.CallAsync();
        Assert.Equal((200, "42"), (second.StatusCode, RunnerHarness.Body(second)));
        Assert.Equal([21], seen);
    }

    [Fact]
    public async Task A_planned_step_with_an_input_carries_it_and_runs_it_when_asked()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            var results = await Task.WhenAll(
                invocation.Steps.RunAsync("left", "l", s => s.ToUpperInvariant()),
                invocation.Steps.RunAsync("right", "r", s => Task.FromResult(s + s)));
            return invocation.SerializeResult(string.Concat(results));
        });

        var discovery = await harness.CallAsync();
        Assert.Equal(["""{"input":["l"]}""", """{"input":["r"]}"""], discovery.Ops.Select(o => o.Opts!.Value.GetRawText()));
        Assert.All(discovery.Ops, o => Assert.Equal(OpCodes.StepPlanned, o.Op));

        var right = await harness.CallAsync(StepIds.Hash("right"));
        var op = Assert.Single(right.Ops);
        Assert.Equal((OpCodes.StepRun, "\"rr\"", """{"input":["r"]}"""), (op.Op, op.Data!.Value.GetRawText(), op.Opts!.Value.GetRawText()));
    }

    [Fact]
    public async Task Steps_with_an_input_and_no_result_run_their_action()
    {
        var done = new List<string>();
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.RunAsync("sync", "a", done.Add);
            await invocation.Steps.RunAsync("async", "b", s =>
            {
                done.Add(s);
                return Task.CompletedTask;
            });
            return FunctionInvocation.NoResult;
        });

        harness.Store((await harness.CallAsync()).Ops[0]);
        harness.Store((await harness.CallAsync()).Ops[0]);
        var last = await harness.CallAsync();

        Assert.Equal(200, last.StatusCode);
        Assert.Equal(["a", "b"], done);
    }

    [Fact]
    public async Task An_input_type_without_metadata_is_refused_with_the_step_and_the_type()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.RunAsync("charge", new Unknown("x"), u => u.Value);
            return FunctionInvocation.NoResult;
        });

        var response = await harness.CallAsync();

        Assert.Equal(500, response.StatusCode);
        Assert.StartsWith($"No JSON serializer is known for '{typeof(Unknown)}', the input type of step 'charge'.", response.Error?.Message);
    }

    private sealed record Unknown(string Value);
}
