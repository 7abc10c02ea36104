namespace Inngest.Events.AspNetCore.Tests;

/// <summary>The event names of the test events.</summary>
internal static class Names
{
    public const string OrderPlaced = "test/order.placed";
    public const string PaymentReceived = "test/payment.received";
    public const string ReceiptRequested = "test/receipt.requested";
    public const string OrderImported = "test/order.imported";
}

[Event(Names.OrderPlaced)]
internal sealed partial record OrderPlaced(string OrderId, int Amount = 0);

[Event(Names.PaymentReceived)]
internal sealed partial record PaymentReceived(string OrderId, int Amount);

[Event(Names.ReceiptRequested)]
internal sealed partial record ReceiptRequested(string OrderId);

/// <summary>From a producer that sends numbers as strings: the type asks for them to be read.</summary>
[Event(Names.OrderImported)]
[System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString)]
internal sealed partial record OrderImported(string OrderId, int Amount = 0);
