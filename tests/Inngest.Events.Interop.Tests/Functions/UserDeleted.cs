namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The event that cancels the configured function and <c>cancel-on</c>.</summary>
[Event("test/user.deleted")]
public sealed partial record UserDeleted(string UserId);
