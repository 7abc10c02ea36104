using Inngest.Events.Generators.Diagnostics;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.EventNames.DuplicateEventNameAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class DuplicateEventNameAnalyzerTests
{
    [Fact]
    public Task Same_name_on_two_types_is_an_error_on_both()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme.Billing
            {
                [{|#0:Event("billing/invoice.paid")|}] public partial record InvoicePaid(string InvoiceId);
            }

            namespace Acme.Legacy
            {
                public partial class Events
                {
                    [{|#1:Event("billing/invoice.paid", Version = "1")|}] public partial record InvoicePaid(string Id);
                }
            }
            """,
            V.Diagnostic(DiagnosticDescriptors.DuplicateEventName).WithLocation(0).WithArguments("billing/invoice.paid", "Acme.Billing.InvoicePaid", "'Acme.Legacy.Events.InvoicePaid'"),
            V.Diagnostic(DiagnosticDescriptors.DuplicateEventName).WithLocation(1).WithArguments("billing/invoice.paid", "Acme.Legacy.Events.InvoicePaid", "'Acme.Billing.InvoicePaid'"));

    [Fact]
    public Task Three_types_each_name_the_other_two()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme;

            [{|#0:Event("order/placed")|}] public partial record A(string Id);
            [{|#1:Event("order/placed")|}] public partial record B(string Id);
            [{|#2:Event("order/placed")|}] public partial record C(string Id);
            """,
            V.Diagnostic(DiagnosticDescriptors.DuplicateEventName).WithLocation(0).WithArguments("order/placed", "Acme.A", "'Acme.B' and 'Acme.C'"),
            V.Diagnostic(DiagnosticDescriptors.DuplicateEventName).WithLocation(1).WithArguments("order/placed", "Acme.B", "'Acme.A' and 'Acme.C'"),
            V.Diagnostic(DiagnosticDescriptors.DuplicateEventName).WithLocation(2).WithArguments("order/placed", "Acme.C", "'Acme.A' and 'Acme.B'"));

    [Fact]
    public Task Distinct_names_and_partial_declarations_of_one_type_are_fine()
        => V.AnalyzerAsync("""
            using Inngest.Events;

            namespace Acme;

            [Event("order/placed")] public partial record OrderPlaced(string OrderId);
            public partial record OrderPlaced { public string? Note { get; init; } }
            [Event("order/Placed")] public partial record OrderPlacedOld(string OrderId);
            [Event("order/shipped")] public partial record OrderShipped(string OrderId);
            """);
}
