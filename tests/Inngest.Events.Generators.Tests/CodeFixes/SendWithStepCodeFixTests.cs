using Inngest.Events.CodeFixes;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Analyzers.ClientSendAnalyzerTests;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Sending.ClientSendAnalyzer>;

namespace Inngest.Events.Generators.Tests.CodeFixes;

public sealed class SendWithStepCodeFixTests
{
    [Fact]
    public Task Awaited_client_sends_become_send_steps_with_ids_unique_in_the_function()
        => V.CodeFixAsync<SendWithStepCodeFixProvider>(
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step, CancellationToken cancellationToken)
                {
                    await step.RunAsync("send-order-placed", () => 1);
                    await {|#0:client.SendAsync(new OrderPlaced("o-1", evt.Data.CustomerId))|};
                    // keep this comment
                    await {|#1:client.SendAsync(evt.Data, new() { Id = $"invoice-paid-{evt.Data.InvoiceId}" }, cancellationToken)|};
                    await {|#2:client.SendAsync(new Event<InvoicePaid>(evt.Data), cancellationToken)|};
                    await {|#3:client.SendAsync<OrderPlaced>(new OrderPlaced("o-2", "c"))|};
                    _ = await {|#4:client.SendAsync(options: new EventOptions { Id = "order-placed-o-3" }, data: new OrderPlaced("o-3", "c"))|};
                    await {|#5:client.SendAsync([new Event<OrderPlaced>(new OrderPlaced("o-4", "c"))])|};
                    Func<Task> later = async () => await {|#6:client.SendAsync(new OrderPlaced("o-5", "c"))|};
                    await later();
                }
            """),
            [
                InFunction(0, "Functions.PayAsync", "send-order-placed-2"),
                InFunction(1, "Functions.PayAsync", "send-invoice-paid"),
                InFunction(2, "Functions.PayAsync", "send-invoice-paid-2"),
                InFunction(3, "Functions.PayAsync", "send-order-placed-3"),
                InFunction(4, "Functions.PayAsync", "send-order-placed-4"),
                InFunction(5, "Functions.PayAsync", "send-events"),
                InFunction(6, "Functions.PayAsync", "send-order-placed-5"),
            ],
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step, CancellationToken cancellationToken)
                {
                    await step.RunAsync("send-order-placed", () => 1);
                    await step.SendEventAsync("send-order-placed-2", new OrderPlaced("o-1", evt.Data.CustomerId));
                    // keep this comment
                    await step.SendEventAsync("send-invoice-paid", evt.Data, new() { Id = $"invoice-paid-{evt.Data.InvoiceId}" });
                    await step.SendEventAsync("send-invoice-paid-2", evt.Data);
                    await step.SendEventAsync<OrderPlaced>("send-order-placed-3", new OrderPlaced("o-2", "c"));
                    _ = await step.SendEventAsync("send-order-placed-4", new OrderPlaced("o-3", "c"), new EventOptions { Id = "order-placed-o-3" });
                    await step.SendEventAsync("send-events", [new Event<OrderPlaced>(new OrderPlaced("o-4", "c"))]);
                    Func<Task> later = async () => await step.SendEventAsync("send-order-placed-5", new OrderPlaced("o-5", "c"));
                    await later();
                }
            """));

    [Fact]
    public Task A_step_that_only_sends_becomes_a_send_step()
        => V.CodeFixAsync<SendWithStepCodeFixProvider>(
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await {|#100:step.RunAsync("notify", () => {|#0:client.SendAsync(new OrderPlaced("o-1", "c"))|})|};
                    await {|#101:step.RunAsync("notify-async", async () => { await {|#1:client.SendAsync(evt.Data)|}; })|};
                }
            """),
            [
                InStep(0, "The step \"notify\"", "send-order-placed"),
                InStep(1, "The step \"notify-async\"", "send-invoice-paid"),
            ],
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.SendEventAsync("send-order-placed", new OrderPlaced("o-1", "c"));
                    await step.SendEventAsync("send-invoice-paid", evt.Data);
                }
            """));

    [Fact]
    public Task Sends_whose_result_is_used_or_that_cannot_reach_the_step_tools_get_no_fix()
    {
        var source = Source("""
                [InngestFunction("pay-invoice")]
                public async Task<int> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var result = await {|#0:client.SendAsync(evt.Data)|};
                    Func<Task> detached = static async () => await {|#1:client.SendAsync(new OrderPlaced("o-1", "c"))|};
                    await detached();
                    await {|#2:client.SendAsync(new OrderPlaced("o-2", "c"))|}.ConfigureAwait(false);
                    await {|#103:step.RunAsync("notify-and-log", async () =>
                    {
                        await {|#3:client.SendAsync(new OrderPlaced("o-3", "c"))|};
                        Console.WriteLine("sent");
                    })|};
                    await OtherAsync(step);

                    return result.Ids.Count;

                    async Task OtherAsync(IStepTools step) => await {|#4:client.SendAsync(new OrderPlaced("o-4", "c"))|};
                }

                [InngestFunction("no-steps")]
                public async Task NoStepsAsync(Event<OrderPlaced> evt) => await {|#5:client.SendAsync(evt.Data)|};
            """);
        DiagnosticResult[] diagnostics =
        [
            InFunction(0, "Functions.PayAsync", "send-invoice-paid"),
            InFunction(1, "Functions.PayAsync", "send-order-placed"),
            InFunction(2, "Functions.PayAsync", "send-order-placed-2"),
            InStep(3, "The step \"notify-and-log\"", "send-order-placed-3"),
            InFunction(4, "Functions.PayAsync", "send-order-placed-4"),
            InFunction(5, "Functions.NoStepsAsync", "send-order-placed"),
        ];
        return V.CodeFixAsync<SendWithStepCodeFixProvider>(source, diagnostics, source, diagnostics);
    }

    private static DiagnosticResult Injected(int location, string type, string parameter)
        => V.Diagnostic(DiagnosticDescriptors.ClientInjectedIntoFunctions).WithLocation(location).WithArguments(type, parameter);

    private const string Events = """
        using System;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Billing;

        [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId, string CustomerId);
        [Event("shop/order.placed")] public partial record OrderPlaced(string OrderId, string CustomerId);
        """;

    [Fact]
    public Task Fix_all_sends_of_several_files_and_drops_a_client_parameter_left_unread()
        => V.CodeFixAsync<SendWithStepCodeFixProvider>(
            [
                ("/0/Events.cs", Events),
                ("/0/PaymentFunctions.cs", """
                    using System;
                    using System.Threading.Tasks;
                    using Inngest.Events;

                    namespace Acme.Billing;

                    public sealed class PaymentFunctions(IInngestClient {|#10:inngest|}, TimeProvider time)
                    {
                        [InngestFunction("pay-invoice")]
                        public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                        {
                            await {|#0:inngest.SendAsync(new OrderPlaced("o-1", evt.Data.CustomerId))|};
                            await {|#1:inngest.SendAsync(new OrderPlaced("o-2", evt.Data.CustomerId))|};
                            await {|#2:inngest.SendAsync(new Event<InvoicePaid>(evt.Data) { Id = $"invoice-paid-{evt.Data.InvoiceId}", Ts = time.GetUtcNow() })|};
                        }
                    }
                    """),
                ("/0/ShippingFunctions.cs", """
                    using System.Threading.Tasks;
                    using Inngest.Events;

                    namespace Acme.Billing;

                    public sealed class ShippingFunctions(IInngestClient {|#11:inngest|})
                    {
                        [InngestFunction("ship-order")]
                        public async Task ShipAsync(Event<OrderPlaced> evt, IStepTools step)
                            => await {|#3:inngest.SendAsync(new InvoicePaid("i-1", evt.Data.CustomerId))|};

                        public Task PublishAsync(OrderPlaced order) => inngest.SendAsync(order);
                    }

                    public sealed class AuditFunctions(IInngestClient {|#12:inngest|})
                    {
                        public static AuditFunctions Create(IInngestClient client) => new(client);

                        [InngestFunction("audit-order")]
                        public async Task AuditAsync(Event<OrderPlaced> evt, IStepTools step)
                            => await {|#4:inngest.SendAsync(new InvoicePaid("i-2", evt.Data.CustomerId))|};
                    }
                    """),
            ],
            [
                InFunction(0, "PaymentFunctions.PayAsync", "send-order-placed"),
                InFunction(1, "PaymentFunctions.PayAsync", "send-order-placed-2"),
                InFunction(2, "PaymentFunctions.PayAsync", "send-invoice-paid"),
                InFunction(3, "ShippingFunctions.ShipAsync", "send-invoice-paid"),
                InFunction(4, "AuditFunctions.AuditAsync", "send-invoice-paid"),
                Injected(10, "PaymentFunctions", "inngest"),
                Injected(11, "ShippingFunctions", "inngest"),
                Injected(12, "AuditFunctions", "inngest"),
            ],
            [
                ("/0/Events.cs", Events),
                ("/0/PaymentFunctions.cs", """
                    using System;
                    using System.Threading.Tasks;
                    using Inngest.Events;

                    namespace Acme.Billing;

                    public sealed class PaymentFunctions(TimeProvider time)
                    {
                        [InngestFunction("pay-invoice")]
                        public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                        {
                            await step.SendEventAsync("send-order-placed", new OrderPlaced("o-1", evt.Data.CustomerId));
                            await step.SendEventAsync("send-order-placed-2", new OrderPlaced("o-2", evt.Data.CustomerId));
                            await step.SendEventAsync("send-invoice-paid", evt.Data, new() { Id = $"invoice-paid-{evt.Data.InvoiceId}", Ts = time.GetUtcNow() });
                        }
                    }
                    """),
                ("/0/ShippingFunctions.cs", """
                    using System.Threading.Tasks;
                    using Inngest.Events;

                    namespace Acme.Billing;

                    public sealed class ShippingFunctions(IInngestClient {|#11:inngest|})
                    {
                        [InngestFunction("ship-order")]
                        public async Task ShipAsync(Event<OrderPlaced> evt, IStepTools step)
                            => await step.SendEventAsync("send-invoice-paid", new InvoicePaid("i-1", evt.Data.CustomerId));

                        public Task PublishAsync(OrderPlaced order) => inngest.SendAsync(order);
                    }

                    public sealed class AuditFunctions(IInngestClient {|#12:inngest|})
                    {
                        public static AuditFunctions Create(IInngestClient client) => new(client);

                        [InngestFunction("audit-order")]
                        public async Task AuditAsync(Event<OrderPlaced> evt, IStepTools step)
                            => await step.SendEventAsync("send-invoice-paid", new InvoicePaid("i-2", evt.Data.CustomerId));
                    }
                    """),
            ],
            remaining:
            [
                Injected(11, "ShippingFunctions", "inngest"),
                Injected(12, "AuditFunctions", "inngest"),
            ]);

    [Fact]
    public Task The_only_parameter_goes_with_its_parameter_list()
        => V.CodeFixAsync<SendWithStepCodeFixProvider>(
            [
                ("/0/Events.cs", Events),
                ("/0/Functions.cs", """
                    using System.Threading.Tasks;
                    using Inngest.Events;

                    namespace Acme.Billing;

                    /// <summary>Pays.</summary>
                    public sealed class PaymentFunctions(IInngestClient {|#10:inngest|})
                    {
                        [InngestFunction("pay-invoice")]
                        public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                            => await {|#1:step.RunAsync("notify", () => {|#0:inngest.SendAsync(new OrderPlaced("o-1", "c"))|})|};
                    }
                    """),
            ],
            [
                V.Diagnostic(Inngest.Events.Generators.Diagnostics.DiagnosticDescriptors.ClientSendInStep).WithLocation(0).WithLocation(1, DiagnosticLocationOptions.IgnoreLength)
                    .WithArguments("The step \"notify\"", "step.SendEventAsync(\"send-order-placed\", ...)"),
                Injected(10, "PaymentFunctions", "inngest"),
            ],
            [
                ("/0/Events.cs", Events),
                ("/0/Functions.cs", """
                    using System.Threading.Tasks;
                    using Inngest.Events;

                    namespace Acme.Billing;

                    /// <summary>Pays.</summary>
                    public sealed class PaymentFunctions
                    {
                        [InngestFunction("pay-invoice")]
                        public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                            => await step.SendEventAsync("send-order-placed", new OrderPlaced("o-1", "c"));
                    }
                    """),
            ]);
}
