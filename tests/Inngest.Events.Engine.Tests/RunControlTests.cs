using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// What the dev server's buttons and Inngest's REST API do to runs: cancel one, cancel in bulk, rerun; and what runs
/// record for it (the internal ids of their events, the run a rerun reran).
/// </summary>
public sealed class RunControlTests
{
    private static InngestFunctionDefinition Sleeper(Action? onDone = null, FunctionConfig? config = null)
        => Fn.On(
            "sleeper",
            Names.OrderPlaced,
            async invocation =>
            {
                await invocation.Steps.RunAsync("first", () => "one");
                await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
                await invocation.Steps.RunAsync("last", () => onDone?.Invoke());
                return FunctionInvocation.NoResult;
            },
            config);

    [Fact]
    public async Task A_run_records_the_internal_ids_of_its_events()
    {
        await using var h = new EngineHarness(Sleeper());

        var id = await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-o1" });
        await h.RunAsync();

        var run = h.SingleRun("sleeper");
        Assert.Equal([id], run.EventIds);
        Assert.Equal("order-o1", run.Event.GetProperty("id").GetString());
        Assert.Null(run.OriginalRunId);
    }

    [Fact]
    public async Task A_SQLite_store_keeps_a_runs_event_ids_and_the_run_a_rerun_reran_across_a_restart()
    {
        using var folder = new TempFolder();
        var store = SqliteEngineStore.Open(folder.File("inngest.db"), new SqliteStoreOptions());
        await using var h = new EngineHarness(store, null, Sleeper());
        var id = await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        var original = h.SingleRun("sleeper");
        var rerunId = h.Engine.Rerun(original.RunId);
        await h.RunAsync();
        await h.Engine.DisposeAsync();
        store.Dispose();

        using var reopened = SqliteEngineStore.Open(folder.File("inngest.db"), new SqliteStoreOptions());

        Assert.Equal([id], reopened.GetRun(original.RunId)!.EventIds);
        var rerun = reopened.GetRun(rerunId)!;
        Assert.Equal([id], rerun.EventIds);
        Assert.Equal(original.RunId, rerun.OriginalRunId);
    }

    [Fact]
    public async Task Cancelling_a_sleeping_run_ends_it_drops_its_sleep_and_sends_the_system_events()
    {
        var done = 0;
        await using var h = new EngineHarness(Sleeper(() => done++));
        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        var run = h.SingleRun("sleeper");
        Assert.Equal(RunStatus.Sleeping, run.Status);

        Assert.True(h.Engine.CancelRun(run.RunId, "cancelled from the test"));
        await h.AdvanceAsync(TimeSpan.FromHours(2));

        run = h.SingleRun("sleeper");
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal("cancelled from the test", run.CancellationReason);
        Assert.Equal(0, done);
        Assert.Equal(run.RunId, Assert.Single(h.EventsNamed(Names.FunctionCancelled)).Id);
        Assert.Null(h.Engine.NextDueAt);

        // Ended runs and unknown ids are not cancelled again.
        Assert.False(h.Engine.CancelRun(run.RunId));
        Assert.False(h.Engine.CancelRun("01JNOSUCHRUN0000000000000"));
        Assert.Single(h.EventsNamed(Names.FunctionCancelled));
    }

    [Fact]
    public async Task A_bulk_cancellation_cancels_the_unfinished_runs_of_one_function_in_the_window_that_match_its_condition()
    {
        await using var h = new EngineHarness(Sleeper(), Fn.On("other", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            return FunctionInvocation.NoResult;
        }));
        await h.SendAsync(new OrderPlaced("early"));
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        var after = h.Now;
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        await h.SendAsync(new OrderPlaced("o1", CustomerId: "c1"));
        await h.SendAsync(new OrderPlaced("o2", CustomerId: "c2"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        var before = h.Now;
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        await h.SendAsync(new OrderPlaced("late", CustomerId: "c1"));
        await h.RunAsync();

        var cancelled = h.Engine.CancelRuns("app-sleeper", after, before, "event.data.customerId == 'c1'");

        var runs = h.RunsOf("sleeper");
        var o1 = Assert.Single(runs, r => r.Event.GetProperty("data").GetProperty("orderId").GetString() == "o1");
        Assert.Equal([o1.RunId], cancelled);
        Assert.Equal(RunStatus.Cancelled, o1.Status);
        Assert.Equal("cancelled by a bulk cancellation", o1.CancellationReason);
        Assert.Equal(3, runs.Count(r => r.Status == RunStatus.Sleeping));
        Assert.All(h.RunsOf("other"), r => Assert.Equal(RunStatus.Sleeping, r.Status));

        // Without a lower bound or a condition, every run before the upper bound.
        Assert.Equal(2, h.Engine.CancelRuns("app-sleeper", null, before).Count);
        Assert.Equal(RunStatus.Sleeping, Assert.Single(h.RunsOf("sleeper"), r => r.Status != RunStatus.Cancelled).Status);
    }

    [Fact]
    public async Task A_bulk_cancellation_with_an_invalid_condition_is_refused_and_cancels_nothing()
    {
        await using var h = new EngineHarness(Sleeper());
        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var error = Assert.Throws<ArgumentException>(() => h.Engine.CancelRuns("app-sleeper", null, h.Now.AddMinutes(1), "event.data.orderId == "));

        Assert.StartsWith("invalid expression: ", error.Message);
        Assert.Equal(RunStatus.Sleeping, h.SingleRun("sleeper").Status);
    }

    [Fact]
    public async Task A_rerun_starts_a_fresh_run_from_the_same_event_past_its_idempotency_key()
    {
        var done = 0;
        await using var h = new EngineHarness(Sleeper(() => done++));
        var eventId = await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-o1" });
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        var original = h.SingleRun("sleeper");
        Assert.Equal(RunStatus.Completed, original.Status);

        var rerunId = h.Engine.Rerun(original.RunId);
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromHours(1));

        var rerun = h.Engine.GetRun(rerunId)!;
        Assert.Equal(RunStatus.Completed, rerun.Status);
        Assert.Equal(original.RunId, rerun.OriginalRunId);
        Assert.Equal([eventId], rerun.EventIds);
        Assert.Equal(original.Event.GetRawText(), rerun.Event.GetRawText());
        Assert.Equal(2, done);
        Assert.Contains($"rerun of run {original.RunId}", rerun.Timeline[0].Message);

        // Its exported history says so too, with the event's internal id (what the dev server's export downloads).
        var history = h.Engine.ExportRunHistory(rerunId)!;
        Assert.Equal(original.RunId, history.Run.OriginalRunId);
        Assert.Equal(eventId, Assert.Single(history.Events).InternalId);
        Assert.Equal(original.RunId, Engine.History.RunHistory.Parse(history.ToJson()).Run.OriginalRunId);

        // The same event sent again is still deduplicated: the rerun did not use up or free its key.
        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-o1" });
        await h.RunAsync();
        Assert.Equal(2, h.RunsOf("sleeper").Count);
    }

    [Fact]
    public async Task Rerunning_an_unknown_run_says_which()
    {
        await using var h = new EngineHarness(Sleeper());

        var unknown = Assert.Throws<ArgumentException>(() => h.Engine.Rerun("01JNOSUCHRUN0000000000000"));

        Assert.Contains("01JNOSUCHRUN0000000000000", unknown.Message);
        await h.RunAsync();
        Assert.Empty(h.Engine.Runs);
    }

    [Fact]
    public async Task The_next_change_completes_when_the_engine_commits()
    {
        await using var h = new EngineHarness(Sleeper());
        var next = h.Engine.NextChange;
        Assert.False(next.IsCompleted);

        await h.SendAsync(new OrderPlaced("o1"));

        Assert.True(next.IsCompleted);
        Assert.False(h.Engine.NextChange.IsCompleted);
    }

    [Fact]
    public async Task The_engine_describes_its_own_functions_with_their_config()
    {
        await using var h = new EngineHarness(Sleeper(config: new FunctionConfig { Retries = 2 }));

        var described = Assert.Single(h.Engine.DescribeFunctions());

        Assert.Equal(("app", "app-sleeper", true), (described.AppId, described.CompositeId, described.InProcess));
        using var config = JsonDocument.Parse(described.Config);
        Assert.Equal("app-sleeper", config.RootElement.GetProperty("id").GetString());
        Assert.Equal(Names.OrderPlaced, config.RootElement.GetProperty("triggers")[0].GetProperty("event").GetString());
        Assert.Equal(2, config.RootElement.GetProperty("steps").GetProperty("step").GetProperty("retries").GetProperty("attempts").GetInt32());
    }
}
