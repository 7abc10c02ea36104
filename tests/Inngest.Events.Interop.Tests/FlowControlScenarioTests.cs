using System.Text.RegularExpressions;
using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Engine;
using Inngest.Events.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The engine leg for flow control: for each policy, the engine drives the JS function (configured with the official JS
/// SDK) and its .NET twin (configured with our attributes) through the same events. On each engine the policy must hold
/// as Inngest documents it, and the two runs must end the same: the same runs, calls, steps and results, the same
/// flow-control decisions in their timelines, the same skipped events and the same start order.
/// </summary>
[Collection(FlowControlLegCollection.Name)]
public sealed partial class FlowControlScenarioTests(FlowControlLegFixture fixture, ITestOutputHelper output)
{
    internal static readonly IReadOnlyDictionary<string, FlowScenario> All = new FlowScenario[]
    {
        new("concurrency: one step per key at a time", "flow-concurrency", "concurrency", [("a", 1), ("a", 2), ("b", 1)], 3)
        {
            Check = o =>
            {
                Assert.All(o.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
                Assert.Contains(o.Runs[1].Timeline, e => e.Message == "delayed: concurrency key=a (limit 1) is full; the run waits for a slot");
                Assert.Equal([0, 2, 1], o.StartOrder);
                var firstEnded = o.Timeline.ToList().FindIndex(e => e.RunId == o.Runs[0].RunId && e.Kind == RunTimelineKind.Completed);
                var secondStarted = o.Timeline.ToList().FindIndex(e => e.RunId == o.Runs[1].RunId && e.Kind == RunTimelineKind.Started);
                Assert.True(secondStarted > firstEnded, "the second run of key a started before the first ended");
            },
        },
        new("throttle: one run per minute per key, none dropped", "flow-throttle", "throttle", [("a", 1), ("a", 2), ("a", 3)], 3)
        {
            Check = o =>
            {
                var start = o.Runs[0].StartedAt!.Value;
                Assert.Equal([start, start.AddMinutes(1), start.AddMinutes(2)], o.Runs.Select(r => r.StartedAt!.Value));
                Assert.Equal("delayed: throttle key=a (1 per 1m); 1 run(s) ahead", o.Runs[2].Timeline.Single(e => e.Kind == RunTimelineKind.Delayed).Message);
                Assert.Empty(o.Skipped);
            },
        },
        new("rateLimit: the second event of a key within a minute starts no run", "flow-rate-limit", "rate-limit", [("a", 1), ("a", 2), ("b", 1)], 2)
        {
            Check = o =>
            {
                Assert.Equal(["a:1", "b:1"], o.Runs.Select(r => r.Result!.Value.GetString()));
                var skipped = Assert.Single(o.Skipped);
                Assert.Equal((SkipReason.RateLimit, "a", 1, "skipped: rateLimit key=a (1 per 1m)"), (skipped.Reason, skipped.Key, o.EventIndex[skipped.EventInternalId], skipped.Message));
            },
        },
        new("debounce: a burst runs once, with its last event, 10s after it", "flow-debounce", "debounce", [("a", 1), ("a", 2), ("a", 3)], 1)
        {
            Check = o =>
            {
                var run = Assert.Single(o.Runs);
                Assert.Equal("a:3", run.Result!.Value.GetString());
                Assert.Equal(run.CreatedAt, run.StartedAt);
                Assert.Equal([0, 1], o.Skipped.Select(s => o.EventIndex[s.EventInternalId]));
                Assert.All(o.Skipped, s => Assert.Equal((SkipReason.Debounce, "a"), (s.Reason, s.Key)));
                Assert.EndsWith(": debounced key=a: 3 event(s), the last starts the run", run.Timeline[0].Message, StringComparison.Ordinal);
            },
        },
        new("batchEvents: three events, one run that receives all three", "flow-batch", "batch", [("a", 1), ("a", 2), ("a", 3)], 1)
        {
            Check = o =>
            {
                var run = Assert.Single(o.Runs);
                Assert.Equal("a:1,a:2,a:3", run.Result!.Value.GetString());
                Assert.Equal(3, run.Events.Count);
                Assert.All(run.Calls, call => Assert.Equal(3, call.Request.Events.Count));
                Assert.EndsWith(": batched 3 event(s) (full)", run.Timeline[0].Message, StringComparison.Ordinal);
            },
        },
        new("priority: a higher priority run starts before older ones", "flow-priority", "priority", [("a", 0), ("a", 0), ("a", 300)], 3)
        {
            Check = o =>
            {
                Assert.Equal([2, 0, 1], o.StartOrder);
                Assert.EndsWith("; priority +300s", o.Runs[2].Timeline[0].Message, StringComparison.Ordinal);
            },
        },
        new("singleton (skip): an event for a running key starts no run", "flow-singleton", "singleton", [("a", 1)], 1)
        {
            Then = [("a", 2)],
            Check = o =>
            {
                Assert.Equal("a:1", Assert.Single(o.Runs).Result!.Value.GetString());
                var skipped = Assert.Single(o.Skipped);
                Assert.Equal((SkipReason.Singleton, "a", 1), (skipped.Reason, skipped.Key, o.EventIndex[skipped.EventInternalId]));
            },
        },
        new("singleton (cancel): an event for a running key cancels the run and starts a new one", "flow-singleton-cancel", "singleton-cancel", [("a", 1)], 2)
        {
            Then = [("a", 2)],
            Check = o =>
            {
                Assert.Equal([RunStatus.Cancelled, RunStatus.Completed], o.Runs.Select(r => r.Status));
                Assert.Equal($"singleton key=a: replaced by run {o.Runs[1].RunId}", o.Runs[0].CancellationReason);
                Assert.Equal("a:2", o.Runs[1].Result!.Value.GetString());
                Assert.Empty(o.Skipped);
            },
        },
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Names => new(All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_engine_applies_flow_control_to_the_JS_app_and_ours_alike(string name)
    {
        var scenario = All[name];

        var js = await PlayAsync(fixture.JsEngine, scenario);
        var dotnet = await PlayAsync(fixture.DotnetEngine, scenario);
        var jsLines = Lines(fixture.JsEngine.Engine, js);
        var dotnetLines = Lines(fixture.DotnetEngine.Engine, dotnet);
        output.WriteLine(string.Join('\n', jsLines));

        scenario.Check(js);
        scenario.Check(dotnet);
        InteropAssert.SameLines("the engine's JS runs", jsLines, new Dictionary<string, string>(), "the engine's .NET runs", dotnetLines, new Dictionary<string, string>(), fixture.Js.Log);

        // A cancelled run emits function.cancelled and function.finished, as every other cancelled run.
        foreach (var run in dotnet.Runs.Concat(js.Runs).Where(r => r.Status == RunStatus.Cancelled))
        {
            var engine = dotnet.Runs.Contains(run) ? fixture.DotnetEngine.Engine : fixture.JsEngine.Engine;
            Assert.Equal(["inngest/function.cancelled", "inngest/function.finished"], engine.Events
                .Where(e => e.Name.StartsWith("inngest/function.", StringComparison.Ordinal) && e.Data.TryGetProperty("run_id", out var id) && id.GetString() == run.RunId)
                .Select(e => e.Name).Order(StringComparer.Ordinal));
        }
    }

    private async Task<FlowOutcome> PlayAsync(DevServerHost host, FlowScenario scenario)
    {
        var index = 0;
        foreach (var e in scenario.Events)
        {
            await fixture.SendAsync(host, scenario.Event(index++, e));
        }

        await host.RunAsync();
        foreach (var e in scenario.Then)
        {
            await fixture.SendAsync(host, scenario.Event(index++, e));
        }

        await host.SettleAsync(engine => RunsOf(engine, scenario) is { } runs && runs.Length >= scenario.ExpectedRuns && runs.All(r => r.IsFinished));
        var engine = host.Engine;
        var runs = RunsOf(engine, scenario);
        Assert.True(runs.Length == scenario.ExpectedRuns, $"{runs.Length} runs of {scenario.FunctionId}, not {scenario.ExpectedRuns}");
        var ids = runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var events = engine.Events
            .Where(e => e.Name == "test/flow.requested" && e.Data.GetProperty("policy").GetString() == scenario.Policy)
            .ToDictionary(e => e.InternalId, e => int.Parse(e.Id.AsSpan($"evt-{scenario.Policy}-".Length), System.Globalization.CultureInfo.InvariantCulture));
        return new FlowOutcome(
            runs,
            engine.Skipped.Where(s => s.FunctionId == scenario.FunctionId).ToArray(),
            events,
            host.Timeline.Where(e => ids.Contains(e.RunId)).ToArray());
    }

    private static RunRecord[] RunsOf(InngestEngine engine, FlowScenario scenario)
        => engine.Runs.Where(r => r.FunctionId == scenario.FunctionId).ToArray();

    /// <summary>Each run's transcript and flow-control timeline entries, the skipped events and the start order, with engine ids normalized.</summary>
    private static List<string> Lines(InngestEngine engine, FlowOutcome outcome)
    {
        var lines = new List<string>();
        foreach (var run in outcome.Runs)
        {
            lines.AddRange(EngineTranscript.Of(engine, run).Lines);
            lines.AddRange(run.Timeline
                .Where(e => e.Kind is RunTimelineKind.Queued or RunTimelineKind.Delayed or RunTimelineKind.Cancelled)
                .Select(e => $"  timeline {e.Kind}: {Ulid().Replace(e.Message, "<ulid>")}"));
        }

        lines.AddRange(outcome.Skipped.Select(s => $"skipped event {outcome.EventIndex[s.EventInternalId]}: {s.Reason} key={s.Key} {Ulid().Replace(s.Message, "<ulid>")}"));
        lines.Add($"start order: {string.Join(",", outcome.StartOrder)}");
        return lines;
    }

    [GeneratedRegex("\\b[0-9A-HJKMNP-TV-Z]{26}\\b")]
    private static partial Regex Ulid();
}
