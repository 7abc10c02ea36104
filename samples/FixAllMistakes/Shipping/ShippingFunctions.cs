using FixAllMistakes.Orders;
using Inngest.Events;

namespace FixAllMistakes.Shipping;

/// <summary>Ships paid orders and keeps the customer informed.</summary>
public sealed class ShippingFunctions(IInngestClient inngest, OrderStore orders)
{
    [InngestFunction("ship-order")]
    public async Task ShipOrderAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var shipmentId = "shp_" + Guid.NewGuid().ToString("N");
        var order = orders.Find(evt.Data.OrderId);
        await step.RunAsync("print-label", () => Console.WriteLine($"label for {shipmentId}"));
        await inngest.SendAsync(new LabelPrinted(shipmentId, "printer-1"));
        await inngest.SendAsync(new ShipmentDispatched(shipmentId, evt.Data.OrderId, "DHL"));
        await inngest.SendAsync(new CustomerNotified(shipmentId, order?.CustomerId ?? evt.Data.CustomerId, "email"));
        await inngest.SendAsync(new CustomerNotified(shipmentId, order?.CustomerId ?? evt.Data.CustomerId, "sms"));
    }

    [InngestFunction("confirm-delivery")]
    public async Task ConfirmDeliveryAsync(Event<ShipmentDispatched> evt, IStepTools step)
    {
        await step.SleepAsync("wait-for-carrier", TimeSpan.FromDays(2));
        var checkedAt = DateTimeOffset.Now;
        await step.RunAsync("notify-delivered", () => inngest.SendAsync(new ShipmentDelivered(evt.Data.ShipmentId, evt.Data.OrderId), new() { Id = evt.Data.ShipmentId }));
        Console.WriteLine($"delivery of {evt.Data.ShipmentId} checked at {checkedAt}");
    }
}
