
namespace Onboarding.Tests;

/// <summary>The whole flow, end to end in virtual time: one account event fans out, three functions confirm, the orchestrator finishes.</summary>
public sealed class OnboardingFlowTests
{
    [Fact]
    public async Task A_new_account_is_onboarded_end_to_end()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Ada);

        var run = await host.WaitForRunAsync(InngestGeneratedFunctions.OrchestrateOnboarding, TimeSpan.FromMinutes(10));

        Assert.Equal("onboarded u-42", run.Result);
    }

    [Fact]
    public async Task The_orchestrator_finishes_when_the_last_confirmation_arrives_after_the_trial_retries()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Ada);

        var run = await host.WaitForRunAsync("orchestrate-onboarding", TimeSpan.FromMinutes(10));

        Assert.Equal(Onboard.Start.AddSeconds(45), run.EndedAt);
        Assert.Equal(["announce-signup", "wait-welcome-email", "wait-trial", "wait-crm-contact"], run.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task The_signup_is_announced_once_and_fans_out_to_every_function_it_triggers()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Ada);

        await host.RunUntilIdleAsync();

        Assert.Equal(Onboard.Signup(Onboard.Ada), Assert.Single(host.SentEvents<SignupCompleted>()).Data);
        Assert.Equal(
            ["add-to-crm", "alert-billing-team", "charge-setup-fee", "create-trial", "orchestrate-onboarding", "send-welcome-email"],
            host.Runs.Select(r => r.FunctionId).Order());
    }

    [Fact]
    public async Task Sending_the_same_account_twice_onboards_it_once()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Ada);
        await host.SendAsync(Onboard.Ada);

        await host.RunUntilIdleAsync();

        Assert.Single(host.RunsOf("orchestrate-onboarding"));
        Assert.Single(host.RunsOf("create-trial"));
        Assert.Equal(2, host.EventsOf<AccountCreated>().Count);
    }

    [Fact]
    public async Task Every_run_ends_as_the_sample_expects()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Ada);

        await host.RunUntilIdleAsync();

        Assert.Equal(
            [
                ("add-to-crm", RunStatus.Completed), ("alert-billing-team", RunStatus.Completed), ("charge-setup-fee", RunStatus.Failed),
                ("create-trial", RunStatus.Completed), ("orchestrate-onboarding", RunStatus.Completed), ("send-welcome-email", RunStatus.Completed),
            ],
            host.Runs.Select(r => (r.FunctionId, r.Status)).Order());
    }

    [Fact]
    public async Task A_free_account_is_onboarded_without_a_setup_fee_or_an_alert()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Bob);

        await host.RunUntilIdleAsync();

        Assert.Empty(host.RunsOf("charge-setup-fee"));
        Assert.Empty(host.RunsOf("alert-billing-team"));
        Assert.Equal("onboarded u-7", host.SingleRun("orchestrate-onboarding").OutputAs<string>());
    }

    [Fact]
    public async Task Two_accounts_are_onboarded_side_by_side_without_mixing_their_confirmations()
    {
        await using var host = Onboard.Host();
        await host.SendAsync(Onboard.Ada);
        await host.SendAsync(Onboard.Bob);

        await host.RunUntilIdleAsync();

        Assert.Equal(["onboarded u-42", "onboarded u-7"], host.RunsOf("orchestrate-onboarding").Select(r => r.OutputAs<string>()).Order());
    }
}
