using System.Text.Json.Serialization;
using Inngest.Events;

namespace Inngest.Events.Tests.Serialization;

[Event("billing/invoice.paid", Version = "2024-01-15.1", Id = "invoice-paid-{InvoiceId}")]
public partial record InvoicePaid(string InvoiceId, decimal Amount, string Currency, IReadOnlyList<LineItem> Lines)
{
    public DateTimeOffset? PaidAt { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public string Note { get; init; } = "none";
}

public sealed record LineItem(string Sku, int Quantity, decimal UnitPrice);
