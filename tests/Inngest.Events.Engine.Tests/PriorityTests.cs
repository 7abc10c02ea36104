namespace Inngest.Events.Engine.Tests;

/// <summary><c>priority.run</c>: a run's calls queue as if the run were created that many seconds earlier (−600…600).</summary>
public sealed class PriorityTests
{
    [Fact]
    public async Task Higher_priority_runs_start_first_when_runs_wait_for_a_slot()
    {
        var started = new List<string>();
        await using var h = new EngineHarness(
            options =>
            {
                options.MaxConcurrency = 1;
                options.OnTimelineEntry = entry =>
                {
                    if (entry.Kind == RunTimelineKind.Started)
                    {
                        started.Add(entry.RunId);
                    }
                };
            },
            Fn.On("summarize", Names.OrderPlaced, i => Task.FromResult(i.SerializeResult(i.GetEvent<OrderPlaced>().Data.OrderId)), new FunctionConfig
            {
                Priority = "event.data.customerId == 'enterprise' ? 120 : 0",
            }));

        await h.SendAsync(new OrderPlaced("free-1", CustomerId: "free"));
        await h.AdvanceAsync(TimeSpan.Zero);
        await h.SendAsync(new OrderPlaced("free-2", CustomerId: "free"));
        h.Time.Advance(TimeSpan.FromSeconds(60));
        await h.SendAsync(new OrderPlaced("free-3", CustomerId: "free"));
        await h.SendAsync(new OrderPlaced("enterprise", CustomerId: "enterprise"));
        await h.RunAsync();

        var order = started.Select(id => h.Engine.GetRun(id)!.Result!.Value.GetString()!).ToArray();
        Assert.Equal(["free-1", "enterprise", "free-2", "free-3"], order);
        Assert.EndsWith("; priority +120s", h.Engine.Runs[3].Timeline[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_priority_that_is_not_a_number_counts_as_zero()
    {
        await using var h = new EngineHarness(Fn.Returning("summarize", Names.OrderPlaced, "ok") with
        {
            Config = new FunctionConfig { Priority = "event.data.orderId" },
        });

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("summarize");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.DoesNotContain("priority", run.Timeline[0].Message, StringComparison.Ordinal);
    }
}
