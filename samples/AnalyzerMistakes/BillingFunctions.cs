using Inngest.Events;

namespace AnalyzerMistakes.Billing;

/// <summary>Functions with the mistakes the Inngest docs warn about, and an ordinary method that sends as it should.</summary>
public sealed class BillingFunctions(IInngestClient inngest)
{
    /// <summary>Outside functions the client is the way to send; the dedup id is the bare invoice id (INNG3002).</summary>
    public async Task PublishPaidAsync(string invoiceId, decimal amount)
        => await inngest.SendAsync(new InvoicePaid(invoiceId, amount), new() { Id = invoiceId });

    /// <summary>
    /// Sends with the client inside a function (INNG3010) and reads the clock outside a step (INNG3016). Its concurrency
    /// key names the C# property rather than the JSON member (INNG4002) and joins two values with &amp;&amp; (INNG4004):
    /// warnings without a fix, which stay after dotnet format.
    /// </summary>
    [InngestFunction("schedule-reminder")]
    [Concurrency(1, Key = "event.data.InvoiceId && event.data.amount")]
    public async Task ScheduleReminderAsync(Event<InvoicePaid> evt, IStepTools step)
    {
        var dueAt = DateTimeOffset.UtcNow.AddDays(14);
        await step.RunAsync("record-payment", () => Console.WriteLine($"paid {evt.Data.InvoiceId}"));
        await inngest.SendAsync(new ReminderScheduled(evt.Data.InvoiceId, dueAt), new() { Id = $"reminder-scheduled-{evt.Data.InvoiceId}" });
    }

    /// <summary>A step that only sends, with the client (INNG3011), and a new id on every call (INNG3016).</summary>
    [InngestFunction("handle-declined-charge")]
    public async Task HandleDeclinedAsync(Event<ChargeDeclined> evt, IStepTools step)
    {
        var correlationId = Guid.NewGuid();
        await step.RunAsync("notify-refund", () => inngest.SendAsync(new RefundIssued($"refund-{evt.Data.InvoiceId}", evt.Data.InvoiceId)));
        Console.WriteLine(correlationId);
    }
}
