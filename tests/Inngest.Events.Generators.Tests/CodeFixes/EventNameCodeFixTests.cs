using Inngest.Events.CodeFixes;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.EventNames.EventNameAnalyzer>;

namespace Inngest.Events.Generators.Tests.CodeFixes;

public sealed class EventNameCodeFixTests
{
    private static DiagnosticResult Format(int location, string name, string problem, string derived)
        => V.Diagnostic(DiagnosticDescriptors.EventNameFormat).WithLocation(location).WithArguments(name, problem, derived.Length > 0 ? $"; rename it to '{derived}'" : ", e.g. 'billing/invoice.paid'");

    [Fact]
    public Task Pascal_case_name_is_renamed_with_the_domain_of_the_namespace()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"InvoicePaid"|}, Version = "1")]
            public partial record InvoicePaid(string InvoiceId);
            """,
            [Format(0, "InvoicePaid", "contains upper-case letters", "billing/invoice.paid")],
            """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event("billing/invoice.paid", Version = "1")]
            public partial record InvoicePaid(string InvoiceId);
            """);

    [Fact]
    public Task Fix_all_renames_every_event_of_the_file()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """"
            using Inngest.Events;

            namespace Acme.Billing.Contracts;

            [Event({|#0:"InvoicePaid"|})] public partial record InvoicePaid(string InvoiceId);
            [Event({|#1:"billing/invoice_voided"|})] public partial record InvoiceVoided(string InvoiceId);
            [Event(name: {|#2:"Billing/InvoiceSent"|})] public partial record InvoiceSent(string InvoiceId);
            [Event({|#3:"""billing/Invoice Reminder Sent"""|})] public partial record ReminderSent(string InvoiceId);
            """",
            [
                Format(0, "InvoicePaid", "contains upper-case letters", "billing/invoice.paid"),
                Format(1, "billing/invoice_voided", "contains '_'", "billing/invoice.voided"),
                Format(2, "Billing/InvoiceSent", "contains upper-case letters", "billing/invoice.sent"),
                Format(3, "billing/Invoice Reminder Sent", "contains upper-case letters and spaces", "billing/invoice.reminder.sent"),
            ],
            """"
            using Inngest.Events;

            namespace Acme.Billing.Contracts;

            [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId);
            [Event("billing/invoice.voided")] public partial record InvoiceVoided(string InvoiceId);
            [Event(name: "billing/invoice.sent")] public partial record InvoiceSent(string InvoiceId);
            [Event("billing/invoice.reminder.sent")] public partial record ReminderSent(string InvoiceId);
            """");

    [Fact]
    public Task Missing_domain_is_added_from_the_namespace()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            namespace Acme.UserManagement;

            [Event({|#0:"user.created"|})] public partial record UserCreated(string UserId);
            [Event({|#1:"user.deleted"|})] public partial record UserDeleted(string UserId);
            """,
            [
                V.Diagnostic(DiagnosticDescriptors.EventNameMissingDomain).WithLocation(0).WithArguments("user.created", "; rename it to 'user-management/user.created'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameMissingDomain).WithLocation(1).WithArguments("user.deleted", "; rename it to 'user-management/user.deleted'"),
            ],
            """
            using Inngest.Events;

            namespace Acme.UserManagement;

            [Event("user-management/user.created")] public partial record UserCreated(string UserId);
            [Event("user-management/user.deleted")] public partial record UserDeleted(string UserId);
            """);

    [Fact]
    public Task Hyphenated_words_get_dots()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            namespace Acme;

            [Event({|#0:"billing/charge-failed"|})] public partial record ChargeFailed(string ChargeId);

            public static class Triggers
            {
                public static readonly FunctionTrigger Checkout = FunctionTrigger.ForEvent({|#1:"storefront/cart-checkout-completed"|});
            }
            """,
            [
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(0).WithArguments("billing/charge-failed", "billing/charge.failed"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(1).WithArguments("storefront/cart-checkout-completed", "storefront/cart.checkout.completed"),
            ],
            """
            using Inngest.Events;

            namespace Acme;

            [Event("billing/charge.failed")] public partial record ChargeFailed(string ChargeId);

            public static class Triggers
            {
                public static readonly FunctionTrigger Checkout = FunctionTrigger.ForEvent("storefront/cart.checkout.completed");
            }
            """);

    [Fact]
    public Task Name_in_the_global_namespace_is_renamed_and_still_lacks_a_domain()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            [Event({|#0:"InvoicePaid"|})] public partial record InvoicePaid(string InvoiceId);
            """,
            [Format(0, "InvoicePaid", "contains upper-case letters", "invoice.paid")],
            """
            using Inngest.Events;

            [Event({|#0:"invoice.paid"|})] public partial record InvoicePaid(string InvoiceId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameMissingDomain).WithLocation(0).WithArguments("invoice.paid", ", e.g. 'billing/invoice.paid'"));

    [Fact]
    public Task Names_that_cannot_be_derived_or_are_not_literals_are_left_alone()
    {
        const string source = """
            using Inngest.Events;

            namespace Acme.Billing;

            public static class Names { public const string Paid = "InvoicePaid"; }

            [Event({|#0:Names.Paid|})] public partial record InvoicePaid(string InvoiceId);
            [Event({|#1:"billing/invoice#voided"|})] public partial record InvoiceVoided(string InvoiceId);
            """;
        return V.CodeFixAsync<EventNameCodeFixProvider>(
            source,
            [
                Format(0, "InvoicePaid", "contains upper-case letters", "billing/invoice.paid"),
                Format(1, "billing/invoice#voided", "contains '#'", ""),
            ],
            source,
            Format(0, "InvoicePaid", "contains upper-case letters", "billing/invoice.paid"),
            Format(1, "billing/invoice#voided", "contains '#'", ""));
    }
}
