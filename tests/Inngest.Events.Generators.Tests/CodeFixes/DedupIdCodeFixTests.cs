using Inngest.Events.CodeFixes;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Analyzers.DedupIdAnalyzerTests;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.DedupIds.DedupIdAnalyzer>;

namespace Inngest.Events.Generators.Tests.CodeFixes;

public sealed class DedupIdCodeFixTests
{
    private static DiagnosticResult Bare(int location, string subject, string example)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdWithoutEventPart).WithLocation(location).WithArguments(subject, example);

    [Fact]
    public Task Bare_entity_values_get_the_event_slug_in_front()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source(""""
                public async Task Send(InvoicePaid paid, OrderPlaced order, string invoiceId, Guid orderId)
                {
                    await client.SendAsync(paid, new() { Id = {|#0:invoiceId|} });
                    await client.SendAsync(new Event<InvoicePaid>(paid) { Id = {|#1:paid.CustomerId|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:orderId.ToString()|} });
                    await step.SendEventAsync("send-order", order, new() { Id = {|#4:$"{order.OrderId:N}-{order.CustomerId}"|} });
                    await client.SendAsync(order, new() { Id = {|#5:order.CustomerId + "-" + order.OrderId|} });
                    var evt = new Event<InvoicePaid>(paid);
                    await client.SendAsync(evt with { Id = /* keep */ {|#6:evt.Data.InvoiceId|} });
                    await client.SendAsync(order, new() { Id = {|#7:$@"{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#8:$"""{orderId}/{order.CustomerId}"""|} });
                }
            """"),
            [
                Bare(0, "The dedup id 'invoiceId'", "$\"invoice-paid-{invoiceId}\""),
                Bare(1, "The dedup id 'paid.CustomerId'", "$\"invoice-paid-{paid.CustomerId}\""),
                Bare(2, "The dedup id '$\"{orderId}\"'", "$\"order-placed-{orderId}\""),
                Bare(3, "The dedup id 'orderId.ToString()'", "$\"order-placed-{orderId}\""),
                Bare(4, "The dedup id '$\"{order.OrderId:N}-{order.CustomerId}\"'", "$\"order-placed-{order.OrderId:N}-{order.CustomerId}\""),
                Bare(5, "The dedup id 'order.CustomerId + \"-\" + order.OrderId'", "\"order-placed-\" + order.CustomerId + \"-\" + order.OrderId"),
                Bare(6, "The dedup id 'evt.Data.InvoiceId'", "$\"invoice-paid-{evt.Data.InvoiceId}\""),
                Bare(7, "The dedup id '$@\"{orderId}\"'", "$@\"order-placed-{orderId}\""),
                Bare(8, "The dedup id '$\"\"\"{orderId}/{order.CustomerId}\"\"\"'", "$\"\"\"order-placed-{orderId}/{order.CustomerId}\"\"\""),
            ],
            Source(""""
                public async Task Send(InvoicePaid paid, OrderPlaced order, string invoiceId, Guid orderId)
                {
                    await client.SendAsync(paid, new() { Id = $"invoice-paid-{invoiceId}" });
                    await client.SendAsync(new Event<InvoicePaid>(paid) { Id = $"invoice-paid-{paid.CustomerId}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{orderId}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{orderId}" });
                    await step.SendEventAsync("send-order", order, new() { Id = $"order-placed-{order.OrderId:N}-{order.CustomerId}" });
                    await client.SendAsync(order, new() { Id = "order-placed-" + order.CustomerId + "-" + order.OrderId });
                    var evt = new Event<InvoicePaid>(paid);
                    await client.SendAsync(evt with { Id = /* keep */ $"invoice-paid-{evt.Data.InvoiceId}" });
                    await client.SendAsync(order, new() { Id = $@"order-placed-{orderId}" });
                    await client.SendAsync(order, new() { Id = $"""order-placed-{orderId}/{order.CustomerId}""" });
                }
            """"));

    [Fact]
    public Task A_conditional_id_gets_the_slug_in_each_branch_that_sends_one()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source("""
                public async Task Send(OrderPlaced order, string? customerId, Guid id)
                {
                    await client.SendAsync(order, new() { Id = {|#0:customerId != null ? $"{customerId}:{order.OrderId}" : null|} });
                    await client.SendAsync(order, new() { Id = {|#1:customerId == null ? default : customerId + "-" + order.OrderId|} });
                    await client.SendAsync(new OrderPlaced(id, "c-1", DateTimeOffset.UnixEpoch), new() { Id = {|#2:id.ToString()|} });
                }
            """),
            [
                Bare(0, "The dedup id 'customerId != null ? $\"{customerId}:{order.OrderId}\" : null'", "customerId != null ? $\"order-placed-{customerId}:{order.OrderId}\" : null"),
                Bare(1, "The dedup id 'customerId == null ? default : customerId + \"-\" + order.OrderId'", "customerId == null ? default : \"order-placed-\" + (customerId + \"-\" + order.OrderId)"),
                Bare(2, "The dedup id 'id.ToString()'", "$\"order-placed-{id}\""),
            ],
            Source("""
                public async Task Send(OrderPlaced order, string? customerId, Guid id)
                {
                    await client.SendAsync(order, new() { Id = customerId != null ? $"order-placed-{customerId}:{order.OrderId}" : null });
                    await client.SendAsync(order, new() { Id = customerId == null ? default : "order-placed-" + (customerId + "-" + order.OrderId) });
                    await client.SendAsync(new OrderPlaced(id, "c-1", DateTimeOffset.UnixEpoch), new() { Id = $"order-placed-{id}" });
                }
            """));

    [Fact]
    public Task A_concatenation_that_starts_with_text_gets_the_slug_in_that_text()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source("""
                public async Task Send(OrderPlaced order, string leadId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:"order_" + order.OrderId|} });
                    await client.SendAsync(order, new() { Id = {|#1:"lead-" + leadId + ":" + order.CustomerId|} });
                }
            """),
            [
                Bare(0, "The dedup id '\"order_\" + order.OrderId'", "\"order-placed_\" + order.OrderId"),
                Bare(1, "The dedup id '\"lead-\" + leadId + \":\" + order.CustomerId'", "\"order-placed-lead-\" + leadId + \":\" + order.CustomerId"),
            ],
            Source("""
                public async Task Send(OrderPlaced order, string leadId)
                {
                    await client.SendAsync(order, new() { Id = "order-placed_" + order.OrderId });
                    await client.SendAsync(order, new() { Id = "order-placed-lead-" + leadId + ":" + order.CustomerId });
                }
            """));

    [Fact]
    public Task Text_that_only_repeats_the_slugs_words_is_replaced_by_the_slug()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source(""""
                public async Task Send(OrderPlaced order, string leadId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"order-{order.OrderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"order:{order.OrderId}:{leadId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"lead-{leadId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$@"order_{order.OrderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"""order/{order.OrderId}"""|} });
                }
            """"),
            [
                Bare(0, "The dedup id '$\"order-{order.OrderId}\"'", "$\"order-placed-{order.OrderId}\""),
                Bare(1, "The dedup id '$\"order:{order.OrderId}:{leadId}\"'", "$\"order-placed:{order.OrderId}:{leadId}\""),
                Bare(2, "The dedup id '$\"lead-{leadId}\"'", "$\"order-placed-lead-{leadId}\""),
                Bare(3, "The dedup id '$@\"order_{order.OrderId}\"'", "$@\"order-placed_{order.OrderId}\""),
                Bare(4, "The dedup id '$\"\"\"order/{order.OrderId}\"\"\"'", "$\"\"\"order-placed/{order.OrderId}\"\"\""),
            ],
            Source(""""
                public async Task Send(OrderPlaced order, string leadId)
                {
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}" });
                    await client.SendAsync(order, new() { Id = $"order-placed:{order.OrderId}:{leadId}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-lead-{leadId}" });
                    await client.SendAsync(order, new() { Id = $@"order-placed_{order.OrderId}" });
                    await client.SendAsync(order, new() { Id = $"""order-placed/{order.OrderId}""" });
                }
            """"));

    [Fact]
    public Task Template_of_placeholders_only_gets_the_event_slug_in_front()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source("", """
                [Event("app/user.signed-up", Id = {|#0:"{UserId}"|})] public partial record UserSignedUp(string UserId);
                [Event("app/user.moved", Id = {|#1:"{UserId}-{Floor}"|})] public partial record UserMoved(string UserId, int Floor);
                """),
            [
                Bare(0, "The Id template \"{UserId}\" of 'UserSignedUp'", "\"user-signed-up-{UserId}\""),
                Bare(1, "The Id template \"{UserId}-{Floor}\" of 'UserMoved'", "\"user-moved-{UserId}-{Floor}\""),
            ],
            Source("", """
                [Event("app/user.signed-up", Id = "user-signed-up-{UserId}")] public partial record UserSignedUp(string UserId);
                [Event("app/user.moved", Id = "user-moved-{UserId}-{Floor}")] public partial record UserMoved(string UserId, int Floor);
                """));

    [Fact]
    public Task Id_for_an_unknown_event_gets_no_fix()
    {
        var source = Source("""
                public EventOptions Options(string orderId) => new EventOptions { Id = {|#0:orderId|} };
            """);
        var diagnostic = Bare(0, "The dedup id 'orderId'", "$\"event-name-{orderId}\"");
        return V.CodeFixAsync<DedupIdCodeFixProvider>(source, [diagnostic], source, diagnostic);
    }

    [Fact]
    public Task Ids_of_entities_get_the_event_slug_in_front_in_one_pass()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source("""
                public sealed record Invoice(string Id, string CustomerId);

                public async Task Send(InvoicePaid paid, OrderPlaced order, Invoice invoice, Invoice[] invoices)
                {
                    await client.SendAsync(paid, new EventOptions { Id = {|#0:invoice.Id|} });
                    await client.SendAsync(order, new() { Id = {|#1:order.OrderId.ToString()|} });
                    foreach (var each in invoices)
                    {
                        await client.SendAsync(paid, new() { Id = {|#2:each.Id|} });
                        await client.SendAsync(new Event<InvoicePaid>(paid) { Id = {|#3:$"{each.CustomerId}/{each.Id}"|} });
                    }
                }
            """),
            [
                Bare(0, "The dedup id 'invoice.Id'", "$\"invoice-paid-{invoice.Id}\""),
                Bare(1, "The dedup id 'order.OrderId.ToString()'", "$\"order-placed-{order.OrderId}\""),
                Bare(2, "The dedup id 'each.Id'", "$\"invoice-paid-{each.Id}\""),
                Bare(3, "The dedup id '$\"{each.CustomerId}/{each.Id}\"'", "$\"invoice-paid-{each.CustomerId}/{each.Id}\""),
            ],
            Source("""
                public sealed record Invoice(string Id, string CustomerId);

                public async Task Send(InvoicePaid paid, OrderPlaced order, Invoice invoice, Invoice[] invoices)
                {
                    await client.SendAsync(paid, new EventOptions { Id = $"invoice-paid-{invoice.Id}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}" });
                    foreach (var each in invoices)
                    {
                        await client.SendAsync(paid, new() { Id = $"invoice-paid-{each.Id}" });
                        await client.SendAsync(new Event<InvoicePaid>(paid) { Id = $"invoice-paid-{each.CustomerId}/{each.Id}" });
                    }
                }
            """));

    [Fact]
    public Task The_slug_is_the_one_of_the_name_once_it_is_fixed()
        => V.CodeFixAsync<DedupIdCodeFixProvider>(
            Source("", """
                [Event("shop/send-receipt", Id = {|#0:"{OrderId}"|})] public partial record ReceiptSent(string OrderId);
                [Event("shop/InvoiceVoid", Id = {|#1:"{InvoiceId}"|})] public partial record InvoiceVoided(string InvoiceId);
                """),
            [
                Bare(0, "The Id template \"{OrderId}\" of 'ReceiptSent'", "\"receipt-sent-{OrderId}\""),
                Bare(1, "The Id template \"{InvoiceId}\" of 'InvoiceVoided'", "\"invoice-voided-{InvoiceId}\""),
            ],
            Source("", """
                [Event("shop/send-receipt", Id = "receipt-sent-{OrderId}")] public partial record ReceiptSent(string OrderId);
                [Event("shop/InvoiceVoid", Id = "invoice-voided-{InvoiceId}")] public partial record InvoiceVoided(string InvoiceId);
                """));
}
