using Inngest.Events.Testing.Tests.Shop;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Testing.Tests;

/// <summary>Virtual time: sleeps, retry backoff, wait timeouts, debounce, batch and throttle windows and crons pass without real waiting.</summary>
public sealed class VirtualTimeTests
{
    [Fact]
    public async Task A_sleep_ends_when_virtual_time_reaches_it_and_not_before()
    {
        await using var host = Hosts.Shop();
        await host.SendAsync(Hosts.Order());

        Assert.Equal(RunStatus.Sleeping, host.SingleRun("process-order").Status);
        await host.AdvanceAsync(TimeSpan.FromMinutes(29));
        Assert.Equal(RunStatus.Sleeping, host.SingleRun("process-order").Status);
        Assert.Empty(host.Services.GetRequiredService<Warehouse>().Shipped);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        var run = host.SingleRun("process-order").AssertCompleted();
        Assert.Equal(Hosts.Start.AddMinutes(30), run.EndedAt);
        Assert.Equal(["o-1"], host.Services.GetRequiredService<Warehouse>().Shipped);
    }

    [Fact]
    public async Task Waiting_for_a_run_moves_time_only_as_far_as_the_run_needs()
    {
        await using var host = Hosts.Shop();
        await host.SendAsync(Hosts.Order());

        var run = await host.WaitForRunAsync("process-order", within: TimeSpan.FromDays(1));

        run.AssertCompleted();
        Assert.Equal(Hosts.Start.AddMinutes(30), host.Now);
        Assert.Equal(TimeSpan.FromMinutes(30), host.Clock.Elapsed);
    }

    [Fact]
    public async Task Retry_backoff_passes_in_virtual_time_on_Inngest_schedule()
    {
        var attempts = 0;
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest request) => ++attempts < 3 ? throw new TimeoutException("gateway timed out") : new Receipt("ch", request.Amount));
        await host.SendAsync(Hosts.Order());

        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromHours(2));

        run.AssertCompleted();
        Assert.Equal(3, run.Step("charge").Attempts);
        Assert.Equal(
            [(0, Hosts.Start), (1, Hosts.Start.AddSeconds(15)), (2, Hosts.Start.AddSeconds(45))],
            host.StepCallsOf("charge").Select(c => (c.Attempt, c.Time)));
        Assert.Equal(Hosts.Start.AddSeconds(45).AddMinutes(30), run.EndedAt);
    }

    [Fact]
    public async Task Running_until_idle_skips_to_a_wait_timeout()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        await host.SendAsync(Hosts.Order());

        await host.RunUntilIdleAsync();

        var run = host.SingleRun("await-payment").AssertCompleted();
        Assert.Equal("unpaid", run.OutputAs<string>());
        Assert.Equal(Hosts.Start.AddHours(1), run.EndedAt);
        Assert.Equal(StepStatus.TimedOut, run.Step("wait-payment").Status);
    }

    [Fact]
    public async Task An_event_sent_later_in_virtual_time_is_received_by_the_wait()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        await host.SendAsync(Hosts.Order());
        host.SendAfter(TimeSpan.FromMinutes(10), new PaymentReceived("o-1", 100m));

        var run = await host.WaitForRunAsync("await-payment", TimeSpan.FromHours(2));

        Assert.Equal("paid 100", run.OutputAs<string>());
        Assert.Equal(Hosts.Start.AddMinutes(10), run.EndedAt);
    }

    [Fact]
    public async Task A_debounce_window_passes_in_virtual_time()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["sync-stock"]);
        await host.SendAsync(new StockChanged("sku-1", 5));
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await host.SendAsync(new StockChanged("sku-1", 4));
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await host.SendAsync(new StockChanged("sku-1", 3));

        await host.AdvanceAsync(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Empty(host.RunsOf("sync-stock"));

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var run = host.SingleRun("sync-stock").AssertCompleted();
        Assert.Equal(3, run.EventAs<StockChanged>().Data.Quantity);
        Assert.Equal(Hosts.Start.AddMinutes(7), run.CreatedAt);
    }

    [Fact]
    public async Task A_batch_times_out_in_virtual_time()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["count-clicks"]);
        await host.SendAsync(new ClickRecorded("/"));
        await host.SendAsync(new ClickRecorded("/pricing"));
        await host.SendAsync(new ClickRecorded("/signup"));
        Assert.Empty(host.RunsOf("count-clicks"));

        await host.RunUntilIdleAsync();

        var run = host.SingleRun("count-clicks").AssertCompleted();
        Assert.Equal(3, run.Step("count").InputAs<int>());
        Assert.Equal(Hosts.Start.AddMinutes(1), run.CreatedAt);
    }

    [Fact]
    public async Task A_throttle_lets_one_run_start_per_period_of_virtual_time()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["build-report"]);
        await host.SendAsync(new ReportRequested("a"));
        await host.SendAsync(new ReportRequested("b"));
        await host.SendAsync(new ReportRequested("c"));

        await host.RunUntilIdleAsync();

        var runs = host.RunsOf("build-report");
        Assert.All(runs, r => r.AssertCompleted());
        Assert.Equal([Hosts.Start, Hosts.Start.AddHours(1), Hosts.Start.AddHours(2)], runs.Select(r => r.Record.StartedAt!.Value).Order());
    }

    [Fact]
    public async Task A_cron_fires_at_each_occurrence_as_days_pass()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["nightly-report"]);

        await host.AdvanceAsync(TimeSpan.FromDays(3));

        Assert.Equal(3, host.RunsOf("nightly-report").Count);
        Assert.Equal(
            [Hosts.Start.AddHours(2), Hosts.Start.AddDays(1).AddHours(2), Hosts.Start.AddDays(2).AddHours(2)],
            host.Services.GetRequiredService<Counters>().Reports);
    }

    [Fact]
    public async Task Running_until_idle_does_not_wait_for_crons()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["nightly-report"]);

        await host.RunUntilIdleAsync();

        Assert.Equal(Hosts.Start, host.Now);
        Assert.Empty(host.Runs);
    }

    [Fact]
    public async Task Running_until_idle_with_too_little_time_says_what_is_still_going_on()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["process-order"]);
        await host.SendAsync(Hosts.Order());

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.RunUntilIdleAsync(TimeSpan.FromMinutes(5)));

        Assert.Contains("still busy after 5m of virtual time (now +00:05:00)", failure.Message);
        Assert.Contains("run ", failure.Message);
        Assert.Contains("of 'process-order': Sleeping", failure.Message);
        Assert.Contains("step 'cool-off' sleeping until 2026-01-01T00:30:00", failure.Message);
        Assert.Contains("Next timer: WakeSleep at +00:30:00", failure.Message);
    }

    [Fact]
    public async Task Time_only_moves_forward()
    {
        await using var host = Hosts.Shop();
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.AdvanceAsync(TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.AdvanceToAsync(Hosts.Start));
    }

    [Fact]
    public async Task Services_that_take_a_TimeProvider_get_the_virtual_clock()
    {
        await using var host = Hosts.Shop();
        await host.AdvanceAsync(TimeSpan.FromHours(5));

        Assert.Same(host.Clock, host.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(Hosts.Start.AddHours(5), host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
