using Inngest.Events;

namespace Quickstart;

/// <summary>An invoice was paid. The generator makes it an Inngest event with a reflection-free serializer.</summary>
[Event("billing/invoice.paid", Id = "invoice-paid-{InvoiceId}")]
public partial record InvoicePaid(string InvoiceId, decimal Amount, string Currency, IReadOnlyList<LineItem> Lines);

/// <summary>A line of an invoice.</summary>
public sealed record LineItem(string Sku, int Quantity, decimal UnitPrice);

/// <summary>A customer's card was declined.</summary>
[Event("billing/card.declined", Version = "2024-01-15.1")]
public partial record CardDeclined(string CustomerId, string Reason);
