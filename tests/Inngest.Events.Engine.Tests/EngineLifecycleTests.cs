namespace Inngest.Events.Engine.Tests;

public sealed class EngineLifecycleTests
{
    [Fact]
    public async Task A_single_slot_still_runs_parallel_steps_to_completion()
    {
        await using var h = new EngineHarness(
            options => options.MaxConcurrency = 1,
            Fn.On("fan", Names.OrderPlaced, async invocation =>
            {
                var parts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => invocation.Steps.RunAsync($"part-{i}", () => i)));
                return invocation.SerializeResult(parts.Sum());
            }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();

        Assert.All(h.RunsOf("fan"), run => Assert.Equal(10, run.Result!.Value.GetInt32()));
        Assert.Null(h.Engine.NextDueAt);
    }

    [Fact]
    public async Task Runs_can_be_looked_up_by_id()
    {
        await using var h = new EngineHarness(Fn.Returning("ok", Names.OrderPlaced, "done"));

        await h.SendAsync(new OrderPlaced("o1"));
        var queued = h.SingleRun("ok");
        Assert.Equal(RunStatus.Queued, queued.Status);
        await h.RunAsync();

        var run = h.Engine.GetRun(queued.RunId);
        Assert.NotNull(run);
        Assert.True(run.IsFinished);
        Assert.Equal(EngineHarness.Start, run.EndedAt);
        Assert.Null(h.Engine.GetRun("nope"));
    }

    [Fact]
    public async Task A_disposed_engine_refuses_work()
    {
        var h = new EngineHarness(Fn.Returning("ok", Names.OrderPlaced, "done"));
        await h.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.Engine.RunUntilIdleAsync());
        Assert.Throws<ObjectDisposedException>(() => h.Engine.SendJson("""{"name":"test/x"}"""));
    }
}
