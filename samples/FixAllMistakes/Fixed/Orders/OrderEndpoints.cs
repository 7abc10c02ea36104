using Inngest.Events;

namespace FixAllMistakes.Orders;

/// <summary>The shop's HTTP API. Outside Inngest functions the client is the way to send events.</summary>
public static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/orders", async (Order order, OrderStore store, IInngestClient inngest) =>
        {
            store.Add(order);
            await inngest.SendAsync(new OrderPlaced(order.Id, order.CustomerId, order.Total), new() { Id = $"order-placed-{order.Id}" });
            return Results.Accepted($"/orders/{order.Id}");
        });

        app.MapDelete("/orders/{orderId}", async (string orderId, string reason, IInngestClient inngest) =>
        {
            await inngest.SendAsync(new OrderCancelled(orderId, reason), new() { Id = $"order-cancelled-{orderId}" });
            return Results.NoContent();
        });

        // The customer's own cancel button: the route names the order just `id`; the event's data says it is the order's id.
        app.MapPost("/my/orders/{id}/cancel", async (string id, IInngestClient inngest) =>
        {
            await inngest.SendAsync(new OrderCancelled(id, "cancelled by the customer"), new() { Id = $"order-cancelled-{id}" });
            return Results.NoContent();
        });

        app.MapPost("/carts/{cartId}/abandon", async (string cartId, string customerId, IInngestClient inngest) =>
        {
            await inngest.SendAsync(new CartAbandoned(cartId, customerId), new() { Id = $"cart-abandoned-{cartId}" });
            return Results.Accepted();
        });
    }

    /// <summary>Replays the placed event of every order in <paramref name="orders"/> (after an outage).</summary>
    public static async Task ReplayPlacedAsync(IInngestClient inngest, IEnumerable<Order> orders)
    {
        foreach (var order in orders)
        {
            var placed = new OrderPlaced(order.Id, order.CustomerId, order.Total);
            await inngest.SendAsync(new Event<OrderPlaced>(placed) { Id = $"order-placed-{placed.OrderId}" });
        }
    }
}
