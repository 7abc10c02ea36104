using Inngest.Events;

namespace FixAllMistakes.Orders;

/// <summary>A customer placed an order.</summary>
[Event("OrderPlaced")]
public partial record OrderPlaced(string OrderId, string CustomerId, decimal Total);

/// <summary>A customer or the shop cancelled an order.</summary>
[Event("order_cancelled")]
public partial record OrderCancelled(string OrderId, string Reason);

/// <summary>A cart was left without checking out.</summary>
[Event("inngest/cart.abandoned")]
public partial record CartAbandoned(string CartId, string CustomerId);
