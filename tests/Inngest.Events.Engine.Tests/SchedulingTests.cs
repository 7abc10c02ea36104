namespace Inngest.Events.Engine.Tests;

public sealed class SchedulingTests
{
    [Fact]
    public async Task An_event_id_starts_one_run_per_function_within_24_hours_and_another_after()
    {
        await using var h = new EngineHarness(Fn.Returning("once", Names.OrderPlaced, "ok"), Fn.Returning("also-once", Names.OrderPlaced, "ok"));
        var options = new EventOptions { Id = "order-1" };

        await h.SendAsync(new OrderPlaced("o1"), options);
        await h.SendAsync(new OrderPlaced("o1"), options);
        await h.RunAsync();
        Assert.Single(h.RunsOf("once"));
        Assert.Single(h.RunsOf("also-once"));
        Assert.Equal(2, h.EventsNamed(Names.OrderPlaced).Count);

        await h.AdvanceAsync(TimeSpan.FromHours(23));
        await h.SendAsync(new OrderPlaced("o1"), options);
        await h.RunAsync();
        Assert.Single(h.RunsOf("once"));

        await h.AdvanceAsync(TimeSpan.FromHours(2));
        await h.SendAsync(new OrderPlaced("o1"), options);
        await h.RunAsync();
        Assert.Equal(2, h.RunsOf("once").Count);
        Assert.Equal(2, h.RunsOf("also-once").Count);

        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-2" });
        await h.RunAsync();
        Assert.Equal(3, h.RunsOf("once").Count);
    }

    [Fact]
    public async Task An_event_without_an_id_gets_its_internal_id_so_every_send_runs()
    {
        await using var h = new EngineHarness(Fn.Returning("each", Names.OrderPlaced, "ok"));

        var first = await h.SendAsync(new OrderPlaced("o1"));
        var second = await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        Assert.Equal(2, h.RunsOf("each").Count);
        Assert.Equal([first, second], h.RunsOf("each").Select(r => r.Event.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_idempotency_expression_is_the_dedup_key()
    {
        await using var h = new EngineHarness(Fn.On(
            "per-customer",
            Names.OrderPlaced,
            i => Task.FromResult(i.SerializeResult("ok")),
            new FunctionConfig { Idempotency = "event.data.customerId" }));

        await h.SendAsync(new OrderPlaced("o1", CustomerId: "c1"));
        await h.SendAsync(new OrderPlaced("o2", CustomerId: "c1"));
        await h.SendAsync(new OrderPlaced("o3", CustomerId: "c2"));
        await h.RunAsync();

        Assert.Equal(["o1", "o3"], h.RunsOf("per-customer").Select(r => r.Event.GetProperty("data").GetProperty("orderId").GetString()));
    }

    [Fact]
    public async Task An_event_with_a_future_ts_starts_its_runs_at_that_time()
    {
        await using var h = new EngineHarness(Fn.Returning("later", Names.OrderPlaced, "ok"));
        var at = EngineHarness.Start + TimeSpan.FromHours(1);

        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Ts = at });
        await h.RunAsync();
        var run = h.SingleRun("later");
        Assert.Equal(RunStatus.Queued, run.Status);
        Assert.Empty(run.Calls);
        Assert.Equal(at, h.Engine.NextDueAt);
        Assert.Equal(at.ToUnixTimeMilliseconds(), run.Event.GetProperty("ts").GetInt64());

        await h.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(RunStatus.Queued, h.SingleRun("later").Status);

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        run = h.SingleRun("later");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(at, run.StartedAt);
        Assert.Equal(at, Assert.Single(run.Calls).Time);
    }

    [Fact]
    public async Task A_past_ts_is_kept_and_the_run_starts_at_once()
    {
        await using var h = new EngineHarness(Fn.Returning("now", Names.OrderPlaced, "ok"));
        var at = EngineHarness.Start - TimeSpan.FromDays(3);

        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Ts = at });
        await h.RunAsync();

        var run = h.SingleRun("now");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(at.ToUnixTimeMilliseconds(), run.Event.GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task Sleep_waits_on_the_clock_and_stores_null()
    {
        var after = 0;
        await using var h = new EngineHarness(Fn.On("napper", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            await invocation.Steps.SleepUntilAsync("until", EngineHarness.Start + TimeSpan.FromHours(3));
            var value = await invocation.Steps.RunAsync("after", () => ++after);
            return invocation.SerializeResult(value);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        var run = h.SingleRun("napper");
        Assert.Equal(RunStatus.Sleeping, run.Status);
        Assert.Equal((OpCodes.Sleep, StepStatus.Sleeping), (run.Step("nap")!.Op, run.Step("nap")!.Status));
        Assert.Equal("1h", Assert.Single(run.Calls[0].Response.Ops).Opts!.Value.GetProperty("duration").GetString());
        Assert.Equal(EngineHarness.Start + TimeSpan.FromHours(1), h.Engine.NextDueAt);

        await h.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(RunStatus.Sleeping, h.SingleRun("napper").Status);
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        run = h.SingleRun("napper");
        Assert.Equal(StepStatus.Completed, run.Step("nap")!.Status);
        Assert.Equal(RunStatus.Sleeping, run.Status);
        Assert.Equal(JsonValueKind.Null, run.Calls.Last().Request.Steps[StepIds.Hash("nap")].ValueKind);
        Assert.Equal(EngineHarness.Start + TimeSpan.FromHours(3), h.Engine.NextDueAt);

        await h.AdvanceAsync(TimeSpan.FromHours(2));
        run = h.SingleRun("napper");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(1, after);
        Assert.Equal(EngineHarness.Start + TimeSpan.FromHours(3), run.EndedAt);
        Assert.Equal([RunTimelineKind.Sleeping, RunTimelineKind.Woke, RunTimelineKind.Sleeping, RunTimelineKind.Woke],
            run.Timeline.Where(e => e.Kind is RunTimelineKind.Sleeping or RunTimelineKind.Woke).Select(e => e.Kind));
    }
}
