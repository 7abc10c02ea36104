namespace Inngest.Events.Engine.Tests;

/// <summary>The event names of the test events, for triggers and assertions.</summary>
internal static class Names
{
    public const string OrderPlaced = "test/order.placed";
    public const string OrderCancelled = "test/order.cancelled";
    public const string PaymentReceived = "test/payment.received";
    public const string QuoteRequested = "test/quote.requested";
    public const string ReceiptRequested = "test/receipt.requested";
    public const string FunctionFailed = "inngest/function.failed";
    public const string FunctionFinished = "inngest/function.finished";
    public const string FunctionCancelled = "inngest/function.cancelled";
    public const string FunctionInvoked = "inngest/function.invoked";
    public const string ScheduledTimer = "inngest/scheduled.timer";
}

[Event(Names.OrderPlaced)]
internal sealed partial record OrderPlaced(string OrderId, int Amount = 0, string? CustomerId = null);

[Event(Names.OrderCancelled)]
internal sealed partial record OrderCancelled(string OrderId);

[Event(Names.PaymentReceived)]
internal sealed partial record PaymentReceived(string OrderId, int Amount);

[Event(Names.QuoteRequested)]
internal sealed partial record QuoteRequested(int Quantity);

[Event(Names.ReceiptRequested)]
internal sealed partial record ReceiptRequested(string OrderId);
