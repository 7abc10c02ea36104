// Context "tests": a test class of a user's xUnit test project that uses Inngest.Events.Testing. A block's methods
// (tests, data members) replace the members line; its statements are the body of an async test. CreateHost() puts the
// onboarding functions below on a test host with their services, as the docs' test classes do; the events, services and
// functions are a small copy of the Onboarding sample's.
// <test-framework>
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.DependencyInjection;
global using Inngest.Events;
global using Inngest.Events.Engine;
global using Inngest.Events.Testing;
global using Xunit;
global using DocsContext;

public sealed class DocsTests
{
    private static InngestTestHost CreateHost() => new(InngestGeneratedFunctions.CreateRegistry, options =>
    {
        options.AppId = "onboarding";
        options.Services.AddSingleton<Mailer>().AddSingleton<Billing>().AddSingleton<Crm>();
    });

    // <members>

    [Fact]
    public async Task RunAsync()
    {
        // <statements>
        await Task.CompletedTask;
    }
}

namespace DocsContext
{
    [Event("user/signup.completed", Id = "signup-completed-{UserId}")]
    public partial record SignupCompleted(string UserId, string Email, string Plan);

    [Event("billing/trial.created")]
    public partial record TrialCreated(string UserId, DateOnly EndsOn);

    [Event("email/digest.requested")]
    public partial record DigestRequested(string UserId);

    public sealed class Mailer
    {
        public Task<string> SendAsync(string to, string subject) => Task.FromResult($"msg-{to}-{subject}");
    }

    public sealed class Billing
    {
        public Task ReserveCapacityAsync(string userId) => Task.CompletedTask;

        public Task ChargeSetupFeeAsync(string userId) => Task.CompletedTask;
    }

    public sealed class Crm
    {
        public Task<string> UpsertContactAsync(string email) => Task.FromResult("contact-" + email);
    }

    public sealed class OnboardingFunctions(Mailer mailer, Billing billing, TimeProvider time)
    {
        [InngestFunction("create-trial")]
        [Retries(3)]
        public async Task<TrialCreated> CreateTrialAsync(Event<SignupCompleted> evt, IStepTools step)
        {
            await step.RunAsync("reserve-capacity", evt.Data.UserId, billing.ReserveCapacityAsync);
            var endsOn = await step.RunAsync("start-subscription", () => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(14)));
            return new TrialCreated(evt.Data.UserId, endsOn);
        }

        [InngestFunction("charge-setup-fee")]
        [Trigger<SignupCompleted>(If = "event.data.plan == 'pro'")]
        public async Task ChargeSetupFeeAsync(Event<SignupCompleted> evt, IStepTools step)
            => await step.RunAsync("charge", evt.Data.UserId, billing.ChargeSetupFeeAsync);

        [InngestFunction("send-digest")]
        public async Task SendDigestAsync(Event<DigestRequested> evt, IStepTools step)
            => await step.RunAsync("send-digest", () => mailer.SendAsync(evt.Data.UserId, "Your first-day digest"));
    }
}
