namespace Onboarding.Tests;

/// <summary>orchestrate-onboarding on its own: three parallel waits, answered by mocked events at virtual times, or timing out.</summary>
public sealed class OrchestratorTests
{
    private static InngestTestHost OrchestratorOnly() => Onboard.Host(o => o.Functions = ["orchestrate-onboarding"]);

    [Fact]
    public async Task The_orchestrator_announces_the_signup_and_waits_for_three_confirmations_in_parallel()
    {
        await using var host = OrchestratorOnly();
        await host.SendAsync(Onboard.Ada);

        Assert.Equal(["wait-crm-contact", "wait-trial", "wait-welcome-email"], host.PendingWaits.Select(w => w.StepName).Order());
        Assert.All(host.PendingWaits, w => Assert.Equal(Onboard.Start.AddMinutes(10), w.ExpiresAt));
        Assert.Equal(["crm/contact.added", "billing/trial.created", "email/welcome.sent"], host.PendingWaits.OrderBy(w => w.StepName).Select(w => w.EventName));
        Assert.Equal(RunStatus.Waiting, host.SingleRun("orchestrate-onboarding").Status);
    }

    [Fact]
    public async Task Mocked_confirmations_at_virtual_times_complete_the_orchestrator_when_the_last_arrives()
    {
        await using var host = OrchestratorOnly();
        host.MockWaitForEvent("wait-welcome-email", (Event<AccountCreated> account) => new WelcomeEmailSent(account.Data.UserId, "msg-1"), after: TimeSpan.FromSeconds(5));
        host.MockWaitForEvent("wait-trial", (Event<AccountCreated> account) => new TrialCreated(account.Data.UserId, new DateOnly(2026, 1, 15)), after: TimeSpan.FromMinutes(2));
        host.MockWaitForEvent("wait-crm-contact", (Event<AccountCreated> account) => new ContactAdded(account.Data.UserId, "contact-1"), after: TimeSpan.FromMinutes(1));
        await host.SendAsync(Onboard.Ada);

        var run = await host.WaitForRunAsync("orchestrate-onboarding", TimeSpan.FromMinutes(10));

        Assert.Equal("onboarded u-42", run.OutputAs<string>());
        Assert.Equal(Onboard.Start.AddMinutes(2), run.EndedAt);
    }

    [Fact]
    public async Task A_confirmation_that_never_comes_leaves_the_onboarding_incomplete_after_ten_minutes()
    {
        await using var host = OrchestratorOnly();
        host.MockWaitForEvent("wait-welcome-email", (Event<AccountCreated> account) => new WelcomeEmailSent(account.Data.UserId, "msg-1"));
        host.MockWaitForEvent("wait-crm-contact", (Event<AccountCreated> account) => new ContactAdded(account.Data.UserId, "contact-1"));
        await host.SendAsync(Onboard.Ada);

        var run = await host.WaitForRunAsync("orchestrate-onboarding", TimeSpan.FromHours(1));

        Assert.Equal("onboarding of u-42 is incomplete", run.OutputAs<string>());
        Assert.Equal(Onboard.Start.AddMinutes(10), run.EndedAt);
        Assert.Equal(StepStatus.TimedOut, run.Step("wait-trial").Status);
        Assert.Equal(StepStatus.Completed, run.Step("wait-welcome-email").Status);
    }

    [Fact]
    public async Task A_confirmation_for_another_user_does_not_count()
    {
        await using var host = OrchestratorOnly();
        await host.SendAsync(Onboard.Ada);
        await host.SendAsync(new WelcomeEmailSent("u-7", "msg-9"));
        await host.SendAsync(new TrialCreated("u-7", new DateOnly(2026, 1, 15)));
        await host.SendAsync(new ContactAdded("u-7", "contact-9"));

        Assert.Equal(3, host.PendingWaits.Count);
        var run = await host.WaitForRunAsync("orchestrate-onboarding", TimeSpan.FromHours(1));
        Assert.Equal("onboarding of u-42 is incomplete", run.OutputAs<string>());
    }

    [Fact]
    public async Task Confirmations_sent_by_the_test_complete_the_orchestrator()
    {
        await using var host = OrchestratorOnly();
        await host.SendAsync(Onboard.Ada);
        host.SendAfter(TimeSpan.FromMinutes(3), new WelcomeEmailSent("u-42", "msg-1"));
        host.SendAfter(TimeSpan.FromMinutes(4), new TrialCreated("u-42", new DateOnly(2026, 1, 15)));
        host.SendAfter(TimeSpan.FromMinutes(5), new ContactAdded("u-42", "contact-1"));

        var run = await host.WaitForRunAsync("orchestrate-onboarding", TimeSpan.FromMinutes(10));

        Assert.Equal("onboarded u-42", run.OutputAs<string>());
        Assert.Equal(Onboard.Start.AddMinutes(5), run.EndedAt);
        Assert.Equal("msg-1", run.Step("wait-welcome-email").Output?.GetProperty("data").GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task The_welcome_email_is_sent_once_and_confirmed_with_its_message_id()
    {
        await using var host = Onboard.Host(o => o.Functions = ["send-welcome-email"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("send-welcome-email", TimeSpan.FromMinutes(1));

        Assert.Equal(["ada@example.com: Welcome aboard!"], host.Service<Mailer>().Sent);
        Assert.Equal(new WelcomeEmailSent("u-42", "msg-1"), Assert.Single(run.SentEvents<WelcomeEmailSent>()).Data);
    }

    [Fact]
    public async Task A_mailer_outage_is_retried_and_the_email_still_goes_out_once()
    {
        var attempts = 0;
        await using var host = Onboard.Host(o => o.Functions = ["send-welcome-email"]);
        host.MockStep("send-email", () => ++attempts < 2 ? throw new HttpRequestException("mailer unavailable") : "msg-mocked");
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("send-welcome-email", TimeSpan.FromMinutes(5));

        Assert.Equal(2, run.Step("send-email").Attempts);
        Assert.Equal("msg-mocked", Assert.Single(host.SentEvents<WelcomeEmailSent>()).Data.MessageId);
    }

    [Fact]
    public async Task The_crm_contact_is_upserted_and_confirmed()
    {
        await using var host = Onboard.Host(o => o.Functions = ["add-to-crm"]);
        await host.SendAsync(Onboard.Signup(Onboard.Ada));

        var run = await host.WaitForRunAsync("add-to-crm", TimeSpan.FromMinutes(1));

        Assert.Equal("contact-ada", run.Step("upsert-contact").OutputAs<string>());
        Assert.Equal(new ContactAdded("u-42", "contact-ada"), Assert.Single(host.SentEvents<ContactAdded>()).Data);
    }
}
