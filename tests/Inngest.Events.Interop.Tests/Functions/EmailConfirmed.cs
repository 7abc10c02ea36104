namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>What the wait-for-event scenario waits for.</summary>
[Event("test/email.confirmed")]
public sealed partial record EmailConfirmed(string UserId);
