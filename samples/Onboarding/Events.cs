using Inngest.Events;

namespace Onboarding;

/// <summary>The app created an account; starts the onboarding orchestration.</summary>
[Event("user/account.created", Id = "account-created-{UserId}")]
public partial record AccountCreated(string UserId, string Email, string Plan);

/// <summary>Signup finished; fans out to the welcome email, the trial and the CRM.</summary>
[Event("user/signup.completed", Id = "signup-completed-{UserId}")]
public partial record SignupCompleted(string UserId, string Email, string Plan);

/// <summary>The welcome email went out.</summary>
[Event("email/welcome.sent")]
public partial record WelcomeEmailSent(string UserId, string MessageId);

/// <summary>A trial subscription exists.</summary>
[Event("billing/trial.created")]
public partial record TrialCreated(string UserId, DateOnly EndsOn);

/// <summary>The user is a contact in the CRM.</summary>
[Event("crm/contact.added")]
public partial record ContactAdded(string UserId, string ContactId);

/// <summary>A digest email was requested for later (sent with a future <c>ts</c>).</summary>
[Event("email/digest.requested")]
public partial record DigestRequested(string UserId);
