namespace Onboarding.Tests;

/// <summary>send-digest: an event sent with a future ts runs at that time, not before.</summary>
public sealed class DigestTests
{
    [Fact]
    public async Task A_digest_requested_for_later_waits_until_its_time()
    {
        await using var host = Onboard.Host(o => o.Functions = ["send-digest"]);
        await host.SendAsync(new DigestRequested("u-42"), new EventOptions { Ts = Onboard.Start.AddHours(2) });

        Assert.Equal(RunStatus.Queued, host.SingleRun("send-digest").Status);
        await host.AdvanceAsync(TimeSpan.FromHours(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(RunStatus.Queued, host.SingleRun("send-digest").Status);
        Assert.Empty(host.Service<Mailer>().Sent);

        await host.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        var run = host.SingleRun("send-digest").AssertCompleted();
        Assert.Equal(Onboard.Start.AddHours(2), run.Record.StartedAt);
    }

    [Fact]
    public async Task The_digest_goes_to_the_user()
    {
        await using var host = Onboard.Host(o => o.Functions = ["send-digest"]);
        await host.SendAsync(new DigestRequested("u-42"), new EventOptions { Ts = Onboard.Start.AddDays(1) });

        await host.WaitForRunAsync("send-digest", TimeSpan.FromDays(2));

        Assert.Equal(["u-42: Your first-day digest"], host.Service<Mailer>().Sent);
        Assert.Equal(Onboard.Start.AddDays(1), host.Now);
    }

    [Fact]
    public async Task A_digest_without_a_time_is_sent_at_once()
    {
        await using var host = Onboard.Host(o => o.Functions = ["send-digest"]);
        await host.SendAsync(new DigestRequested("u-42"));

        host.SingleRun("send-digest").AssertCompleted();
        Assert.Equal(Onboard.Start, host.Now);
    }

    [Fact]
    public async Task Waiting_too_little_for_a_delayed_digest_shows_the_queued_run()
    {
        await using var host = Onboard.Host(o => o.Functions = ["send-digest"]);
        await host.SendAsync(new DigestRequested("u-42"), new EventOptions { Ts = Onboard.Start.AddHours(2) });

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.WaitForRunAsync("send-digest", TimeSpan.FromHours(1)));

        Assert.StartsWith("No run of 'send-digest' finished within 1h of virtual time", failure.Message);
        Assert.Contains("of 'send-digest': Queued", failure.Message);
    }
}
