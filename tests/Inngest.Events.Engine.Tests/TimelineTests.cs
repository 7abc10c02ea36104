namespace Inngest.Events.Engine.Tests;

public sealed class TimelineTests
{
    [Fact]
    public async Task The_timeline_tells_what_happened_to_each_step()
    {
        var entries = new List<RunTimelineEntry>();
        var executions = 0;
        await using var h = new EngineHarness(
            options => options.OnTimelineEntry = entries.Add,
            Fn.On("checkout", Names.OrderPlaced, async invocation =>
            {
                await invocation.Steps.RunAsync("reserve", () => "ok");
                await invocation.Steps.RunAsync("charge", () => ++executions == 1 ? Fn.Throw("card service down") : executions);
                return FunctionInvocation.NoResult;
            }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(15));

        var run = h.SingleRun("checkout");
        Assert.Equal(run.Timeline, entries);
        Assert.Equal(
            [
                "started",
                "step 'reserve' completed",
                "step 'charge' failed (attempt 1 of 5): InvalidOperationException: card service down; retrying in 15s",
                "step 'charge' completed (attempt 2)",
                "completed",
            ],
            entries.Skip(1).Select(e => e.Message));
        Assert.Equal([null, null, "reserve", "charge", "charge", null], entries.Select(e => e.StepName));
        Assert.All(entries, e => Assert.Equal((run.RunId, "checkout"), (e.RunId, e.FunctionId)));
        Assert.Equal(EngineHarness.Start.AddSeconds(15), entries[^1].Time);
    }

    [Fact]
    public async Task Retry_delays_under_a_second_are_told_as_they_are()
    {
        var entries = new List<RunTimelineEntry>();
        var attempts = 0;
        await using var h = new EngineHarness(
            options =>
            {
                options.OnTimelineEntry = entries.Add;
                options.RetryBackoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1500)];
            },
            Fn.On("checkout", Names.OrderPlaced, async invocation =>
            {
                await invocation.Steps.RunAsync("charge", () => ++attempts < 3 ? Fn.Throw("card service down") : attempts);
                return FunctionInvocation.NoResult;
            }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMilliseconds(100));
        await h.AdvanceAsync(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(
            [
                "step 'charge' failed (attempt 1 of 5): InvalidOperationException: card service down; retrying in 100ms",
                "step 'charge' failed (attempt 2 of 5): InvalidOperationException: card service down; retrying in 1.5s",
            ],
            entries.Where(e => e.Kind == RunTimelineKind.StepRetrying).Select(e => e.Message));
        Assert.Equal(RunStatus.Completed, h.SingleRun("checkout").Status);
    }
}
