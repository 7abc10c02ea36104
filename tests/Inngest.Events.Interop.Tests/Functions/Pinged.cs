namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>An event no interop function is triggered by, for comparing what the clients send.</summary>
[Event("test/interop.pinged")]
public sealed partial record Pinged(string UserId);
