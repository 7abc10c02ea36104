namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The trigger of most interop functions (<c>test/user.signed_up</c> in serve.mjs).</summary>
[Event("test/user.signed_up")]
public sealed partial record UserSignedUp(string UserId, string Plan);
