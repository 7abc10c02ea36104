namespace Inngest.Events.Engine.Tests;

/// <summary><c>rateLimit</c>: events over the limit start no run and are recorded as skipped, with the key.</summary>
public sealed class RateLimitTests
{
    internal static InngestFunctionDefinition Limited(RateLimitConfig rateLimit)
        => Fn.On("sync", Names.OrderPlaced, i => Task.FromResult(i.SerializeResult("synced")), new FunctionConfig { RateLimit = rateLimit });

    [Fact]
    public async Task Events_over_the_limit_start_no_run_and_say_why()
    {
        // The example of Inngest's rate-limiting page: one run every 4s.
        await using var h = new EngineHarness(Limited(new RateLimitConfig(1, "4s", "event.data.customerId")));

        var first = await h.SendAsync(new OrderPlaced("o1", CustomerId: "acct_42"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var second = await h.SendAsync(new OrderPlaced("o2", CustomerId: "acct_42"));
        await h.SendAsync(new OrderPlaced("o3", CustomerId: "acct_7"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(3));
        await h.SendAsync(new OrderPlaced("o4", CustomerId: "acct_42"));
        await h.RunAsync();

        Assert.Equal(["o1", "o3", "o4"], h.Engine.Runs.Select(r => r.Event.GetProperty("data").GetProperty("orderId").GetString()));
        var skipped = Assert.Single(h.Engine.Skipped);
        Assert.Equal((SkipReason.RateLimit, "acct_42", second, "sync"), (skipped.Reason, skipped.Key, skipped.EventInternalId, skipped.FunctionId));
        Assert.Equal("skipped: rateLimit key=acct_42 (1 per 4s)", skipped.Message);
        Assert.Equal(EngineHarness.Start.AddSeconds(1), skipped.Time);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(h.Engine.Events, e => e.Name.StartsWith("inngest/function.", StringComparison.Ordinal) && e.Data.GetProperty("event").GetProperty("id").GetString() == second);
    }

    [Fact]
    public async Task Like_Inngest_a_tenth_of_the_limit_may_start_at_once_on_top_of_one()
    {
        // Inngest's server rate-limits with a GCRA whose burst is limit / 10 (pkg/execution/ratelimit): with 20 per
        // minute, 3 start at once, then one every 3 seconds.
        await using var h = new EngineHarness(Limited(new RateLimitConfig(20, "1m")));

        for (var i = 0; i < 5; i++)
        {
            await h.SendAsync(new OrderPlaced($"o{i}"));
        }

        await h.AdvanceAsync(TimeSpan.FromSeconds(3));
        await h.SendAsync(new OrderPlaced("later"));
        await h.SendAsync(new OrderPlaced("too-soon"));
        await h.RunAsync();

        Assert.Equal(["o0", "o1", "o2", "later"], h.Engine.Runs.Select(r => r.Event.GetProperty("data").GetProperty("orderId").GetString()));
        Assert.Equal(3, h.Engine.Skipped.Count);
        Assert.All(h.Engine.Skipped, s => Assert.Equal("skipped: rateLimit (20 per 1m)", s.Message));
    }

    [Fact]
    public async Task An_idempotency_key_overrides_the_rate_limit()
    {
        await using var h = new EngineHarness(Fn.Returning("sync", Names.OrderPlaced, "ok") with
        {
            Config = new FunctionConfig { RateLimit = new RateLimitConfig(1, "1h"), Idempotency = "event.data.orderId" },
        });

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        Assert.Equal(2, h.Engine.Runs.Count);
        Assert.Equal((SkipReason.Idempotency, "o1"), (Assert.Single(h.Engine.Skipped).Reason, h.Engine.Skipped[0].Key));
    }
}
