namespace Inngest.Events.Engine.Tests;

public sealed class SystemEventTests
{
    [Fact]
    public async Task Functions_triggered_by_failed_and_finished_events_run_but_emit_no_system_events_themselves()
    {
        await using var h = new EngineHarness(
            Fn.On("fails", Names.OrderPlaced, _ => Fn.Fail(new NonRetriableException("boom"))),
            Fn.On("on-failure", Names.FunctionFailed, invocation =>
            {
                var failed = invocation.Event.GetProperty("data");
                return failed.GetProperty("function_id").GetString() == "app-fails"
                    ? Fn.Fail(new NonRetriableException("the failure handler fails too"))
                    : Task.FromResult(invocation.SerializeResult("ignored"));
            }),
            Fn.Returning("on-finished", Names.FunctionFinished, "seen"));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        Assert.Equal(RunStatus.Failed, h.SingleRun("fails").Status);
        var onFailure = h.SingleRun("on-failure");
        Assert.Equal(RunStatus.Failed, onFailure.Status);
        Assert.Equal(h.SingleRun("fails").RunId, onFailure.Event.GetProperty("data").GetProperty("run_id").GetString());
        Assert.Equal(RunStatus.Completed, h.SingleRun("on-finished").Status);

        var failed = Assert.Single(h.EventsNamed(Names.FunctionFailed));
        var finished = Assert.Single(h.EventsNamed(Names.FunctionFinished));
        Assert.Equal("app-fails", failed.Data.GetProperty("function_id").GetString());
        Assert.Equal("app-fails", finished.Data.GetProperty("function_id").GetString());
    }

    [Fact]
    public async Task Functions_triggered_by_cancelled_events_emit_their_own_finished_event()
    {
        await using var h = new EngineHarness(
            Fn.On(
                "slow",
                Names.OrderPlaced,
                async invocation =>
                {
                    await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
                    return FunctionInvocation.NoResult;
                },
                new FunctionConfig { Cancel = [new CancelOn(Names.OrderCancelled)] }),
            Fn.Returning("on-cancelled", Names.FunctionCancelled, "noted"));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.SendAsync(new OrderCancelled("o1"));
        await h.RunAsync();

        Assert.Equal(RunStatus.Completed, h.SingleRun("on-cancelled").Status);
        Assert.Equal(
            ["app-slow", "app-on-cancelled"],
            h.EventsNamed(Names.FunctionFinished).Select(e => e.Data.GetProperty("function_id").GetString()));
    }
}
