namespace Inngest.Events.Engine.Tests;

public sealed class CancellationTests
{
    private static InngestFunctionDefinition Reminder(Action onRemind, FunctionConfig config)
        => Fn.On(
            "reminder",
            Names.OrderPlaced,
            async invocation =>
            {
                await invocation.Steps.SleepAsync("wait-a-day", TimeSpan.FromDays(1));
                await invocation.Steps.RunAsync("remind", onRemind);
                return FunctionInvocation.NoResult;
            },
            config);

    [Fact]
    public async Task A_matching_event_after_the_run_started_cancels_it()
    {
        var reminded = 0;
        await using var h = new EngineHarness(Reminder(() => reminded++, new FunctionConfig
        {
            Cancel = [new CancelOn(Names.OrderCancelled, "event.data.orderId == async.data.orderId")],
        }));

        await h.SendAsync(new OrderCancelled("o1"));
        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        Assert.Equal(RunStatus.Sleeping, h.SingleRun("reminder").Status);

        await h.SendAsync(new OrderCancelled("o2"));
        await h.RunAsync();
        Assert.Equal(RunStatus.Sleeping, h.SingleRun("reminder").Status);

        var cancelId = await h.SendAsync(new OrderCancelled("o1"));
        var run = h.SingleRun("reminder");
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Contains(cancelId, run.CancellationReason);
        await h.RunAsync();

        var cancelled = Assert.Single(h.EventsNamed(Names.FunctionCancelled));
        Assert.Equal(run.RunId, cancelled.Id);
        Assert.Equal(["function_id", "run_id", "event", "events", "_inngest"], cancelled.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("{\"status\":\"Cancelled\"}", cancelled.Data.GetProperty("_inngest").GetRawText());
        Assert.Single(h.EventsNamed(Names.FunctionFinished));

        var calls = run.Calls.Count;
        await h.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal(calls, h.SingleRun("reminder").Calls.Count);
        Assert.Equal(0, reminded);
    }

    [Fact]
    public async Task A_cancel_rule_applies_only_within_its_timeout()
    {
        await using var h = new EngineHarness(Reminder(() => { }, new FunctionConfig
        {
            Cancel = [new CancelOn(Names.OrderCancelled, Timeout: "1h")],
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromHours(2));
        await h.SendAsync(new OrderCancelled("o1"));
        await h.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(RunStatus.Completed, h.SingleRun("reminder").Status);
    }

    [Fact]
    public async Task A_finish_timeout_cancels_a_run_that_takes_too_long()
    {
        await using var h = new EngineHarness(Reminder(() => { }, new FunctionConfig { Timeouts = new TimeoutsConfig(Finish: "1h") }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(RunStatus.Sleeping, h.SingleRun("reminder").Status);

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        var run = h.SingleRun("reminder");
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Contains("finish timeout", run.CancellationReason);
        Assert.Single(h.EventsNamed(Names.FunctionCancelled));

        await h.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Single(h.SingleRun("reminder").Calls);
    }

    [Fact]
    public async Task A_start_timeout_cancels_a_run_that_waited_too_long_to_start()
    {
        await using var h = new EngineHarness(Fn.On(
            "prompt",
            Names.OrderPlaced,
            i => Task.FromResult(i.SerializeResult("ran")),
            new FunctionConfig { Timeouts = new TimeoutsConfig(Start: "1m") }));

        await h.SendAsync(new OrderPlaced("on-time"));
        await h.RunAsync();
        await h.SendAsync(new OrderPlaced("late"));
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.RunAsync();

        var runs = h.RunsOf("prompt");
        Assert.Equal([RunStatus.Completed, RunStatus.Cancelled], runs.Select(r => r.Status));
        Assert.Empty(runs[1].Calls);
        Assert.Contains("start timeout", runs[1].CancellationReason);
    }
}
