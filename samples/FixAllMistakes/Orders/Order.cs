namespace FixAllMistakes.Orders;

/// <summary>An order as the shop stores it.</summary>
public sealed record Order(string Id, string CustomerId, decimal Total, string Currency);
