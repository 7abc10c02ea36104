using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// A new engine on the store of a stopped (or crashed) one resumes every run from the store alone: sleeps fire at their
/// time (at once when overdue), waits still match, retries keep their attempt numbers, dedup still holds, timers are not
/// doubled, a call that was running at a crash runs again, and flow control carries on. Every store runs these: derive
/// a class that makes the store (<see cref="InMemoryRestartTests"/>, <see cref="SqliteRestartTests"/>).
/// </summary>
public abstract class RestartTests
{
    /// <summary>A new, empty store; each test makes its own.</summary>
    private protected abstract IEngineStore CreateStore();

    /// <summary>
    /// The store a restarted process gets in place of <paramref name="store"/>: the same one by default (in memory); for
    /// a store on a file, a new store on the same file once the old one is closed.
    /// </summary>
    private protected virtual IEngineStore Reopen(IEngineStore store) => store;

    private EngineHarness Harness(params InngestFunctionDefinition[] functions) => new(CreateStore(), null, functions) { Reopen = Reopen };

    [Fact]
    public async Task A_sleeping_run_wakes_at_its_time_after_a_restart_without_running_finished_steps_again()
    {
        var before = 0;
        var after = 0;
        await using var h = Harness(Fn.On("napper", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.RunAsync("before", () => ++before);
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            return invocation.SerializeResult(await invocation.Steps.RunAsync("after", () => ++after));
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.RestartAsync();

        Assert.Equal(RunStatus.Sleeping, h.SingleRun("napper").Status);
        Assert.Equal(EngineHarness.Start.AddHours(1), h.Engine.NextDueAt);
        await h.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(RunStatus.Sleeping, h.SingleRun("napper").Status);

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        var run = h.SingleRun("napper");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal((1, 1), (before, after));
        Assert.Equal(EngineHarness.Start.AddHours(1), run.EndedAt);
        Assert.Equal([StepIds.Hash("before"), StepIds.Hash("nap"), StepIds.Hash("after")], run.Stack);
        Assert.Single(h.EventsNamed(Names.FunctionFinished));
    }

    [Fact]
    public async Task A_sleep_that_ended_while_the_engine_was_down_ends_at_once()
    {
        await using var h = Harness(Fn.On("napper", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            return invocation.SerializeResult("awake");
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.Engine.DisposeAsync();
        h.Time.Advance(TimeSpan.FromDays(2));
        await h.RestartAsync();
        await h.RunAsync();

        var run = h.SingleRun("napper");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(EngineHarness.Start.AddDays(2), run.EndedAt);
    }

    [Fact]
    public async Task A_wait_still_matches_after_a_restart_and_only_events_sent_after_it_began()
    {
        await using var h = Harness(Fn.On("await-payment", Names.OrderPlaced, async invocation =>
        {
            var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
            return invocation.SerializeResult(payment?.Data.Amount ?? -1);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.SendAsync(new PaymentReceived("o2", 5));
        await h.RestartAsync();

        await h.SendAsync(new PaymentReceived("o1", 7));
        await h.RunAsync();

        var run = h.SingleRun("await-payment");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(7, run.Result!.Value.GetInt32());
    }

    [Fact]
    public async Task A_wait_that_expired_while_the_engine_was_down_times_out_at_once()
    {
        await using var h = Harness(Fn.On("await-payment", Names.OrderPlaced, async invocation =>
        {
            var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1));
            return invocation.SerializeResult(payment?.Data.Amount ?? -1);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.Engine.DisposeAsync();
        h.Time.Advance(TimeSpan.FromHours(2));
        await h.RestartAsync();
        await h.SendAsync(new PaymentReceived("o1", 7));
        await h.RunAsync();

        Assert.Equal(-1, h.SingleRun("await-payment").Result!.Value.GetInt32());
    }

    [Fact]
    public async Task A_retry_keeps_its_attempt_number_after_a_restart()
    {
        var executions = 0;
        await using var h = Harness(Fn.On("charge", Names.OrderPlaced, async invocation =>
            invocation.SerializeResult(await invocation.Steps.RunAsync("charge-card", () => ++executions < 3 ? Fn.Throw("declined") : executions))));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(15));
        await h.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));

        var run = h.SingleRun("charge");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3, executions);
        Assert.Equal((StepStatus.Completed, 3), (run.Step("charge-card")!.Status, run.Step("charge-card")!.Attempts));
        Assert.Equal([0, 1, 2, 0], run.Calls.Select(c => c.Request.Ctx.Attempt));
        Assert.Equal(EngineHarness.Start.AddSeconds(45), run.EndedAt);
    }

    [Fact]
    public async Task An_event_id_still_dedups_after_a_restart()
    {
        await using var h = Harness(Fn.Returning("once", Names.OrderPlaced, "ok"));

        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-1" });
        await h.RunAsync();
        await h.RestartAsync();
        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-1" });
        await h.RunAsync();

        Assert.Single(h.RunsOf("once"));
        var skipped = Assert.Single(h.Engine.Skipped);
        Assert.Equal((SkipReason.Idempotency, "order-1", "app-once"), (skipped.Reason, skipped.Key, skipped.CompositeFunctionId));
        Assert.Equal(h.EventsNamed(Names.OrderPlaced)[1].InternalId, skipped.EventInternalId);
    }

    [Fact]
    public async Task A_cron_timer_is_restored_once_and_fires_once_per_occurrence()
    {
        await using var h = Harness(new InngestFunctionDefinition
        {
            Id = "hourly",
            Triggers = [FunctionTrigger.ForCron("0 * * * *")],
            Handler = invocation => Task.FromResult(invocation.SerializeResult("tick")),
        });

        await h.AdvanceAsync(TimeSpan.FromMinutes(30));
        await h.RestartAsync();
        await h.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal(2, h.RunsOf("hourly").Count);
        Assert.Equal(EngineHarness.Start.AddHours(3), h.Engine.NextDueAt);
        Assert.Single(h.Store.ReadState().Timers, t => t.Kind == TimerKind.Cron);
    }

    [Fact]
    public async Task A_call_that_was_running_when_the_engine_crashed_runs_again_on_the_next_engine()
    {
        var executions = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new CrashingStore(CreateStore());
        await using var h = new EngineHarness(store, null, Fn.On("slow", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.RunAsync("first", () => "done");
            var value = await invocation.Steps.RunAsync("work", async () =>
            {
                if (Interlocked.Increment(ref executions) == 1)
                {
                    started.SetResult();
                    await release.Task;
                }

                return executions;
            });
            return invocation.SerializeResult(value);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        var running = h.Engine.RunUntilIdleAsync();
        await started.Task;
        store.Crash();
        var crashed = h.Replace(Reopen(store.Inner));

        await h.RunAsync();
        var run = h.SingleRun("slow");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(2, run.Result!.Value.GetInt32());
        Assert.Equal((1, 1), (run.Step("first")!.Attempts, run.Step("work")!.Attempts));

        release.SetResult();
        await running;
        await crashed.DisposeAsync();
        Assert.Single(h.RunsOf("slow"));
        Assert.Equal(RunStatus.Completed, h.SingleRun("slow").Status);
    }

    [Fact]
    public async Task The_store_holds_the_live_state_of_a_waiting_run()
    {
        await using var h = Harness(Fn.On("await-payment", Names.OrderPlaced, async invocation =>
        {
            var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
            return invocation.SerializeResult(payment?.Data.Amount ?? -1);
        }));

        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-1" });
        await h.RunAsync();

        var state = h.Store.ReadState();
        var run = Assert.Single(state.Runs);
        Assert.Equal(RunStatus.Waiting, run.Status);
        var wait = Assert.Single(state.Pending);
        Assert.Equal((run.RunId, PendingKind.Wait, Names.PaymentReceived), (wait.RunId, wait.Kind, wait.EventName));
        var timer = Assert.Single(state.Timers);
        Assert.Equal((TimerKind.ExpireWait, wait.TimerId, EngineHarness.Start.AddHours(1)), (timer.Kind, timer.Id, timer.Due));
        Assert.Contains(state.Keys, k => k.Id == new StoredKeyId(KeyKind.Idempotency, "app-await-payment", "order-1"));
        Assert.Equal(h.Engine.Events.Count, state.Counters.Events);
    }

    [Fact]
    public async Task An_open_batch_times_out_after_a_restart()
    {
        await using var h = Harness(BatchTests.Batched(new BatchConfig(3, "10s")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.RestartAsync();
        await h.SendAsync(new OrderPlaced("o2"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["o1,o2"], BatchTests.Results(h));
    }

    [Fact]
    public async Task A_pending_debounce_fires_after_a_restart()
    {
        await using var h = Harness(DebounceTests.Debounced(new DebounceConfig("10s")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.RestartAsync();
        await h.SendAsync(new OrderPlaced("o2"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["o2"], DebounceTests.Results(h));
        Assert.Single(h.Engine.Skipped);
    }

    [Fact]
    public async Task The_rate_limit_holds_after_a_restart()
    {
        await using var h = Harness(RateLimitTests.Limited(new RateLimitConfig(1, "1h")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.RestartAsync();
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();

        Assert.Single(h.Engine.Runs);
        Assert.Equal(SkipReason.RateLimit, Assert.Single(h.Engine.Skipped).Reason);
    }

    [Fact]
    public async Task The_singleton_slot_is_held_across_a_restart()
    {
        await using var h = Harness(SingletonTests.Singleton(SingletonMode.Skip));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.RestartAsync();
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();

        Assert.Single(h.Engine.Runs);
        Assert.Equal(SkipReason.Singleton, Assert.Single(h.Engine.Skipped).Reason);
    }

    [Fact]
    public async Task The_throttle_carries_on_after_a_restart()
    {
        await using var h = Harness(ThrottleTests.Throttled(new ThrottleConfig(1, "1m")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();
        await h.RestartAsync();
        await h.SendAsync(new OrderPlaced("o3"));
        await h.RunAsync();
        Assert.Equal([RunStatus.Completed, RunStatus.Queued, RunStatus.Queued], h.Engine.Runs.Select(r => r.Status));

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([EngineHarness.Start, EngineHarness.Start.AddMinutes(1), EngineHarness.Start.AddMinutes(2)], ThrottleTests.Starts(h).Select(s => s.Started!.Value));
    }
}
