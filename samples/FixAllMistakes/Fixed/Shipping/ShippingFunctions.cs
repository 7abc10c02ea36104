using FixAllMistakes.Orders;
using Inngest.Events;

namespace FixAllMistakes.Shipping;

/// <summary>Ships paid orders and keeps the customer informed.</summary>
public sealed class ShippingFunctions(OrderStore orders)
{
    [InngestFunction("ship-order")]
    public async Task ShipOrderAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var shipmentId = "shp_" + await step.RunAsync("new-guid-to-string", () => Guid.NewGuid().ToString("N"));
        var order = orders.Find(evt.Data.OrderId);
        await step.RunAsync("print-label", () => Console.WriteLine($"label for {shipmentId}"));
        await step.SendEventAsync("send-label-printed", new LabelPrinted(shipmentId, "printer-1"));
        await step.SendEventAsync("send-shipment-dispatched", new ShipmentDispatched(shipmentId, evt.Data.OrderId, "DHL"));
        await step.SendEventAsync("send-customer-notified", new CustomerNotified(shipmentId, order?.CustomerId ?? evt.Data.CustomerId, "email"));
        await step.SendEventAsync("send-customer-notified-2", new CustomerNotified(shipmentId, order?.CustomerId ?? evt.Data.CustomerId, "sms"));
    }

    [InngestFunction("confirm-delivery")]
    public async Task ConfirmDeliveryAsync(Event<ShipmentDispatched> evt, IStepTools step)
    {
        await step.SleepAsync("wait-for-carrier", TimeSpan.FromDays(2));
        var checkedAt = await step.RunAsync("now", () => DateTimeOffset.Now);
        await step.SendEventAsync("send-shipment-delivered", new ShipmentDelivered(evt.Data.ShipmentId, evt.Data.OrderId), new() { Id = $"shipment-delivered-{evt.Data.ShipmentId}" });
        Console.WriteLine($"delivery of {evt.Data.ShipmentId} checked at {checkedAt}");
    }
}
