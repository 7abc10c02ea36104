using Inngest.Events;

namespace Onboarding;

/// <summary>
/// The onboarding flow: one event fans out to three functions; an orchestrator waits for all three. Dates come from the
/// registered <see cref="TimeProvider"/> (the system clock when there is none), so tests can run them on a virtual one.
/// </summary>
public sealed class OnboardingFunctions(Mailer mailer, Billing billing, Crm crm, TimeProvider? time = null)
{
    /// <summary>Announces the signup (its event fans out) and waits, in parallel, for the three confirmations.</summary>
    [InngestFunction("orchestrate-onboarding")]
    public async Task<string> OrchestrateAsync(Event<AccountCreated> evt, IStepTools step)
    {
        var user = evt.Data;
        var announce = step.SendEventAsync("announce-signup", new SignupCompleted(user.UserId, user.Email, user.Plan));
        var email = step.WaitForEventAsync("wait-welcome-email", TimeSpan.FromMinutes(10),
            (Event<AccountCreated> trigger, Event<WelcomeEmailSent> sent) => trigger.Data.UserId == sent.Data.UserId);
        var trial = step.WaitForEventAsync("wait-trial", TimeSpan.FromMinutes(10),
            (Event<AccountCreated> trigger, Event<TrialCreated> created) => trigger.Data.UserId == created.Data.UserId);
        var contact = step.WaitForEventAsync("wait-crm-contact", TimeSpan.FromMinutes(10),
            (Event<AccountCreated> trigger, Event<ContactAdded> added) => trigger.Data.UserId == added.Data.UserId);
        await Task.WhenAll(announce, email, trial, contact);

        return email.Result is not null && trial.Result is not null && contact.Result is not null
            ? $"onboarded {user.UserId}"
            : $"onboarding of {user.UserId} is incomplete";
    }

    /// <summary>Sends the welcome email, then confirms.</summary>
    [InngestFunction("send-welcome-email")]
    public async Task SendWelcomeEmailAsync(Event<SignupCompleted> evt, IStepTools step)
    {
        var messageId = await step.RunAsync("send-email", () => mailer.SendAsync(evt.Data.Email, "Welcome aboard!"));
        await step.SendEventAsync("confirm-welcome-email", new WelcomeEmailSent(evt.Data.UserId, messageId));
    }

    /// <summary>Creates a trial; the capacity check is flaky, so its step is retried.</summary>
    [InngestFunction("create-trial")]
    [Retries(3)]
    public async Task<TrialCreated> CreateTrialAsync(Event<SignupCompleted> evt, IStepTools step)
    {
        await step.RunAsync("reserve-capacity", () => billing.ReserveCapacityAsync(evt.Data.UserId));
        var endsOn = await step.RunAsync("start-subscription", () => DateOnly.FromDateTime((time ?? TimeProvider.System).GetUtcNow().UtcDateTime.AddDays(14)));
        var created = new TrialCreated(evt.Data.UserId, endsOn);
        await step.SendEventAsync("confirm-trial", created);
        return created;
    }

    /// <summary>Adds the user to the CRM, then confirms.</summary>
    [InngestFunction("add-to-crm")]
    public async Task AddToCrmAsync(Event<SignupCompleted> evt, IStepTools step)
    {
        var contactId = await step.RunAsync("upsert-contact", () => crm.UpsertContactAsync(evt.Data.Email));
        await step.SendEventAsync("confirm-crm-contact", new ContactAdded(evt.Data.UserId, contactId));
    }

    /// <summary>Charges pro users a setup fee; the card is declined, which is not worth retrying.</summary>
    [InngestFunction("charge-setup-fee")]
    [Trigger<SignupCompleted>(If = "event.data.plan == 'pro'")]
    public async Task ChargeSetupFeeAsync(Event<SignupCompleted> evt, IStepTools step)
    {
        await step.RunAsync("charge", evt.Data.UserId, async userId =>
        {
            try
            {
                await billing.ChargeSetupFeeAsync(userId);
            }
            catch (InvalidOperationException declined)
            {
                throw new NonRetriableException(declined.Message, declined);
            }
        });
    }

    /// <summary>Handles any function that failed for good: an ordinary function triggered by a system event.</summary>
    [InngestFunction("alert-billing-team")]
    public async Task AlertAsync(Event<FunctionFailed> evt, IStepTools step)
        => await step.RunAsync("page-on-call", () => mailer.SendAsync("billing-team@example.com", $"{evt.Data.FunctionId} failed: {evt.Data.Error.Message}"));

    /// <summary>Sends the digest that was requested for later.</summary>
    [InngestFunction("send-digest")]
    public async Task SendDigestAsync(Event<DigestRequested> evt, IStepTools step)
        => await step.RunAsync("send-digest", () => mailer.SendAsync(evt.Data.UserId, "Your first-day digest"));
}
