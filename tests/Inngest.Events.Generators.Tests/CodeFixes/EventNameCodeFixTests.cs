using Inngest.Events.CodeFixes;
using Inngest.Events.Generators.Analyzers.EventNames;
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
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(0).WithArguments("billing/charge-failed", ": 'billing/charge.failed'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(1).WithArguments("storefront/cart-checkout-completed", ": 'storefront/cart.checkout.completed'"),
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

    [Fact]
    public Task Verb_first_words_are_turned_around_into_noun_and_past_verb()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"billing/send-receipt"|})] public partial record ReceiptSent(string InvoiceId);
            [Event({|#1:"billing/process-payment"|})] public partial record PaymentProcessed(string PaymentId);
            [Event({|#2:"billing/paid-invoice"|})] public partial record InvoicePaid(string InvoiceId);
            """,
            [
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(0).WithArguments("billing/send-receipt", ": 'billing/receipt.sent'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(0).WithArguments("billing/send-receipt", "receipt", " (rename it to 'billing/receipt.sent')"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(1).WithArguments("billing/process-payment", ": 'billing/payment.processed'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(1).WithArguments("billing/process-payment", "payment", " (rename it to 'billing/payment.processed')"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(2).WithArguments("billing/paid-invoice", ": 'billing/invoice.paid'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(2).WithArguments("billing/paid-invoice", "invoice", " (rename it to 'billing/invoice.paid')"),
            ],
            """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event("billing/receipt.sent")] public partial record ReceiptSent(string InvoiceId);
            [Event("billing/payment.processed")] public partial record PaymentProcessed(string PaymentId);
            [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId);
            """);

    [Fact]
    public Task Words_that_do_not_show_which_is_the_verb_get_no_fix()
    {
        const string source = """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"billing/refund-issue"|})] public partial record RefundIssued(string RefundId);
            """;
        DiagnosticResult[] diagnostics =
        [
            V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(0).WithArguments("billing/refund-issue", EventNameRules.HyphenAdvice),
            V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(0).WithArguments("billing/refund-issue", "issue", ", e.g. 'billing/invoice.paid'"),
        ];
        return V.CodeFixAsync<EventNameCodeFixProvider>(source, diagnostics, source, diagnostics);
    }

    [Fact]
    public Task Present_tense_verb_is_put_in_the_past_tense()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"billing/invoice.void"|})] public partial record InvoiceVoided(string InvoiceId);
            [Event({|#1:"email/welcome.send"|})] public partial record WelcomeSent(string UserId);
            [Event({|#2:"app/user.signup"|})] public partial record UserSignedUp(string UserId);
            """,
            [
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(0).WithArguments("billing/invoice.void", "void", " (rename it to 'billing/invoice.voided')"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(1).WithArguments("email/welcome.send", "send", " (rename it to 'email/welcome.sent')"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(2).WithArguments("app/user.signup", "signup", ", e.g. 'billing/invoice.paid'"),
            ],
            """
            using Inngest.Events;

            namespace Acme.Billing;

            [Event("billing/invoice.voided")] public partial record InvoiceVoided(string InvoiceId);
            [Event("email/welcome.sent")] public partial record WelcomeSent(string UserId);
            [Event({|#2:"app/user.signup"|})] public partial record UserSignedUp(string UserId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(2).WithArguments("app/user.signup", "signup", ", e.g. 'billing/invoice.paid'"));

    [Fact]
    public Task Reserved_prefix_is_replaced_by_the_domain_of_the_namespace()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            """
            using Inngest.Events;

            namespace Shop.Orders;

            [Event({|#0:"inngest/cart.abandoned"|})] public partial record CartAbandoned(string CartId);
            """,
            [V.Diagnostic(DiagnosticDescriptors.EventNameReservedPrefix).WithLocation(0).WithArguments("inngest/cart.abandoned", ": rename it to 'orders/cart.abandoned'")],
            """
            using Inngest.Events;

            namespace Shop.Orders;

            [Event("orders/cart.abandoned")] public partial record CartAbandoned(string CartId);
            """);

    [Fact]
    public Task Tense_stays_when_INNG1013_is_turned_off()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            [("/0/Test0.cs", """
                using Inngest.Events;

                namespace Acme.Billing;

                [Event({|#0:"InvoiceVoid"|})] public partial record InvoiceVoided(string InvoiceId);
                [Event({|#1:"billing/send-receipt"|})] public partial record ReceiptSent(string InvoiceId);
                """)],
            [
                Format(0, "InvoiceVoid", "contains upper-case letters", "billing/invoice.void"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(1).WithArguments("billing/send-receipt", ": 'billing/receipt.send'"),
            ],
            [("/0/Test0.cs", """
                using Inngest.Events;

                namespace Acme.Billing;

                [Event("billing/invoice.void")] public partial record InvoiceVoided(string InvoiceId);
                [Event("billing/receipt.send")] public partial record ReceiptSent(string InvoiceId);
                """)],
            "dotnet_diagnostic.INNG1013.severity = none");

    [Fact]
    public Task An_event_and_the_triggers_that_name_it_in_other_files_are_renamed_together()
        => V.CodeFixAsync<EventNameCodeFixProvider>(
            [
                ("/0/Events.cs", """
                    using Inngest.Events;

                    namespace Acme.Billing;

                    [Event({|#0:"InvoicePaid"|})] public partial record InvoicePaid(string InvoiceId);
                    [Event({|#1:"billing/send-receipt"|})] public partial record ReceiptSent(string InvoiceId);
                    """),
                ("/0/Triggers.cs", """
                    using Inngest.Events;

                    namespace Acme.Functions;

                    public static class Triggers
                    {
                        public static readonly FunctionTrigger Paid = FunctionTrigger.ForEvent({|#2:"InvoicePaid"|}, "event.data.invoiceId != ''");
                        public static readonly FunctionTrigger Receipt = new() { Event = {|#3:"billing/send-receipt"|} };
                        public static readonly string NotATrigger = "InvoicePaid";
                    }
                    """),
            ],
            [
                Format(0, "InvoicePaid", "contains upper-case letters", "billing/invoice.paid"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(1).WithArguments("billing/send-receipt", ": 'billing/receipt.sent'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(1).WithArguments("billing/send-receipt", "receipt", " (rename it to 'billing/receipt.sent')"),
                Format(2, "InvoicePaid", "contains upper-case letters", "billing/invoice.paid"),
                V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(3).WithArguments("billing/send-receipt", ": 'billing/receipt.sent'"),
                V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(3).WithArguments("billing/send-receipt", "receipt", " (rename it to 'billing/receipt.sent')"),
            ],
            [
                ("/0/Events.cs", """
                    using Inngest.Events;

                    namespace Acme.Billing;

                    [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId);
                    [Event("billing/receipt.sent")] public partial record ReceiptSent(string InvoiceId);
                    """),
                ("/0/Triggers.cs", """
                    using Inngest.Events;

                    namespace Acme.Functions;

                    public static class Triggers
                    {
                        public static readonly FunctionTrigger Paid = FunctionTrigger.ForEvent("billing/invoice.paid", "event.data.invoiceId != ''");
                        public static readonly FunctionTrigger Receipt = new() { Event = "billing/receipt.sent" };
                        public static readonly string NotATrigger = "InvoicePaid";
                    }
                    """),
            ]);
}
