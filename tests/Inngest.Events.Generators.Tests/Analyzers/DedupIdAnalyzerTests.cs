using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.DedupIds.DedupIdAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class DedupIdAnalyzerTests
{
    /// <summary>Wraps <paramref name="members"/> in a class that has a client, with two event types around it.</summary>
    internal static string Source(string members, string events = "") => $$"""
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Billing;

        [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId, string CustomerId);
        [Event("shop/order.placed")] public partial record OrderPlaced(Guid OrderId, string CustomerId, DateTimeOffset PlacedAt);
        {{events}}

        public sealed class Sender(IInngestClient client, IStepTools step)
        {
            private readonly string _orderId = "o-1";

        {{members}}

            private static string BuildId(OrderPlaced order) => "order-placed-" + order.OrderId;
        }
        """;

    private static DiagnosticResult Constant(int location, string subject)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdConstant).WithLocation(location).WithArguments(subject);

    private static DiagnosticResult Bare(int location, string subject, string example)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdWithoutEventPart).WithLocation(location).WithArguments(subject, example);

    private static DiagnosticResult Volatile(int location, string source)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdChangesEveryAttempt).WithLocation(location).WithArguments(source);

    [Fact]
    public Task Specific_ids_and_ids_the_analyzer_cannot_see_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                public async Task Send(InvoicePaid paid, OrderPlaced order, string id, string dedupKey, Event<OrderPlaced> incoming)
                {
                    await client.SendAsync(paid, new() { Id = $"invoice-paid-{paid.InvoiceId}" });
                    await client.SendAsync(paid, new EventOptions { Id = "invoice-paid-" + paid.InvoiceId });
                    await client.SendAsync(paid);
                    await client.SendAsync(paid, new() { Id = null });
                    await client.SendAsync(order, new() { Id = BuildId(order) });
                    await client.SendAsync(order, new() { Id = _orderId });
                    await client.SendAsync(order, new() { Id = id });
                    await client.SendAsync(order, new() { Id = dedupKey });
                    await client.SendAsync(incoming with { Id = incoming.Id });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{order.PlacedAt:O}" });

                    var reassigned = order.CustomerId;
                    reassigned = BuildId(order);
                    await client.SendAsync(order, new() { Id = reassigned });

                    foreach (var each in new[] { "a", "b" })
                    {
                        await client.SendAsync(order, new() { Id = each });
                    }
                }
            """));

    [Fact]
    public Task Constant_ids_are_a_warning()
        => V.AnalyzerAsync(Source("""
                private const string Fixed = "order";

                public async Task Send(InvoicePaid paid, OrderPlaced order)
                {
                    await client.SendAsync(paid, new() { Id = {|#0:"user-action"|} });
                    await client.SendAsync(new Event<OrderPlaced>(order) { Id = {|#1:Fixed|} });
                    var local = "same-every-time";
                    await step.SendEventAsync("send-order", order, new EventOptions { Id = {|#2:local|} });
                    await client.SendAsync(paid, new() { Id = {|#3:$"invoice-{Fixed}"|} });
                }
            """),
            Constant(0, "The dedup id \"user-action\""),
            Constant(1, "The dedup id \"order\""),
            Constant(2, "The dedup id \"same-every-time\""),
            Constant(3, "The dedup id \"invoice-order\""));

    [Fact]
    public Task Constant_template_is_a_warning()
        => V.AnalyzerAsync(Source("", """
            [Event("app/user.acted", Id = {|#0:"user-action"|})] public partial record UserActed(string UserId);
            [Event("app/user.greeted", Id = "user-greeted-{UserId}")] public partial record UserGreeted(string UserId);
            [Event("app/user.waved")] public partial record UserWaved(string UserId);
            """),
            Constant(0, "The Id template \"user-action\" of 'UserActed'"));

    [Fact]
    public Task Bare_entity_values_are_a_warning_that_names_the_fixed_id()
        => V.AnalyzerAsync(Source("""
                public async Task Send(InvoicePaid paid, OrderPlaced order, string invoiceId, Guid orderId)
                {
                    await client.SendAsync(paid, new() { Id = {|#0:invoiceId|} });
                    await client.SendAsync(new Event<InvoicePaid>(paid) { Id = {|#1:paid.CustomerId|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:orderId.ToString()|} });
                    var key = order.OrderId;
                    await step.SendEventAsync("send-order", order, new() { Id = {|#4:$"{key:N}-{order.CustomerId}"|} });
                    await client.SendAsync(order, new() { Id = {|#5:order.CustomerId + "-" + order.OrderId|} });
                    var evt = new Event<InvoicePaid>(paid);
                    await client.SendAsync(evt with { Id = {|#6:evt.Data.InvoiceId|} });
                    await client.SendAsync(paid, new() { Id = {|#7:paid?.InvoiceId|} });
                }
            """),
            Bare(0, "The dedup id 'invoiceId'", "$\"invoice-paid-{invoiceId}\""),
            Bare(1, "The dedup id 'paid.CustomerId'", "$\"invoice-paid-{paid.CustomerId}\""),
            Bare(2, "The dedup id '$\"{orderId}\"'", "$\"order-placed-{orderId}\""),
            Bare(3, "The dedup id 'orderId.ToString()'", "$\"order-placed-{orderId}\""),
            Bare(4, "The dedup id '$\"{key:N}-{order.CustomerId}\"'", "$\"order-placed-{key:N}-{order.CustomerId}\""),
            Bare(5, "The dedup id 'order.CustomerId + \"-\" + order.OrderId'", "\"order-placed-\" + order.CustomerId + \"-\" + order.OrderId"),
            Bare(6, "The dedup id 'evt.Data.InvoiceId'", "$\"invoice-paid-{evt.Data.InvoiceId}\""),
            Bare(7, "The dedup id 'paid?.InvoiceId'", "$\"invoice-paid-{paid?.InvoiceId}\""));

    [Fact]
    public Task Bare_entity_value_for_an_unknown_event_gets_a_generic_example()
        => V.AnalyzerAsync(Source("""
                public EventOptions Options(string orderId) => new EventOptions { Id = {|#0:orderId|} };
            """),
            Bare(0, "The dedup id 'orderId'", "$\"event-name-{orderId}\""));

    [Fact]
    public Task Template_of_placeholders_only_is_a_bare_entity_value()
        => V.AnalyzerAsync(Source("", """
            [Event("app/user.signed-up", Id = {|#0:"{UserId}"|})] public partial record UserSignedUp(string UserId);
            [Event("app/user.moved", Id = {|#1:"{UserId}-{{{Version}}}"|})] public partial record UserMoved(string UserId, int Version);
            [Event("app/user.left", Id = "left-{UserId}")] public partial record UserLeft(string UserId);
            """),
            Bare(0, "The Id template \"{UserId}\" of 'UserSignedUp'", "\"user-signed-up-{UserId}\""),
            Bare(1, "The Id template \"{UserId}-{{{Version}}}\" of 'UserMoved'", "\"user-moved-{UserId}-{{{Version}}}\""));

    [Fact]
    public Task Template_with_an_unknown_placeholder_is_left_to_the_generator()
        => V.AnalyzerAsync(Source("", """
            [{|#0:Event("app/user.signed-up", Id = "{Missing}")|}] public partial record UserSignedUp(string UserId);
            """),
            DiagnosticResult.CompilerError("INNG1004").WithLocation(0));

    [Fact]
    public Task Ids_that_change_on_every_attempt_are_a_warning()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, TimeProvider time)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"order-placed-{Guid.NewGuid()}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:DateTime.UtcNow.Ticks.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"order-{order.OrderId}-{DateTimeOffset.Now:O}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:"order-" + Random.Shared.Next()|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"order-{Stopwatch.GetTimestamp()}"|} });
                    var stamp = time.GetUtcNow();
                    var id = $"order-placed-{order.OrderId}-{stamp:O}";
                    await step.SendEventAsync("send-order", order, new() { Id = {|#5:id|} });
                    await client.SendAsync(new Event<OrderPlaced>(order) { Id = {|#6:new Random().Next().ToString()|} });
                }
            """),
            Volatile(0, "Guid.NewGuid()"),
            Volatile(1, "DateTime.UtcNow"),
            Volatile(2, "DateTimeOffset.Now"),
            Volatile(3, "Random"),
            Volatile(4, "Stopwatch"),
            Volatile(5, "TimeProvider.GetUtcNow()"),
            Volatile(6, "Random"));
}
