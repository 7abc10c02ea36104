using Inngest.Events;

namespace NativeAot;

/// <summary>Two functions with several steps each, run on the embedded engine inside the native binary.</summary>
public sealed class ShopFunctions
{
    /// <summary>Reserves stock, charges and awards points (three steps), announces the order and waits for its receipt.</summary>
    [InngestFunction("fulfil-order")]
    public async Task<string> FulfilAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var order = evt.Data;
        var reservation = await step.RunAsync("reserve-stock",
            () => new Reservation(order.OrderId, order.Sku, order.Quantity, new DateOnly(2030, 1, 31)));
        var chargeId = await step.RunAsync("charge-card", () => Task.FromResult($"ch_{order.OrderId}_{order.Total:0.00}"));

        // A nullable built-in result (int?) is stored with the runtime's own converter, not generated metadata.
        var points = await step.RunAsync("loyalty-points", () => order.Quantity > 0 ? order.Quantity * 10 : (int?)null);

        var announce = step.SendEventAsync("announce-fulfilled", new OrderFulfilled(order.OrderId, chargeId));
        var receipt = step.WaitForEventAsync("wait-receipt", TimeSpan.FromMinutes(5),
            (Event<OrderPlaced> placed, Event<ReceiptSent> sent) => placed.Data.OrderId == sent.Data.OrderId);
        await Task.WhenAll(announce, receipt);

        return $"{reservation.OrderId} x{reservation.Quantity} {reservation.Sku} until {reservation.HeldUntil:yyyy-MM-dd}, "
            + $"{chargeId}, {points} points, receipt {receipt.Result?.Data.MessageId ?? "missing"}";
    }

    /// <summary>Sends the receipt, then confirms it with an event.</summary>
    [InngestFunction("send-receipt")]
    public async Task SendReceiptAsync(Event<OrderFulfilled> evt, IStepTools step)
    {
        var messageId = await step.RunAsync("send-email", () => $"msg_{evt.Data.OrderId}");
        await step.SendEventAsync("confirm-receipt", new ReceiptSent(evt.Data.OrderId, messageId));
    }
}
