using Inngest.Events;

namespace FixAllMistakes.Billing;

/// <summary>What happens after a payment or a declined charge.</summary>
public sealed class BillingFunctions(ILogger<BillingFunctions> logger)
{
    [InngestFunction("send-receipt")]
    public async Task SendReceiptAsync(Event<InvoicePaid> evt, IStepTools step)
    {
        var paidAt = await step.RunAsync("utc-now", () => DateTimeOffset.UtcNow);
        await step.RunAsync("email-receipt", () => logger.LogInformation("Receipt for {Invoice}, paid at {PaidAt}", evt.Data.InvoiceId, paidAt));
        await step.SendEventAsync("send-receipt-sent", new ReceiptSent(evt.Data.InvoiceId, $"{evt.Data.CustomerId}@example.com"));
        await step.SendEventAsync("send-payment-reminder-scheduled", new PaymentReminderScheduled(evt.Data.InvoiceId, paidAt.AddDays(30)), new() { Id = $"payment-reminder-scheduled-{evt.Data.InvoiceId}" });
    }

    [InngestFunction("handle-declined-charge")]
    public async Task HandleDeclinedChargeAsync(Event<ChargeDeclined> evt, IStepTools step)
    {
        var attemptId = await step.RunAsync("new-guid", () => Guid.NewGuid());
        var retryAt = await step.RunAsync("utc-now-add-hours", () => DateTime.UtcNow.AddHours(1));
        logger.LogWarning("Charge for {Invoice} declined ({Reason}); attempt {Attempt}, retry at {RetryAt}", evt.Data.InvoiceId, evt.Data.Reason, attemptId, retryAt);
        await step.SendEventAsync("send-refund-issued", new RefundIssued($"refund-{evt.Data.InvoiceId}", evt.Data.InvoiceId, 10m));
        await step.SendEventAsync("send-invoice-voided", new InvoiceVoided(evt.Data.InvoiceId));
    }
}
