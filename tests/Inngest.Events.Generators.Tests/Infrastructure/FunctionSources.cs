namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>Test sources for the function and step rules: two events, and functions in a class around <c>members</c>.</summary>
internal static class FunctionSources
{
    /// <summary>
    /// Wraps <paramref name="members"/> in <c>Functions</c>, which reaches a client through a static property (so the rule
    /// about injected clients stays out of the way), with the events <c>InvoicePaid</c> and <c>OrderPlaced</c> around it.
    /// </summary>
    public static string Source(string members, string extra = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Billing;

        [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId, string CustomerId);
        [Event("shop/order.placed")] public partial record OrderPlaced(string OrderId, string CustomerId);

        public static class Clients
        {
            public static IInngestClient Current { get; set; } = null!;
        }

        public sealed class Functions
        {
            private static IInngestClient client => Clients.Current;

        {{members}}
        }
        {{extra}}
        """;
}
