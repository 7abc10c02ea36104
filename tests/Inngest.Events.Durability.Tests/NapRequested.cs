namespace Inngest.Events.Durability.Tests;

/// <summary>Starts a run that sleeps for an hour (to see it is still there after a restart).</summary>
[Event("crash/nap.requested")]
public sealed partial record NapRequested(int Id);
