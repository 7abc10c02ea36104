namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The event the send-event scenarios send.</summary>
[Event("test/followup.sent")]
public sealed partial record FollowupSent(string UserId);
