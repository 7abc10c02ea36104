using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Sending.ClientSendAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class ClientSendAnalyzerTests
{
    internal static DiagnosticResult InFunction(int location, string function, string stepId, string stepTools = "step")
        => V.Diagnostic(DiagnosticDescriptors.ClientSendInFunction).WithLocation(location)
            .WithArguments(function, $"await {stepTools}.SendEventAsync(\"{stepId}\", ...)");

    internal static DiagnosticResult InStep(int location, string step, string stepId)
        => V.Diagnostic(DiagnosticDescriptors.ClientSendInStep).WithLocation(location).WithLocation(location + 100, DiagnosticLocationOptions.IgnoreLength)
            .WithArguments(step, $"step.SendEventAsync(\"{stepId}\", ...)");

    [Fact]
    public Task Client_sends_in_a_function_body_its_lambdas_and_local_functions_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("send-order-placed", () => 1);
                    await {|#0:client.SendAsync(new OrderPlaced("o-1", evt.Data.CustomerId))|};
                    await {|#1:client.SendAsync(new Event<InvoicePaid>(evt.Data) { Id = $"invoice-paid-{evt.Data.InvoiceId}" })|};
                    Func<Task> later = async () => await {|#2:client.SendAsync(new OrderPlaced("o-2", "c"))|};
                    await later();
                    await NotifyAsync();
                    await {|#3:client.SendAsync([new Event<OrderPlaced>(new OrderPlaced("o-3", "c"))])|};

                    async Task NotifyAsync() => await {|#4:client.SendAsync(new InvoicePaid("i-1", "c"), new() { Id = "invoice-paid-i-1" })|};
                }

                [InngestFunction("count-orders")]
                public static Task<int> CountAsync(Event<OrderPlaced> evt)
                {
                    _ = {|#5:client.SendAsync(evt.Data)|};
                    return Task.FromResult(1);
                }
            """),
            InFunction(0, "Functions.PayAsync", "send-order-placed-2"),
            InFunction(1, "Functions.PayAsync", "send-invoice-paid"),
            InFunction(2, "Functions.PayAsync", "send-order-placed-3"),
            InFunction(3, "Functions.PayAsync", "send-events"),
            InFunction(4, "Functions.PayAsync", "send-invoice-paid-2"),
            InFunction(5, "Functions.CountAsync", "send-order-placed"));

    [Fact]
    public Task Client_sends_inside_a_step_are_info()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await {|#100:step.RunAsync("notify", () => {|#0:client.SendAsync(new OrderPlaced("o-1", "c"))|})|};
                    await {|#101:step.RunAsync("notify-and-log", async () =>
                    {
                        await {|#1:client.SendAsync(evt.Data)|};
                        Console.WriteLine("sent");
                    })|};
                    await {|#102:step.RunAsync("via-local-function", SendAsync)|};

                    async Task SendAsync() => await {|#2:client.SendAsync(new OrderPlaced("o-2", "c"))|};
                }
            """),
            InStep(0, "The step \"notify\"", "send-order-placed"),
            InStep(1, "The step \"notify-and-log\"", "send-invoice-paid"),
            InStep(2, "The step \"via-local-function\"", "send-order-placed-2"));

    [Fact]
    public Task Failure_handlers_are_functions_too()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice", OnFailure = nameof(OnPayFailedAsync))]
                public Task PayAsync(Event<InvoicePaid> evt, IStepTools step) => step.SendEventAsync("send", evt.Data);

                public async Task OnPayFailedAsync(Event<FunctionFailed> failed, IStepTools steps)
                    => await {|#0:client.SendAsync(new OrderPlaced("o", "c"))|};
            """),
            InFunction(0, "Functions.OnPayFailedAsync", "send-order-placed", "steps"));

    [Fact]
    public Task Sends_outside_functions_and_step_sends_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                public Task<SendEventsResult> PublishAsync(OrderPlaced order) => client.SendAsync(order);

                public async Task PublishTwiceAsync(OrderPlaced order)
                {
                    await client.SendAsync(order);
                    Func<Task> again = () => client.SendAsync(order);
                    await again();
                }

                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.SendEventAsync("send-order", new OrderPlaced("o", evt.Data.CustomerId));
                    await PublishAsync(new OrderPlaced("o", "c"));
                }
            """));

    [Fact]
    public Task Client_injected_into_a_class_with_functions_is_info()
        => V.AnalyzerAsync(Source("", """
            public sealed class PrimaryConstructor(IInngestClient {|#0:inngest|})
            {
                [InngestFunction("first")]
                public Task RunAsync(Event<OrderPlaced> evt) => Task.CompletedTask;

                public Task PublishAsync(OrderPlaced order) => inngest.SendAsync(order);
            }

            public sealed class ClassicConstructor
            {
                private readonly IInngestClient _client;

                public ClassicConstructor(IInngestClient {|#1:client|}) => _client = client;

                [InngestFunction("second")]
                public static Task RunAsync(Event<OrderPlaced> evt) => Task.CompletedTask;
            }

            public sealed class FieldOnly
            {
                public IInngestClient? {|#2:Client|};

                [InngestFunction("third")]
                public Task RunAsync(Event<OrderPlaced> evt) => Task.CompletedTask;
            }

            public sealed class NoFunctions(IInngestClient client)
            {
                public Task PublishAsync(OrderPlaced order) => client.SendAsync(order);
            }
            """),
            V.Diagnostic(DiagnosticDescriptors.ClientInjectedIntoFunctions).WithLocation(0).WithArguments("PrimaryConstructor", "inngest"),
            V.Diagnostic(DiagnosticDescriptors.ClientInjectedIntoFunctions).WithLocation(1).WithArguments("ClassicConstructor", "client"),
            V.Diagnostic(DiagnosticDescriptors.ClientInjectedIntoFunctions).WithLocation(2).WithArguments("FieldOnly", "Client"));
}
