using System.Collections.Concurrent;
using System.Diagnostics;
using Inngest.Events.AspNetCore.Tests.Infrastructure;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>The endpoint's <c>ActivitySource("Inngest.Events.AspNetCore")</c>: a span per call and a child span per executed step.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Each_call_has_a_span_and_each_executed_step_a_child_span()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Inngest.Events.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Dev();
            o.Functions.Add(TestFunctions.Serial);
        });

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), CallBodies.Create(runId: "run-traced"));

        Assert.Equal((HttpStatusCode)206, response.StatusCode);
        var call = Assert.Single(stopped, a => a.OperationName == "inngest.call app-serial" && (string?)a.GetTagItem("inngest.run.id") == "run-traced");
        Assert.Equal(("app-serial", "step", 0, 206), (
            (string?)call.GetTagItem("inngest.function.id"),
            (string?)call.GetTagItem("inngest.step.id"),
            (int?)call.GetTagItem("inngest.attempt"),
            (int?)call.GetTagItem("http.response.status_code")));
        var step = Assert.Single(stopped, a => a.ParentSpanId == call.SpanId);
        Assert.Equal(("inngest.step a", "StepRun", StepIds.Hash("a")), (step.OperationName, (string?)step.GetTagItem("inngest.step.op"), (string?)step.GetTagItem("inngest.step.hash")));
    }
}
