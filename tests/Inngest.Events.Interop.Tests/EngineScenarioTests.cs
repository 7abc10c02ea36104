using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Engine;
using Inngest.Events.Interop.Tests.Infrastructure;
using Xunit.Abstractions;
using EngineRun = Inngest.Events.Engine.RunRecord;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The engine leg: the embedded engine, as a local Inngest server, drives the JS functions (served by the official JS
/// SDK) and their .NET twins (served by our <c>MapInngest</c>) over HTTP, from events sent to its event API. Each
/// scenario plays on two engines, one per app, and both runs must end the same: the same calls and ops, steps and
/// memoized values, events sent from steps, outcome and result, and system events with their data.
/// </summary>
[Collection(EngineLegCollection.Name)]
public sealed class EngineScenarioTests(EngineLegFixture fixture, ITestOutputHelper output)
{
    /// <summary>The scenarios, by name (docs/interop.md lists them with their results).</summary>
    internal static readonly IReadOnlyDictionary<string, EngineScenario> All = new[]
    {
        new EngineScenario("two serial steps", "serial-steps", "e-serial", RunStatus.Completed),
        new EngineScenario("parallel steps", "parallel-steps", "e-parallel", RunStatus.Completed),
        new EngineScenario("parallel steps, one retried, one sending an event", "parallel-retry", "e-parallel-retry", RunStatus.Completed),
        new EngineScenario("steps and a function without results", "no-results", "e-no-results", RunStatus.Completed),
        new EngineScenario("a step fails then succeeds (and a RetryAfter)", "retry-then-succeed", "e-retry", RunStatus.Completed),
        new EngineScenario("a step fails for good and is caught", "fail-and-catch", "e-catch", RunStatus.Completed),
        new EngineScenario("a non-retriable step error", "non-retriable", "e-non-retriable", RunStatus.Failed),
        new EngineScenario("an error outside steps", "function-error", "e-function-error", RunStatus.Failed),
        new EngineScenario("errors outside steps: RetryAfter, then non-retriable", "function-retry-after", "e-function-retry-after", RunStatus.Failed),
        new EngineScenario("sleep and sleep-until", "sleeps", "e-sleeps", RunStatus.Completed),
        new EngineScenario("wait for event, matched", "wait-for-event", "e-wait-matched", RunStatus.Completed) { Then = EngineScenario.EmailConfirmed("e-wait-matched") },
        new EngineScenario("wait for event, timed out", "wait-for-event", "e-wait-timeout", RunStatus.Completed),
        new EngineScenario("invoke", "invoke-parent", "e-invoke", RunStatus.Completed),
        new EngineScenario("send events from a step", "send-event", "e-send", RunStatus.Completed),
        new EngineScenario("repeated step ids in a loop", "loop", "e-loop", RunStatus.Completed),
        new EngineScenario("cancel-on", "cancel-on", "e-cancel", RunStatus.Cancelled) { Then = EngineScenario.UserDeleted("e-cancel") },
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Names => new(All.Keys);

    [Fact]
    public void Both_apps_sync_with_their_engine_through_fn_register()
    {
        var js = fixture.JsSync!.App;
        var dotnet = fixture.DotnetSync!.App;

        Assert.Equal(("interop", "out_of_band", fixture.Js.ServeUrl), (js.AppId, js.SyncKind, js.Url));
        Assert.Equal(("interop", "out_of_band", fixture.Dotnet.ServeUrl), (dotnet.AppId, dotnet.SyncKind, dotnet.Url));
        Assert.Equal($"js:v{NodeTooling.PinnedInngestVersion()}", js.Sdk);
        Assert.Equal(DotnetServeApp.SdkHeader, dotnet.Sdk);
        Assert.Equal(js.FunctionIds.Order(StringComparer.Ordinal), dotnet.FunctionIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_engine_ends_the_JS_run_and_ours_alike(string name)
    {
        var scenario = All[name];

        var jsRun = await PlayAsync(fixture.JsEngine, scenario);
        var dotnetRun = await PlayAsync(fixture.DotnetEngine, scenario);
        var js = EngineTranscript.Of(fixture.JsEngine.Engine, jsRun);
        var dotnet = EngineTranscript.Of(fixture.DotnetEngine.Engine, dotnetRun);

        output.WriteLine(js.ToString());
        output.WriteLine(string.Join('\n', js.Applied.Concat(dotnet.Applied).Select(a => $"normalized {a.Key}: {a.Value}")));
        Assert.True(scenario.Expected == jsRun.Status, $"The JS run ended {jsRun.Status}, not {scenario.Expected}:\n{js}\n--- JS SDK server log ---\n{fixture.Js.Log}");
        InteropAssert.SameLines("the engine's JS run", js.Lines, js.Applied, "the engine's .NET run", dotnet.Lines, dotnet.Applied, fixture.Js.Log);
        InteropAssert.Documented(js.Applied.Keys.Concat(dotnet.Applied.Keys));

        // Every ended run gets inngest/function.finished, plus .failed or .cancelled.
        var expected = jsRun.Status switch
        {
            RunStatus.Failed => new[] { "inngest/function.failed", "inngest/function.finished" },
            RunStatus.Cancelled => ["inngest/function.cancelled", "inngest/function.finished"],
            _ => ["inngest/function.finished"],
        };
        Assert.Equal(expected, SystemEventsOf(fixture.DotnetEngine.Engine, dotnetRun));
    }

    private async Task<EngineRun> PlayAsync(DevServerHost host, EngineScenario scenario)
    {
        await fixture.SendAsync(host, scenario.Trigger);
        await host.RunAsync();
        if (scenario.Then is { } then)
        {
            await fixture.SendAsync(host, then);
        }

        await host.SettleAsync(engine => Find(engine, scenario) is { IsFinished: true });
        return Find(host.Engine, scenario) ?? throw new InvalidOperationException($"No run of {scenario.FunctionId} for {scenario.UserId}.");
    }

    private static EngineRun? Find(InngestEngine engine, EngineScenario scenario)
        => engine.Runs.SingleOrDefault(r => r.FunctionId == scenario.FunctionId
            && r.Event.TryGetProperty("data", out var data) && data.TryGetProperty("userId", out var user) && user.GetString() == scenario.UserId);

    private static string[] SystemEventsOf(InngestEngine engine, EngineRun run)
        => engine.Events
            .Where(e => e.Name.StartsWith("inngest/function.", StringComparison.Ordinal) && e.Data.TryGetProperty("run_id", out var id) && id.GetString() == run.RunId)
            .Select(e => e.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
