namespace Inngest.Events.Engine.Tests;

public sealed class CronTests
{
    private static InngestFunctionDefinition Cron(string id, string schedule)
        => new()
        {
            Id = id,
            Triggers = [FunctionTrigger.ForCron(schedule)],
            Handler = invocation => Task.FromResult(invocation.SerializeResult(invocation.Event.GetProperty("data").GetProperty("scheduledAt").GetString())),
        };

    [Fact]
    public async Task A_cron_trigger_fires_scheduled_timer_events_at_its_times()
    {
        await using var h = new EngineHarness(Cron("hourly", "0 * * * *"));

        await h.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Empty(h.Engine.Runs);

        await h.AdvanceAsync(TimeSpan.FromHours(3));

        var runs = h.RunsOf("hourly");
        string[] expected = ["2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z", "2025-01-01T03:00:00Z"];
        Assert.Equal(expected, runs.Select(r => r.Result!.Value.GetString()));
        Assert.All(runs, run => Assert.Equal(RunStatus.Completed, run.Status));
        var timers = h.EventsNamed(Names.ScheduledTimer);
        Assert.Equal(expected, timers.Select(e => e.Id));
        var first = timers[0];
        Assert.Equal("0 * * * *", first.Data.GetProperty("cron").GetString());
        Assert.Equal(EngineHarness.Start.AddHours(1).ToUnixTimeMilliseconds(), first.Payload.GetProperty("ts").GetInt64());
        Assert.Equal(EngineHarness.Start.AddHours(4), h.Engine.NextDueAt);
    }

    [Fact]
    public async Task A_time_zone_prefix_sets_the_zone_of_the_schedule()
    {
        await using var h = new EngineHarness(Cron("morning", "TZ=America/New_York 0 9 * * *"), Cron("utc-morning", "CRON_TZ=UTC 0 9 * * *"));

        await h.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal("2025-01-01T14:00:00Z", h.SingleRun("morning").Result!.Value.GetString());
        Assert.Equal("2025-01-01T09:00:00Z", h.SingleRun("utc-morning").Result!.Value.GetString());
    }

    [Fact]
    public void An_invalid_cron_expression_is_rejected_when_the_engine_is_created()
    {
        var exception = Assert.Throws<ArgumentException>(() => new InngestEngine(new InngestFunctionRegistry([Cron("bad", "61 * * * *")])));
        Assert.Contains("'bad'", exception.Message);
    }
}
