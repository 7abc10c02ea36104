namespace Inngest.Events.Durability.Tests;

/// <summary>What the <c>payment</c> function waits for.</summary>
[Event("crash/payment.received")]
public sealed partial record PaymentReceived(int Order, int Amount);
