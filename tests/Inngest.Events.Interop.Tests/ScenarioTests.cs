using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Infrastructure;
using Inngest.Events.Interop.Tests.Functions;
using Xunit.Abstractions;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// Each scenario runs three times under the same executor: against the official JS SDK over HTTP, against our
/// <see cref="FunctionRunner"/> in memory, and against our serve endpoint (<c>MapInngest</c>) over HTTP. All must answer
/// every call alike (status, retry headers, op codes, hashed ids, names, display names, opts, data, errors), end with
/// the same memoized state and the same outcome; both served SDKs must send their SDK and request-version headers.
/// </summary>
[Collection(JsSdkCollection.Name)]
public sealed class ScenarioTests(InteropFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The scenarios, by name (docs/interop.md lists them with their results).</summary>
    internal static readonly IReadOnlyDictionary<string, Scenario> All = new[]
    {
        new Scenario("two serial steps", "serial-steps", MaxAttempts: 5),
        new Scenario("parallel steps", "parallel-steps", MaxAttempts: 5),
        new Scenario("parallel steps, one retried, one sending an event", "parallel-retry", MaxAttempts: 2),
        new Scenario("steps and a function without results", "no-results", MaxAttempts: 5),
        new Scenario("a step fails then succeeds (and a RetryAfter)", "retry-then-succeed", MaxAttempts: 3),
        new Scenario("a step fails for good and is caught", "fail-and-catch", MaxAttempts: 2),
        new Scenario("a non-retriable step error", "non-retriable", MaxAttempts: 5),
        new Scenario("an error outside steps", "function-error", MaxAttempts: 2),
        new Scenario("errors outside steps: RetryAfter, then non-retriable", "function-retry-after", MaxAttempts: 3),
        new Scenario("sleep and sleep-until", "sleeps", MaxAttempts: 5),
        new Scenario("wait for event, matched", "wait-for-event", MaxAttempts: 5) { WaitResult = ScenarioEvents.EmailConfirmed },
        new Scenario("wait for event, timed out", "wait-for-event", MaxAttempts: 5) { WaitResult = null },
        new Scenario("invoke", "invoke-parent", MaxAttempts: 5) { Invoke = InvokeOutcome.RunChild },
        new Scenario("invoke, timed out", "invoke-parent", MaxAttempts: 5) { Invoke = InvokeOutcome.TimeOut },
        new Scenario("send events from a step", "send-event", MaxAttempts: 5),
        new Scenario("repeated step ids in a loop", "loop", MaxAttempts: 5),
        new Scenario("cancel-on, no cancelling event", "cancel-on", MaxAttempts: 5),
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Names => new(All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_JS_SDK_our_runner_and_our_serve_endpoint_answer_every_call_alike(string name)
    {
        var scenario = All[name];
        using var cancellation = new CancellationTokenSource(Timeout);

        var jsRun = await new InteropExecutor(fixture.JsEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);
        InteropAssert.ServeHeaders(jsRun, $"inngest-js:v{NodeTooling.PinnedInngestVersion()}");
        var js = Transcript.Of(jsRun);
        var dotnet = Transcript.Of(await new InteropExecutor(fixture.DotnetEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token));
        var httpRun = await new InteropExecutor(fixture.DotnetHttpEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);
        InteropAssert.ServeHeaders(httpRun, DotnetServeApp.SdkHeader);
        var http = Transcript.Of(httpRun);

        output.WriteLine(js.ToString());
        output.WriteLine(string.Join('\n', js.Applied.Concat(dotnet.Applied).Concat(http.Applied).Select(a => $"normalized {a.Key}: {a.Value}")));
        InteropAssert.SameTranscript(js, dotnet, fixture.Js.Log, "our runner");
        InteropAssert.SameTranscript(js, http, fixture.Js.Log, "our serve endpoint");
        InteropAssert.Documented(js.Applied.Keys.Concat(dotnet.Applied.Keys).Concat(http.Applied.Keys));
    }
}
