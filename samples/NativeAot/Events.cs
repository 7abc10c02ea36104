using Inngest.Events;

namespace NativeAot;

/// <summary>An order was placed; its dedup id comes from the template.</summary>
[Event("shop/order.placed", Id = "order-placed-{OrderId}")]
public partial record OrderPlaced(string OrderId, string Sku, int Quantity, decimal Total);

/// <summary>An order was charged and reserved; the receipt function reacts to it.</summary>
[Event("shop/order.fulfilled")]
public partial record OrderFulfilled(string OrderId, string ChargeId);

/// <summary>The receipt for an order went out.</summary>
[Event("shop/receipt.sent")]
public partial record ReceiptSent(string OrderId, string MessageId);

/// <summary>A step result: stock held for an order (serialized by the generated code, not by reflection).</summary>
public sealed record Reservation(string OrderId, string Sku, int Quantity, DateOnly HeldUntil);
