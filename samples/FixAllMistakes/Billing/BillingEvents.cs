using Inngest.Events;

namespace FixAllMistakes.Billing;

/// <summary>An invoice was paid in full.</summary>
[Event("InvoicePaid")]
public partial record InvoicePaid(string InvoiceId, string CustomerId, decimal Amount);

/// <summary>The card of an invoice was declined.</summary>
[Event("charge.declined")]
public partial record ChargeDeclined(string InvoiceId, string CustomerId, string Reason);

/// <summary>Money went back to the customer.</summary>
[Event("billing/refund-issued")]
public partial record RefundIssued(string RefundId, string InvoiceId, decimal Amount);

/// <summary>The receipt of an invoice was emailed.</summary>
[Event("billing/send-receipt")]
public partial record ReceiptSent(string InvoiceId, string Email);

/// <summary>An invoice was cancelled before payment.</summary>
[Event("billing/invoice.void", Id = "{InvoiceId}")]
public partial record InvoiceVoided(string InvoiceId);

/// <summary>A reminder to pay an invoice is due.</summary>
[Event("billing/payment-reminder.scheduled")]
public partial record PaymentReminderScheduled(string InvoiceId, DateTimeOffset DueAt);
