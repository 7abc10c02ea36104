using Inngest.Events;

namespace FixAllMistakes.Billing;

/// <summary>What happens after a payment or a declined charge.</summary>
public sealed class BillingFunctions(IInngestClient inngest, ILogger<BillingFunctions> logger)
{
    [InngestFunction("send-receipt")]
    public async Task SendReceiptAsync(Event<InvoicePaid> evt, IStepTools step)
    {
        var paidAt = DateTimeOffset.UtcNow;
        await step.RunAsync("email-receipt", () => logger.LogInformation("Receipt for {Invoice}, paid at {PaidAt}", evt.Data.InvoiceId, paidAt));
        await inngest.SendAsync(new ReceiptSent(evt.Data.InvoiceId, $"{evt.Data.CustomerId}@example.com"));
        await inngest.SendAsync(new PaymentReminderScheduled(evt.Data.InvoiceId, paidAt.AddDays(30)), new() { Id = $"payment-reminder-scheduled-{evt.Data.InvoiceId}" });
    }

    [InngestFunction("handle-declined-charge")]
    public async Task HandleDeclinedChargeAsync(Event<ChargeDeclined> evt, IStepTools step)
    {
        var attemptId = Guid.NewGuid();
        var retryAt = DateTime.UtcNow.AddHours(1);
        logger.LogWarning("Charge for {Invoice} declined ({Reason}); attempt {Attempt}, retry at {RetryAt}", evt.Data.InvoiceId, evt.Data.Reason, attemptId, retryAt);
        await step.RunAsync("refund-deposit", () => inngest.SendAsync(new RefundIssued($"refund-{evt.Data.InvoiceId}", evt.Data.InvoiceId, 10m)));
        await inngest.SendAsync(new Event<InvoiceVoided>(new InvoiceVoided(evt.Data.InvoiceId)));
    }
}
