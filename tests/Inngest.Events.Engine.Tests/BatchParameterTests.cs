namespace Inngest.Events.Engine.Tests;

/// <summary>
/// Generated batched functions on the engine: the function's <c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c> or
/// <c>Event&lt;T&gt;[]</c> parameter holds every event of the batch, in order, on every call of the run.
/// </summary>
public sealed class BatchParameterTests
{
    private const string AppId = "engine-tests";

    private static InngestFunctionDefinition Generated(string id)
        => InngestGeneratedFunctions.CreateRegistry(AppId).Functions.Single(f => f.Id == id);

    [Fact]
    public async Task A_list_parameter_receives_every_event_of_a_full_batch_then_of_a_timed_out_one()
    {
        await using var h = new EngineHarness(o => o.AppId = AppId, Generated("batch-list"));

        for (var i = 1; i <= 4; i++)
        {
            await h.SendAsync(new OrderPlaced($"o{i}", CustomerId: "list"));
        }

        await h.RunAsync();
        var run = h.SingleRun("batch-list");
        Assert.Equal((RunStatus.Completed, "o1,o2,o3"), (run.Status, run.Result!.Value.GetString()));
        Assert.Equal(2, run.Calls.Count); // the step, then the replay that completes: both carried the three events
        Assert.All(run.Calls, c => Assert.Equal(3, c.Request.Events.Count));

        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["o1,o2,o3", "o4"], BatchTests.Results(h));
    }

    [Fact]
    public async Task An_array_parameter_receives_its_key_s_batch_across_a_sleep_and_an_unbatched_event_alone()
    {
        await using var h = new EngineHarness(o => o.AppId = AppId, Generated("batch-array"));

        await h.SendAsync(new OrderPlaced("a1", 10, "acme"));
        await h.SendAsync(new OrderPlaced("big", 500, "acme"));
        await h.SendAsync(new OrderPlaced("b1", 20, "bolt"));
        await h.SendAsync(new OrderPlaced("a2", 30, "acme"));
        await h.RunAsync();
        Assert.All(h.Engine.Runs, r => Assert.Equal(RunStatus.Sleeping, r.Status));
        Assert.Equal(2, h.Engine.Runs.Count);

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(3, h.Engine.Runs.Count);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));

        // "big" fails the batch's If, so it runs at once as an array of one; bolt's batch times out after a minute.
        Assert.Equal(["big=500", "a1,a2=40", "b1=20"], BatchTests.Results(h));
        Assert.All(h.Engine.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        var acme = h.Engine.Runs[1];
        Assert.Equal(["a1", "a2"], acme.Events.Select(e => e.GetProperty("data").GetProperty("orderId").GetString()));
        Assert.All(acme.Calls, c => Assert.Equal(2, c.Request.Events.Count));
    }
}
