using Inngest.Events;

namespace AnalyzerMistakes.Billing;

/// <summary>PascalCase, as a C# author writes it (INNG1011: renamed to 'billing/invoice.paid').</summary>
[Event("InvoicePaid")]
public partial record InvoicePaid(string InvoiceId, decimal Amount);

/// <summary>No domain (INNG1010: the namespace gives 'billing/').</summary>
[Event("charge.declined")]
public partial record ChargeDeclined(string InvoiceId, string Reason);

/// <summary>Hyphen between noun and verb (INNG1012: 'billing/refund.issued').</summary>
[Event("billing/refund-issued")]
public partial record RefundIssued(string RefundId, string InvoiceId);

/// <summary>An id template that is only the entity (INNG3002: 'invoice-voided-{InvoiceId}').</summary>
[Event("billing/invoice.voided", Id = "{InvoiceId}")]
public partial record InvoiceVoided(string InvoiceId);

/// <summary>A reminder, sent by a function.</summary>
[Event("billing/reminder.scheduled")]
public partial record ReminderScheduled(string InvoiceId, DateTimeOffset DueAt);
