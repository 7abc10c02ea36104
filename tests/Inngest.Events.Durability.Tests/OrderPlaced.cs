namespace Inngest.Events.Durability.Tests;

/// <summary>Starts one run of each crash-test function.</summary>
[Event("crash/order.placed")]
public sealed partial record OrderPlaced(int Order);
