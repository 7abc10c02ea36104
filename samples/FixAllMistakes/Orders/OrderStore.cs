using System.Collections.Concurrent;

namespace FixAllMistakes.Orders;

/// <summary>The shop's orders, in memory.</summary>
public sealed class OrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new();

    public void Add(Order order) => _orders[order.Id] = order;

    public Order? Find(string id) => _orders.TryGetValue(id, out var order) ? order : null;
}
