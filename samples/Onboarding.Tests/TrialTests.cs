
namespace Onboarding.Tests;

/// <summary>create-trial: the flaky capacity check is retried on Inngest's backoff, skipped in virtual time.</summary>
public sealed class TrialTests
{
    [Fact]
    public async Task The_flaky_capacity_check_succeeds_on_its_third_attempt()
    {
        await using var host = Onboard.Host(o => o.Functions = ["create-trial"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("create-trial", TimeSpan.FromMinutes(5));

        run.AssertCompleted();
        Assert.Equal(3, run.Step("reserve-capacity").Attempts);
        Assert.Equal(3, host.Service<Billing>().Reservations);
    }

    [Fact]
    public async Task The_retries_wait_15_then_30_seconds_of_virtual_time()
    {
        await using var host = Onboard.Host(o => o.Functions = ["create-trial"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        await host.WaitForRunAsync("create-trial", TimeSpan.FromMinutes(5));

        Assert.Equal([Onboard.Start, Onboard.Start.AddSeconds(15), Onboard.Start.AddSeconds(45)], host.StepCallsOf("reserve-capacity").Select(c => c.Time));
        Assert.Equal([0, 1, 2], host.StepCallsOf("reserve-capacity").Select(c => c.Attempt));
    }

    [Fact]
    public async Task Each_failed_attempt_is_in_the_timeline_with_its_error_and_backoff()
    {
        await using var host = Onboard.Host(o => o.Functions = ["create-trial"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("create-trial", TimeSpan.FromMinutes(5));

        var retries = run.Timeline.Where(e => e.Kind == RunTimelineKind.StepRetrying).Select(e => e.Message).ToArray();
        Assert.Equal(
            [
                "step 'reserve-capacity' failed (attempt 1 of 4): TimeoutException: The billing API timed out reserving capacity for u-42.; retrying in 15s",
                "step 'reserve-capacity' failed (attempt 2 of 4): TimeoutException: The billing API timed out reserving capacity for u-42.; retrying in 30s",
            ],
            retries);
    }

    [Fact]
    public async Task The_trial_ends_fourteen_days_after_the_virtual_now()
    {
        await using var host = Onboard.Host(o => o.Functions = ["create-trial"]);
        await host.AdvanceAsync(TimeSpan.FromDays(3));
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync(InngestGeneratedFunctions.CreateTrial, TimeSpan.FromMinutes(5));

        Assert.Equal(new TrialCreated("u-42", new DateOnly(2026, 1, 18)), run.Result);
        Assert.Equal(new TrialCreated("u-42", new DateOnly(2026, 1, 18)), Assert.Single(run.SentEvents<TrialCreated>()).Data);
    }

    [Fact]
    public async Task A_capacity_check_that_never_recovers_fails_the_trial_and_alerts_the_billing_team()
    {
        await using var host = Onboard.Host(o => o.Functions = ["create-trial", "alert-billing-team"]);
        host.MockStep("reserve-capacity", () => throw new TimeoutException("billing is down"));
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var trial = await host.WaitForRunAsync("create-trial", TimeSpan.FromMinutes(10));
        var alert = await host.WaitForRunAsync("alert-billing-team", TimeSpan.FromMinutes(1));

        trial.AssertFailed("billing is down");
        Assert.Equal(4, trial.Step("reserve-capacity").Attempts);
        Assert.Equal(Onboard.Start.AddSeconds(15 + 30 + 60), trial.EndedAt);
        alert.AssertCompleted();
        Assert.Contains("billing-team@example.com: onboarding-create-trial failed: billing is down", host.Service<Mailer>().Sent);
    }

    [Fact]
    public async Task A_mocked_capacity_check_that_works_at_once_needs_no_retries()
    {
        await using var host = Onboard.Host(o => o.Functions = ["create-trial"]);
        host.MockStep("reserve-capacity", () => { });
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("create-trial", TimeSpan.FromMinutes(1));

        Assert.Equal(1, run.Step("reserve-capacity").Attempts);
        Assert.Equal(Onboard.Start, run.EndedAt);
        Assert.Equal(0, host.Service<Billing>().Reservations);
    }
}
