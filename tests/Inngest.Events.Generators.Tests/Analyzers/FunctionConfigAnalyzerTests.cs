using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.FunctionConfig.FunctionConfigAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class FunctionConfigAnalyzerTests
{
    private static string Source(string members) => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme;

        [Event("shop/order.placed")] public partial record OrderPlaced(string OrderId);
        [Event("shop/order.cancelled")] public partial record OrderCancelled(string OrderId);

        public static class Functions
        {
            private const string Prefix = "orders";

        {{members}}
        }
        """;

    private static DiagnosticResult NotSlug(int location, string id, string problem)
        => V.Diagnostic(DiagnosticDescriptors.FunctionIdNotSlug).WithLocation(location).WithArguments(id, problem);

    [Fact]
    public Task Function_ids_that_are_not_slugs_are_an_error()
        => V.AnalyzerAsync(Source("""
                [InngestFunction({|#0:"Send Welcome Email"|})] public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction({|#1:"send_welcome_email"|})] public static Task B(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction({|#2:"SendWelcome"|})] public static Task C(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction({|#3:$"{Prefix}-sync"|})] public static Task D(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction({|#4:""|})] public static Task E(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction(id: {|#5:"-leading"|})] public static Task F(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction({|#6:nameof(G)|})] public static Task G(Event<OrderPlaced> evt) => Task.CompletedTask;
                [InngestFunction({|#7:"orders/sync.v2"|})] public static Task H(Event<OrderPlaced> evt) => Task.CompletedTask;
            """),
            NotSlug(0, "Send Welcome Email", "contains upper-case letters and spaces"),
            NotSlug(1, "send_welcome_email", "contains '_'"),
            NotSlug(2, "SendWelcome", "contains upper-case letters"),
            NotSlug(3, "orders-sync", "is built with string interpolation"),
            NotSlug(4, "", "is empty"),
            NotSlug(5, "-leading", "starts with '-'"),
            NotSlug(6, "G", "contains upper-case letters"),
            NotSlug(7, "orders/sync.v2", "contains '/' and '.'"));

    [Fact]
    public Task Limits_and_combinations_Inngest_rejects_are_an_error()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("many-triggers")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '1'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '2'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '3'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '4'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '5'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '6'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '7'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '8'")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == '9'")]
                [Trigger<OrderCancelled>]
                [{|#0:Trigger<OrderPlaced>(If = "event.data.orderId == '11'")|}]
                public static Task ManyTriggers(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("many-limits")]
                [Concurrency(5)]
                [Concurrency(2, Key = "event.data.orderId")]
                [{|#1:Concurrency(1, Key = "event.data.customerId")|}]
                public static Task ManyLimits(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("batched")]
                [BatchEvents(100, "5s")]
                [{|#2:CancelOn<OrderCancelled>(If = "event.data.orderId == async.data.orderId")|}]
                [{|#3:Debounce("10s")|}]
                [{|#4:Singleton(SingletonMode.Skip)|}]
                [{|#5:Priority("event.data.rank")|}]
                public static Task Batched(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("too-many-retries"), Retries({|#6:21|})]
                public static Task TooManyRetries(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("negative-retries"), Retries({|#7:-1|})]
                public static Task NegativeRetries(Event<OrderPlaced> evt) => Task.CompletedTask;
            """),
            V.Diagnostic(DiagnosticDescriptors.FunctionTooManyTriggers).WithLocation(0).WithArguments("Functions.ManyTriggers", "11"),
            V.Diagnostic(DiagnosticDescriptors.FunctionTooManyConcurrencyLimits).WithLocation(1).WithArguments("Functions.ManyLimits", "3"),
            V.Diagnostic(DiagnosticDescriptors.BatchEventsIncompatible).WithLocation(2).WithArguments("Functions.Batched", "[CancelOn<OrderCancelled>]"),
            V.Diagnostic(DiagnosticDescriptors.BatchEventsIncompatible).WithLocation(3).WithArguments("Functions.Batched", "[Debounce]"),
            V.Diagnostic(DiagnosticDescriptors.BatchEventsIncompatible).WithLocation(4).WithArguments("Functions.Batched", "[Singleton]"),
            V.Diagnostic(DiagnosticDescriptors.BatchEventsIncompatible).WithLocation(5).WithArguments("Functions.Batched", "[Priority]"),
            V.Diagnostic(DiagnosticDescriptors.RetriesOutOfRange).WithLocation(6).WithArguments("Functions.TooManyRetries", "21"),
            V.Diagnostic(DiagnosticDescriptors.RetriesOutOfRange).WithLocation(7).WithArguments("Functions.NegativeRetries", "-1"));

    [Fact]
    public Task Configurations_within_the_limits_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                private const string SyncId = "orders-sync-2";

                [InngestFunction("send-welcome-email")]
                [Retries(0)]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction(SyncId, Name = "Sync Orders")]
                [Retries(20)]
                [Concurrency(5)]
                [Concurrency(2, Key = "event.data.orderId")]
                [CancelOn<OrderCancelled>]
                [Debounce("10s")]
                [Singleton(SingletonMode.Cancel)]
                [Priority("event.data.rank")]
                public static Task B(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("batched")]
                [BatchEvents(100, "5s")]
                [Concurrency(5)]
                [Trigger<OrderPlaced>]
                [Trigger<OrderCancelled>]
                public static Task Batched(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("nightly")]
                [Cron("0 0 * * *")]
                [Cron("0 12 * * *")]
                public static Task Nightly() => Task.CompletedTask;

                [InngestFunction("2fa-check")]
                public static Task TwoFactor(Event<OrderPlaced> evt) => Task.CompletedTask;
            """));
}
