namespace Inngest.Events.Testing.Tests.Shop;

[Event("shop/order.placed", Id = "order-placed-{OrderId}")]
public sealed partial record OrderPlaced(string OrderId, decimal Amount, string CustomerId);

[Event("shop/payment.received")]
public sealed partial record PaymentReceived(string OrderId, decimal Amount);

[Event("shop/order.shipped")]
public sealed partial record OrderShipped(string OrderId, string TrackingNumber);

[Event("shop/tax.requested")]
public sealed partial record TaxRequested(string Region, decimal Amount);

[Event("shop/stock.changed")]
public sealed partial record StockChanged(string Sku, int Quantity);

[Event("shop/click.recorded")]
public sealed partial record ClickRecorded(string Page);

[Event("shop/report.requested")]
public sealed partial record ReportRequested(string Report);

[Event("shop/hang.requested")]
public sealed partial record HangRequested(string Reason);

/// <summary>What the payment gateway is asked to charge.</summary>
public sealed record ChargeRequest(string OrderId, decimal Amount);

/// <summary>What the payment gateway answers.</summary>
public sealed record Receipt(string ChargeId, decimal Amount);
