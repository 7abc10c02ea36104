namespace Inngest.Events.Engine.Tests;

/// <summary><c>singleton</c>: one run per key at a time; a second is skipped or cancels the running one.</summary>
public sealed class SingletonTests
{
    internal static InngestFunctionDefinition Singleton(SingletonMode mode, string? key = null)
        => Fn.On("sync", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.SleepAsync("pause", TimeSpan.FromMinutes(10));
            return invocation.SerializeResult(invocation.GetEvent<OrderPlaced>().Data.OrderId);
        }, new FunctionConfig { Singleton = new SingletonConfig(mode, key) });

    [Fact]
    public async Task In_skip_mode_an_event_starts_no_run_while_one_runs_even_when_it_sleeps()
    {
        await using var h = new EngineHarness(Singleton(SingletonMode.Skip));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        var skipped = await h.SendAsync(new OrderPlaced("o2"));
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        await h.SendAsync(new OrderPlaced("o3"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(["o1", "o3"], h.Engine.Runs.Select(r => r.Result!.Value.GetString()));
        var skip = Assert.Single(h.Engine.Skipped);
        Assert.Equal((SkipReason.Singleton, skipped), (skip.Reason, skip.EventInternalId));
        Assert.Equal($"skipped: singleton: run {h.Engine.Runs[0].RunId} is still running", skip.Message);
    }

    [Fact]
    public async Task In_cancel_mode_a_new_run_cancels_the_running_one_which_emits_function_cancelled()
    {
        await using var h = new EngineHarness(Singleton(SingletonMode.Cancel, "event.data.customerId"));

        await h.SendAsync(new OrderPlaced("a1", CustomerId: "acme"));
        await h.SendAsync(new OrderPlaced("b1", CustomerId: "bolt"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));
        await h.SendAsync(new OrderPlaced("a2", CustomerId: "acme"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));

        var runs = h.Engine.Runs;
        Assert.Equal([RunStatus.Cancelled, RunStatus.Completed, RunStatus.Completed], runs.Select(r => r.Status));
        Assert.Equal($"singleton key=acme: replaced by run {runs[2].RunId}", runs[0].CancellationReason);
        var cancelled = Assert.Single(h.EventsNamed(Names.FunctionCancelled));
        Assert.Equal(runs[0].RunId, cancelled.Data.GetProperty("run_id").GetString());
        Assert.Empty(h.Engine.Skipped);
    }
}
