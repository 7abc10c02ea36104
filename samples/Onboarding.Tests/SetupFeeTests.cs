namespace Onboarding.Tests;

/// <summary>charge-setup-fee: pro accounts are charged; a declined card fails the run at once and the failure handler alerts billing.</summary>
public sealed class SetupFeeTests
{
    [Fact]
    public async Task A_declined_card_fails_the_charge_at_once_without_retries()
    {
        await using var host = Onboard.Host(o => o.Functions = ["charge-setup-fee"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("charge-setup-fee", TimeSpan.FromMinutes(1));

        run.AssertFailed("The card of u-42 was declined.");
        Assert.Equal(1, run.Step("charge").Attempts);
        Assert.Equal("NonRetriableException", run.Error?.Name);
        Assert.Equal(Onboard.Start, run.EndedAt);
    }

    [Fact]
    public async Task The_declined_charge_is_handled_by_alerting_the_billing_team()
    {
        await using var host = Onboard.Host(o => o.Functions = ["charge-setup-fee", "alert-billing-team"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var alert = await host.WaitForRunAsync("alert-billing-team", TimeSpan.FromMinutes(1));

        alert.AssertCompleted();
        var failed = alert.EventAs<FunctionFailed>().Data;
        Assert.Equal("onboarding-charge-setup-fee", failed.FunctionId);
        Assert.Equal("The card of u-42 was declined.", failed.Error.Message);
        Assert.Equal(["billing-team@example.com: onboarding-charge-setup-fee failed: The card of u-42 was declined."], host.Service<Mailer>().Sent);
    }

    [Fact]
    public async Task The_charge_step_is_called_with_the_user_id_as_its_input()
    {
        await using var host = Onboard.Host(o => o.Functions = ["charge-setup-fee"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("charge-setup-fee", TimeSpan.FromMinutes(1));

        Assert.Equal("u-42", run.Step("charge").InputAs<string>());
        Assert.Equal("u-42", Assert.Single(host.StepCallsOf("charge")).InputAs<string>());
    }

    [Fact]
    public async Task A_card_that_works_is_charged_and_nobody_is_alerted()
    {
        var charged = new List<string>();
        await using var host = Onboard.Host(o => o.Functions = ["charge-setup-fee", "alert-billing-team"]);
        host.MockStep("charge", (string userId) => charged.Add(userId));
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        await host.RunUntilIdleAsync();

        host.SingleRun("charge-setup-fee").AssertCompleted();
        Assert.Equal(["u-42"], charged);
        Assert.Empty(host.RunsOf("alert-billing-team"));
    }

    [Fact]
    public async Task A_charge_that_times_out_is_retried_before_it_fails()
    {
        await using var host = Onboard.Host(o => o.Functions = ["charge-setup-fee"]);
        host.MockStep("charge", (string _) => throw new TimeoutException("the payment provider timed out"));
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("charge-setup-fee", TimeSpan.FromHours(1));

        run.AssertFailed("the payment provider timed out");
        Assert.Equal(5, run.Step("charge").Attempts);
    }

    [Fact]
    public async Task Free_accounts_are_never_charged()
    {
        await using var host = Onboard.Host(o => o.Functions = ["charge-setup-fee"]);
        await host.SendAsync(Onboard.Signup(Onboard.Bob));

        await host.RunUntilIdleAsync();

        Assert.Empty(host.Runs);
    }
}
