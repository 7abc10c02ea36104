using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Functions;
using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// Differences between the JS SDK and our runner that the server does not treat as equivalent, or that change what a
/// user sees. Each test pins both sides' current behaviour and checks that docs/interop.md explains it under its id;
/// when one side changes, the test fails and the note must be revisited.
/// </summary>
[Collection(JsSdkCollection.Name)]
public sealed class KnownDifferenceTests(InteropFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KD_duration_rounding_a_fraction_of_a_second_is_dropped_by_JS_and_rounded_up_by_us()
    {
        var scenario = new Scenario("sleep with a fraction of a second", "sleep-fraction", MaxAttempts: 5);
        using var cancellation = new CancellationTokenSource(Timeout);

        var js = await new InteropExecutor(fixture.JsEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);
        var dotnet = await new InteropExecutor(fixture.DotnetEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);
        var http = await new InteropExecutor(fixture.DotnetHttpEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);

        // step.sleep("short", 1500): JS's timeStr floors every unit ("1s"); TimeStrings.Format rounds up ("2s").
        var jsSleep = js.Exchanges[0].Ops.Single().Raw;
        Assert.Equal(("Sleep", "1s"), (jsSleep["op"]!.GetValue<string>(), jsSleep["name"]!.GetValue<string>()));
        foreach (var ours in new[] { dotnet, http })
        {
            var sleep = ours.Exchanges[0].Ops.Single().Raw;
            Assert.Equal(("Sleep", "2s"), (sleep["op"]!.GetValue<string>(), sleep["opts"]!["duration"]!.GetValue<string>()));

            // Apart from the duration, the runs are the same.
            Assert.Equal(js.Outcome, ours.Outcome);
            Assert.Equal(Transcript.Canonical(js.Result), Transcript.Canonical(ours.Result));
        }

        InteropAssert.Documented(["KD-duration-rounding"]);
    }

    [Fact]
    public async Task KD_step_not_found_both_answer_500_retriable_with_different_bodies()
    {
        // A targeted call for a step the function never reaches (its code changed since the step was planned).
        var missing = StepIds.Hash("not-in-the-code");
        var request = new CallRequest
        {
            Event = ScenarioEvents.SignedUp,
            Events = [ScenarioEvents.SignedUp],
            Ctx = new CallContext
            {
                FnId = InteropExecutor.InternalFunctionId,
                RunId = "01J00000000000000000000RUN",
                StepId = missing,
                DisableImmediateExecution = true,
            },
        };
        using var cancellation = new CancellationTokenSource(Timeout);

        // JS keeps looking for the step for 10 seconds before it gives up; we answer as soon as the code can go no further.
        var js = await fixture.JsEndpoint.CallAsync("interop-serial-steps", request, cancellation.Token);
        var dotnet = await fixture.DotnetEndpoint.CallAsync("interop-serial-steps", request, cancellation.Token);
        var http = await fixture.DotnetHttpEndpoint.CallAsync("interop-serial-steps", request, cancellation.Token);

        Assert.Equal((500, "false"), (js.Status, js.NoRetry));
        Assert.Equal((500, "false"), (dotnet.Status, dotnet.NoRetry));
        Assert.Equal((500, "false", DotnetServeApp.SdkHeader, "2"), (http.Status, http.NoRetry, http.Header("x-inngest-sdk"), http.Header("x-inngest-req-version")));
        Assert.Equal(Transcript.Canonical(JsonNode.Parse(dotnet.Body)), Transcript.Canonical(JsonNode.Parse(http.Body)));

        var jsBody = JsonNode.Parse(js.Body)!.AsObject();
        Assert.Equal(["error", "foundSteps", "requestedStep", "totalFoundSteps"], jsBody.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(missing, jsBody["requestedStep"]!.GetValue<string>());
        Assert.Equal(
            $$"""[{"displayName":"a","id":"{{StepIds.Hash("a")}}","name":"a"}]""",
            Transcript.Canonical(jsBody["foundSteps"]));

        var dotnetBody = JsonNode.Parse(dotnet.Body)!.AsObject();
        Assert.Equal(["message", "name"], dotnetBody.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("StepNotFound", dotnetBody["name"]!.GetValue<string>());
        Assert.Contains(missing, dotnetBody["message"]!.GetValue<string>(), StringComparison.Ordinal);
        InteropAssert.Documented(["KD-step-not-found-body"]);
    }
}
