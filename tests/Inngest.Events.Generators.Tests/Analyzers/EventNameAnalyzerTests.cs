using Inngest.Events.Generators.Analyzers.EventNames;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.EventNames.EventNameAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class EventNameAnalyzerTests
{
    [Fact]
    public Task Conventional_names_get_no_diagnostic()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme.Billing;

            [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId);
            [Event("storefront/cart.checkout.completed")] public partial record CheckoutCompleted(string CartId);
            [Event("order/placed")] public partial record OrderPlaced(string OrderId);
            [Event("billing/payment-method.updated")] public partial record PaymentMethodUpdated(string CustomerId);
            [Event("user-management/user.created")] public partial record UserCreated(string UserId);
            [Event("billing/invoice.repaid")] public partial record InvoiceRepaid(string InvoiceId);
            [Event("billing/invoice.paid.v2")] public partial record InvoicePaidV2(string InvoiceId);
            [Event("stripe/charge.refunded", Version = "2024-01-01")] public partial record ChargeRefunded(string ChargeId);
            """);

    [Fact]
    public Task Name_without_domain_is_a_warning_naming_the_domain_of_the_namespace()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme.Billing.Events;

            [Event({|#0:"invoice.paid"|})] public partial record InvoicePaid(string InvoiceId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameMissingDomain).WithLocation(0).WithArguments("invoice.paid", "; rename it to 'billing/invoice.paid'"));

    [Fact]
    public Task Single_word_without_domain_in_the_global_namespace_gets_no_suggestion()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            [Event({|#0:"payment"|})] public partial record Payment(string Id);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameMissingDomain).WithLocation(0).WithArguments("payment", ", e.g. 'billing/invoice.paid'"),
            V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(0).WithArguments("payment", "payment", ", e.g. 'billing/invoice.paid'"));

    [Theory]
    [InlineData("InvoicePaid", "contains upper-case letters", "billing/invoice.paid")]
    [InlineData("billing/invoice_paid", "contains '_'", "billing/invoice.paid")]
    [InlineData("billing/invoiceWasPaid", "contains upper-case letters", "billing/invoice.was.paid")]
    [InlineData("billing/invoice paid", "contains spaces", "billing/invoice.paid")]
    [InlineData("Billing/Invoice_Paid", "contains upper-case letters and '_'", "billing/invoice.paid")]
    [InlineData("UserManagement/UserCreated", "contains upper-case letters", "user-management/user.created")]
    [InlineData("billing/HTTPRequest.Sent", "contains upper-case letters", "billing/http.request.sent")]
    [InlineData("billing//invoice.paid", "has an empty part (a leading, trailing or doubled '/', '.' or '-')", "billing/invoice.paid")]
    [InlineData("billing/invoice.paid.", "has an empty part (a leading, trailing or doubled '/', '.' or '-')", "billing/invoice.paid")]
    public Task Names_outside_lower_case_and_dots_are_a_warning_with_the_derived_name(string name, string problem, string derived)
        => V.AnalyzerAsync($$"""
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"{{name}}"|})] public partial record InvoicePaid(string InvoiceId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameFormat).WithLocation(0).WithArguments(name, problem, $"; rename it to '{derived}'"));

    [Theory]
    [InlineData("billing/invoice#paid", "contains '#'")]
    [InlineData("billing/invoice.payé", "contains the letter 'é'")]
    public Task Names_with_other_characters_are_a_warning_without_a_suggestion(string name, string problem)
        => V.AnalyzerAsync($$"""
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"{{name}}"|})] public partial record InvoicePaid(string InvoiceId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameFormat).WithLocation(0).WithArguments(name, problem, ", e.g. 'billing/invoice.paid'"));

    [Fact]
    public Task Name_from_a_constant_is_checked_at_the_argument()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme.Billing;

            public static class Names { public const string Paid = "InvoicePaid"; }

            [Event(name: {|#0:Names.Paid|})] public partial record InvoicePaid(string InvoiceId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameFormat).WithLocation(0).WithArguments("InvoicePaid", "contains upper-case letters", "; rename it to 'billing/invoice.paid'"));

    [Fact]
    public Task Hyphen_between_noun_and_verb_is_info()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme.Billing;

            [Event({|#0:"billing/charge-failed"|})] public partial record ChargeFailed(string ChargeId);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(0).WithArguments("billing/charge-failed", ": 'billing/charge.failed'"));

    [Theory]
    [InlineData("email/welcome.send", "send", "email/welcome.sent")]
    [InlineData("crm/contact.add", "add", "crm/contact.added")]
    [InlineData("user/signup", "signup", null)]
    [InlineData("billing/invoice-pay", "pay", "billing/invoice.paid")]
    [InlineData("billing/invoice.void", "void", "billing/invoice.voided")]
    [InlineData("shipping/label.print", "print", "shipping/label.printed")]
    [InlineData("app/order.ship", "ship", "app/order.shipped")]
    [InlineData("app/email.verify", "verify", "app/email.verified")]
    public Task Verb_not_in_the_past_tense_is_info_with_the_past_form_when_the_verb_is_known(string name, string verb, string? renamed)
    {
        var expected = new List<DiagnosticResult>();
        if (name.Contains('-'))
        {
            expected.Add(V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(0).WithArguments(name, $": '{renamed}'"));
        }

        expected.Add(V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(0)
            .WithArguments(name, verb, renamed is null ? ", e.g. 'billing/invoice.paid'" : $" (rename it to '{renamed}')"));
        return V.AnalyzerAsync($$"""
            using Inngest.Events;

            namespace Acme.Mail;

            [Event({|#0:"{{name}}"|})] public partial record Welcome(string UserId);
            """,
            [.. expected]);
    }

    [Theory]
    [InlineData("billing/invoice.paid")]
    [InlineData("files/upload.written")]
    [InlineData("jobs/report.rerun")]
    [InlineData("accounts/balance.overdrawn")]
    [InlineData("billing/invoice.prepaid")]
    [InlineData("orders/cart.abandoned")]
    public Task Past_tense_verbs_are_recognised(string name)
        => V.AnalyzerAsync($$"""
            using Inngest.Events;

            namespace Acme;

            [Event("{{name}}")] public partial record Happened(string Id);
            """);

    [Fact]
    public Task Allowed_verbs_and_past_forms_come_from_editorconfig()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme.Mail;

            [Event("email/welcome.send")] public partial record SendWelcome(string UserId);
            [Event("crm/contacts.sync")] public partial record SyncContacts(string AccountId);
            [Event("social/post.retweet")] public partial record PostRetweeted(string PostId);
            [Event({|#0:"crm/contact.add"|})] public partial record AddContact(string ContactId);
            """,
            "inngest.event_name.allowed_verbs = send, Sync\ninngest.event_name.past_forms = retweet",
            V.Diagnostic(DiagnosticDescriptors.EventNameNotPastTense).WithLocation(0).WithArguments("crm/contact.add", "add", " (rename it to 'crm/contact.added')"));

    [Theory]
    [InlineData("inngest/function.failed", "acme/function.failed")]
    [InlineData("Inngest/user.created", "acme/user.created")]
    public Task Reserved_prefix_on_a_user_event_is_an_error_with_the_namespace_as_domain(string name, string renamed)
        => V.AnalyzerAsync($$"""
            using Inngest.Events;

            namespace Acme;

            [Event({|#0:"{{name}}"|})] public partial record Failed(string Id);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameReservedPrefix).WithLocation(0).WithArguments(name, $": rename it to '{renamed}'"));

    [Theory]
    [InlineData("Inngest.Events", false)]
    [InlineData("Acme.Inngest.Events", true)]
    public Task Reserved_prefix_is_allowed_only_inside_the_runtime_assembly(string assemblyName, bool reported)
    {
        // The runtime declares the attribute itself; nothing else is referenced, so the generator does not run.
        var test = new AnalyzerTest<EventNameAnalyzer, EmptyCodeFixProvider>(withRuntime: false)
        {
            AssemblyName = assemblyName,
            TestCode = """
                namespace Inngest.Events
                {
                    [System.AttributeUsage(System.AttributeTargets.Class)]
                    public sealed class EventAttribute(string name) : System.Attribute { public string Name { get; } = name; }

                    [Event({|#0:"inngest/function.failed"|})] public sealed class FunctionFailed { }
                }
                """,
        };
        if (reported)
        {
            test.ExpectedDiagnostics.Add(V.Diagnostic(DiagnosticDescriptors.EventNameReservedPrefix).WithLocation(0).WithArguments("inngest/function.failed", ", e.g. 'app/...'"));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Empty_and_overlong_names_are_errors()
    {
        var longName = "billing/" + new string('a', 240) + ".paid.ok";
        return V.AnalyzerAsync($$"""
            using Inngest.Events;

            namespace Acme;

            [Event({|#0:""|})] public partial record Empty(string Id);
            [Event({|#1:"{{longName}}"|})] public partial record Long(string Id);
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameLength).WithLocation(0).WithArguments("", "is empty"),
            V.Diagnostic(DiagnosticDescriptors.EventNameLength).WithLocation(1).WithArguments(longName.Substring(0, 40) + "...", $"is {longName.Length} characters long"));
    }

    [Fact]
    public Task Raw_trigger_names_are_checked_but_may_name_system_events_and_use_wildcards()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme;

            public static class Triggers
            {
                public static FunctionTrigger[] All =
                [
                    FunctionTrigger.ForEvent({|#0:"InvoicePaid"|}),
                    new FunctionTrigger { Event = {|#1:"billing/charge-failed"|} },
                    FunctionTrigger.ForEvent(expression: "event.data.x == 1", name: {|#2:""|}),
                    FunctionTrigger.ForEvent("inngest/function.failed"),
                    FunctionTrigger.ForEvent("billing/invoice.*"),
                    FunctionTrigger.ForEvent("billing/*"),
                    FunctionTrigger.ForCron("0 * * * *"),
                ];
            }
            """,
            V.Diagnostic(DiagnosticDescriptors.EventNameFormat).WithLocation(0).WithArguments("InvoicePaid", "contains upper-case letters", "; rename it to 'invoice.paid'"),
            V.Diagnostic(DiagnosticDescriptors.EventNameHyphenatedWords).WithLocation(1).WithArguments("billing/charge-failed", ": 'billing/charge.failed'"),
            V.Diagnostic(DiagnosticDescriptors.EventNameLength).WithLocation(2).WithArguments("", "is empty"));
}
