namespace Inngest.Events.Engine.Tests;

/// <summary><c>debounce</c>: each event restarts the period, the last event wins, <c>timeout</c> caps the delay.</summary>
public sealed class DebounceTests
{
    internal static InngestFunctionDefinition Debounced(DebounceConfig debounce)
        => Fn.On("sync", Names.OrderPlaced, i => Task.FromResult(i.SerializeResult(i.GetEvent<OrderPlaced>().Data.OrderId)), new FunctionConfig { Debounce = debounce });

    internal static string[] Results(EngineHarness h) => h.Engine.Runs.Select(r => r.Result?.GetString() ?? "-").ToArray();

    [Fact]
    public async Task A_burst_runs_once_with_its_last_event_after_a_quiet_period()
    {
        await using var h = new EngineHarness(Debounced(new DebounceConfig("10s")));

        var first = await h.SendAsync(new OrderPlaced("o1"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        var second = await h.SendAsync(new OrderPlaced("o2"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(9));
        var last = await h.SendAsync(new OrderPlaced("o3"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Empty(h.Engine.Runs);
        Assert.Equal(EngineHarness.Start.AddSeconds(24), h.Engine.NextDueAt);

        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var run = h.SingleRun("sync");
        Assert.Equal(("o3", EngineHarness.Start.AddSeconds(24)), (run.Result!.Value.GetString(), run.StartedAt!.Value));
        Assert.Equal(last, run.Event.GetProperty("id").GetString());
        Assert.EndsWith(": debounced: 3 event(s), the last starts the run", run.Timeline[0].Message, StringComparison.Ordinal);
        Assert.Equal([first, second], h.Engine.Skipped.Select(s => s.EventInternalId));
        Assert.All(h.Engine.Skipped, s => Assert.Equal(SkipReason.Debounce, s.Reason));
        Assert.Equal($"skipped: debounce: replaced by the later event {last}", h.Engine.Skipped[1].Message);
    }

    [Fact]
    public async Task The_timeout_caps_the_delay_from_the_first_event()
    {
        await using var h = new EngineHarness(Debounced(new DebounceConfig("10s", Timeout: "15s")));

        for (var i = 0; i < 5; i++)
        {
            await h.SendAsync(new OrderPlaced($"o{i}"));
            await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        }

        // Events at 0, 5 and 10s keep postponing the run until the timeout, 15s after the first: it starts then, with
        // the latest event (of 10s). The events of 15 and 20s make a new debounce, which fires 10s after the last.
        Assert.Equal(["o2"], Results(h));
        Assert.Equal(EngineHarness.Start.AddSeconds(15), h.SingleRun("sync").StartedAt);
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["o2", "o4"], Results(h));
        Assert.Equal(EngineHarness.Start.AddSeconds(30), h.Engine.Runs[1].StartedAt);
    }

    [Fact]
    public async Task An_event_older_than_the_pending_one_does_not_replace_it()
    {
        await using var h = new EngineHarness(Debounced(new DebounceConfig("10s")));

        await h.SendAsync(new OrderPlaced("newer"), new EventOptions { Ts = EngineHarness.Start });
        var older = await h.SendAsync(new OrderPlaced("older"), new EventOptions { Ts = EngineHarness.Start.AddMinutes(-1) });
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["newer"], Results(h));
        var skipped = Assert.Single(h.Engine.Skipped);
        Assert.Equal(older, skipped.EventInternalId);
        Assert.StartsWith("skipped: debounce: its ts is older than that of the pending event", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_key_is_debounced_on_its_own()
    {
        await using var h = new EngineHarness(Debounced(new DebounceConfig("10s", "event.data.customerId")));

        await h.SendAsync(new OrderPlaced("a1", CustomerId: "acme"));
        await h.SendAsync(new OrderPlaced("b1", CustomerId: "bolt"));
        await h.SendAsync(new OrderPlaced("a2", CustomerId: "acme"));
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a2", "b1"], Results(h).Order());
        Assert.Equal("acme", Assert.Single(h.Engine.Skipped).Key);
    }
}
