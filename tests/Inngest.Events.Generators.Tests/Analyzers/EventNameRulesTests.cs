using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Analyzers.EventNames;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Tests.Analyzers;

/// <summary>The string logic behind the event-name rules and the dedup-id fix.</summary>
public sealed class EventNameRulesTests
{
    [Fact]
    public void Runtime_type_names_the_analyzers_look_for_match_the_runtime()
    {
        Assert.Equal(InngestSymbols.RuntimeAssemblyName, typeof(EventAttribute).Assembly.GetName().Name);
        Assert.Equal(InngestSymbols.EventOptionsName, typeof(EventOptions).FullName);
        Assert.Equal(InngestSymbols.InngestEventName, typeof(InngestEvent).FullName);
        Assert.Equal(InngestSymbols.EventEnvelopeName, typeof(Event<>).FullName);
        Assert.Equal(InngestSymbols.FunctionTriggerName, typeof(FunctionTrigger).FullName);
        Assert.Equal(EventNameRules.ReservedPrefix, "inngest/");
    }

    [Theory]
    [InlineData("billing/invoice.paid", "invoice-paid")]
    [InlineData("storefront/cart.checkout.completed", "cart-checkout-completed")]
    [InlineData("order/placed", "placed")]
    [InlineData("app/user.signed-up", "user-signed-up")]
    [InlineData("InvoicePaid", "invoice-paid")]
    [InlineData("billing/*", null)]
    public void Slug_is_the_event_part_in_lower_case_with_dashes(string name, string? slug)
        => Assert.Equal(slug, NameWords.Slug(name));

    [Theory]
    [InlineData("Acme.Billing", "billing")]
    [InlineData("Acme.Billing.Events", "billing")]
    [InlineData("Acme.UserManagement.Contracts.Messages", "user-management")]
    [InlineData("Events", "events")]
    [InlineData("", null)]
    public void Domain_is_the_last_meaningful_namespace_segment(string ns, string? domain)
    {
        var source = ns.Length == 0 ? "class T { }" : $"namespace {ns}; class T {{ }}";
        var compilation = CSharpCompilation.Create("A", [CSharpSyntaxTree.ParseText(source)]);
        var type = compilation.GetTypeByMetadataName(ns.Length == 0 ? "T" : ns + ".T")!;
        Assert.Equal(domain, EventNameRules.DomainFromNamespace(type.ContainingNamespace));
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("completed")]
    [InlineData("sent")]
    [InlineData("undone")]
    [InlineData("withdrawn")]
    [InlineData("repaid")]
    [InlineData("overdrawn")]
    [InlineData("rerun")]
    [InlineData("rebuilt")]
    [InlineData("written")]
    public void Past_forms_are_recognised(string word) => Assert.True(PastTense.IsPastForm(word));

    [Theory]
    [InlineData("send")]
    [InlineData("sync")]
    [InlineData("pay")]
    [InlineData("created2")]
    [InlineData("ed")]
    [InlineData("signup")]
    [InlineData("process")]
    public void Other_words_are_not_past_forms(string word) => Assert.False(PastTense.IsPastForm(word));

    [Theory]
    [InlineData("InvoicePaid", "billing", "billing/invoice.paid")]
    [InlineData("invoice_paid", null, "invoice.paid")]
    [InlineData("Billing/Invoice-Paid", null, "billing/invoice-paid")]
    [InlineData("Cart.CheckoutCompleted", "shop", "shop/cart.checkout.completed")]
    [InlineData("HTTPRequestSent", "net", "net/http.request.sent")]
    [InlineData("billing/invoice#paid", "billing", null)]
    [InlineData("___", "billing", null)]
    public void Names_are_normalized_mechanically_or_not_at_all(string name, string? domain, string? expected)
        => Assert.Equal(expected, EventNameRules.Normalize(name, new EventNameSite(false, false, domain)));

    [Theory]
    [InlineData("send", "sent")]
    [InlineData("pay", "paid")]
    [InlineData("void", "voided")]
    [InlineData("create", "created")]
    [InlineData("verify", "verified")]
    [InlineData("deploy", "deployed")]
    [InlineData("ship", "shipped")]
    [InlineData("submit", "submitted")]
    [InlineData("cancel", "cancelled")]
    [InlineData("sync", "synced")]
    [InlineData("withdraw", "withdrawn")]
    public void Known_verbs_have_a_past_form(string verb, string past)
    {
        Assert.True(PastTense.TryGetPastForm(verb, out var actual));
        Assert.Equal(past, actual);
        Assert.True(PastTense.IsPastForm(actual));
    }

    [Theory]
    [InlineData("signup")]
    [InlineData("login")]
    [InlineData("status")]
    [InlineData("receipt")]
    [InlineData("paid")]
    public void Other_words_have_no_past_form(string word) => Assert.False(PastTense.TryGetPastForm(word, out _));

    [Theory]
    [InlineData("refund-issued", "refund.issued")]
    [InlineData("cart-checkout-completed", "cart.checkout.completed")]
    [InlineData("send-receipt", "receipt.sent")]
    [InlineData("send-payment-reminder", "payment.reminder.sent")]
    [InlineData("process-refund", "refund.processed")]
    [InlineData("paid-invoice", "invoice.paid")]
    [InlineData("invoice-pay", "invoice.pay")]
    [InlineData("user-signup", "user.signup")]
    [InlineData("refund-issue", null)]
    [InlineData("issue-refund", null)]
    [InlineData("send-create", null)]
    public void Hyphenated_words_are_split_into_noun_and_verb_or_left_alone(string eventPart, string? expected)
        => Assert.Equal(expected, EventNameRules.SplitHyphenatedWords(eventPart, EventNameOptions.Default, fixTense: true));

    [Fact]
    public void Verb_first_words_keep_their_tense_without_the_tense_rule()
        => Assert.Equal("receipt.send", EventNameRules.SplitHyphenatedWords("send-receipt", EventNameOptions.Default, fixTense: false));

    [Theory]
    [InlineData("InvoicePay", "billing", "billing/invoice.paid")]
    [InlineData("billing/send-receipt", "billing", "billing/receipt.sent")]
    [InlineData("charge-declined", "billing", "billing/charge.declined")]
    [InlineData("billing/invoice.void", "billing", "billing/invoice.voided")]
    [InlineData("inngest/cart.abandoned", "orders", "orders/cart.abandoned")]
    [InlineData("inngest/cart.abandoned", "inngest", null)]
    [InlineData("billing/refund-issue", "billing", "billing/refund-issue")]
    [InlineData("app/user.signup", "app", "app/user.signup")]
    [InlineData("billing/invoice#paid", "billing", null)]
    public void Conforming_name_repairs_everything_a_fix_can(string name, string domain, string? expected)
        => Assert.Equal(expected, EventNameRules.Conform(name, new EventNameSite(false, false, domain), EventNameOptions.Default, fixTense: true));
}
