namespace Inngest.Events.Engine.Tests;

/// <summary><c>throttle</c>: excess runs queue and start spread over the period, first in first out, none dropped.</summary>
public sealed class ThrottleTests
{
    internal static InngestFunctionDefinition Throttled(ThrottleConfig throttle)
        => Fn.On("summarize", Names.OrderPlaced, async invocation =>
        {
            var order = invocation.GetEvent<OrderPlaced>().Data.OrderId;
            return invocation.SerializeResult(await invocation.Steps.RunAsync("work", () => order));
        }, new FunctionConfig { Throttle = throttle });

    internal static (string Order, DateTimeOffset? Started)[] Starts(EngineHarness h)
        => h.Engine.Runs.Select(r => (r.Event.GetProperty("data").GetProperty("orderId").GetString()!, r.StartedAt)).ToArray();

    [Fact]
    public async Task Runs_over_the_limit_start_one_per_interval_in_order_and_none_is_dropped()
    {
        await using var h = new EngineHarness(Throttled(new ThrottleConfig(1, "1m")));

        foreach (var order in new[] { "o1", "o2", "o3" })
        {
            await h.SendAsync(new OrderPlaced(order));
        }

        await h.RunAsync();
        Assert.Equal([RunStatus.Completed, RunStatus.Queued, RunStatus.Queued], h.Engine.Runs.Select(r => r.Status));
        var delayed = h.Engine.Runs[1].Timeline.Single(e => e.Kind == RunTimelineKind.Delayed);
        Assert.Equal("delayed: throttle (1 per 1m); starts at 2025-01-01T00:01:00.0000000+00:00", delayed.Message);
        Assert.Equal("delayed: throttle (1 per 1m); 1 run(s) ahead", h.Engine.Runs[2].Timeline.Single(e => e.Kind == RunTimelineKind.Delayed).Message);
        Assert.Equal(EngineHarness.Start.AddMinutes(1), h.Engine.NextDueAt);

        await h.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(RunStatus.Queued, h.Engine.Runs[1].Status);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(
            [("o1", EngineHarness.Start), ("o2", EngineHarness.Start.AddMinutes(1)), ("o3", EngineHarness.Start.AddMinutes(2))],
            Starts(h));
        Assert.All(h.Engine.Runs, run => Assert.Equal(RunStatus.Completed, run.Status));
        Assert.Empty(h.Engine.Skipped);
    }

    [Fact]
    public async Task Limit_plus_burst_start_at_once_then_one_per_period_divided_by_limit()
    {
        // The example of Inngest's throttling page: limit 2, period 6s, burst 1.
        await using var h = new EngineHarness(Throttled(new ThrottleConfig(2, "6s", Burst: 1)));

        for (var i = 1; i <= 6; i++)
        {
            await h.SendAsync(new OrderPlaced($"o{i}"));
        }

        await h.RunAsync();
        for (var i = 0; i < 10; i++)
        {
            await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(
            [0, 0, 0, 3, 6, 9],
            Starts(h).Select(s => (int)(s.Started!.Value - EngineHarness.Start).TotalSeconds));
        Assert.Equal(["o1", "o2", "o3", "o4", "o5", "o6"], Starts(h).OrderBy(s => s.Started).Select(s => s.Order));
    }

    [Fact]
    public async Task Each_key_has_its_own_throttle()
    {
        await using var h = new EngineHarness(Throttled(new ThrottleConfig(1, "1h", Key: "event.data.customerId")));

        await h.SendAsync(new OrderPlaced("a1", CustomerId: "acme"));
        await h.SendAsync(new OrderPlaced("a2", CustomerId: "acme"));
        await h.SendAsync(new OrderPlaced("b1", CustomerId: "bolt"));
        await h.RunAsync();

        Assert.Equal([RunStatus.Completed, RunStatus.Queued, RunStatus.Completed], h.Engine.Runs.Select(r => r.Status));
        Assert.StartsWith("delayed: throttle key=acme (1 per 1h)", h.Engine.Runs[1].Timeline.Single(e => e.Kind == RunTimelineKind.Delayed).Message, StringComparison.Ordinal);
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(EngineHarness.Start.AddHours(1), h.Engine.Runs[1].StartedAt);
    }

    [Fact]
    public async Task A_throttled_run_that_waits_past_its_start_timeout_is_cancelled()
    {
        await using var h = new EngineHarness(Fn.On("prompt", Names.OrderPlaced, i => Task.FromResult(i.SerializeResult("ran")), new FunctionConfig
        {
            Throttle = new ThrottleConfig(1, "1h"),
            Timeouts = new TimeoutsConfig(Start: "10m"),
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal([RunStatus.Completed, RunStatus.Cancelled], h.Engine.Runs.Select(r => r.Status));
        Assert.Contains("start timeout", h.Engine.Runs[1].CancellationReason, StringComparison.Ordinal);
        Assert.Single(h.EventsNamed(Names.FunctionCancelled));
    }
}
