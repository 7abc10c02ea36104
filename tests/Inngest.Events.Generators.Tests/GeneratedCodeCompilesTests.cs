using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// One mistake, one error: for every diagnostic the generators report, the build's only errors are that diagnostic.
/// The generators still emit what they can (an event without a default id or with a serializer that throws, the
/// registry without the broken function), so neither the generated files nor the user's code that uses the broken
/// declaration (sending the event, a function taking it) gets a follow-on error such as CS0311.
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        [Event("shop/order.placed")]
        public partial record OrderPlaced(string OrderId);

        [Event("shop/order.cancelled")]
        public partial record OrderCancelled(string OrderId);

        public static class GoodFunctions
        {
            [InngestFunction("good")]
            public static async Task<string> Good(Event<OrderPlaced> order, IStepTools step)
                => await step.RunAsync("charge", () => order.Data.OrderId);
        }

        """;

    /// <summary>A broken event, sent and taken by a function, as in an app.</summary>
    private static string UsedEvent(string declaration, string type, string construct) => $$"""
        {{declaration}}

        public static class Uses
        {
            public static Task Send(IInngestClient client) => client.SendAsync({{construct}});

            [InngestFunction("uses-it")]
            public static Task Handle(Event<{{type}}> evt, IStepTools step) => step.RunAsync("echo", () => evt.Data);
        }
        """;

    public static TheoryData<string, string> Cases() => new()
    {
        { "INNG1001", """
            [Event("billing/invoice.paid")]
            public record NotPartial(string InvoiceId);
            """ },
        { "INNG1001", """
            public class Outer
            {
                [Event("billing/invoice.paid")]
                public partial record Inner(string InvoiceId);
            }
            """ },
        { "INNG1002", UsedEvent("""[Event("billing/box.packed")] public partial record Wrapped<T>(T Value);""", "Wrapped<int>", "new Wrapped<int>(1)") },
        { "INNG1003", UsedEvent("""[Event("billing/invoice.paid")] public partial record Loose(string InvoiceId, object Payload);""", "Loose", "new Loose(\"a\", 1)") },
        { "INNG1006", UsedEvent("""[Event("billing/invoice.paid")] public partial record Open(string InvoiceId, [property: System.Text.Json.Serialization.JsonExtensionData] Dictionary<string, System.Text.Json.JsonElement>? Rest);""", "Open", "new Open(\"a\", null)") },
        { "INNG1006", UsedEvent("""[Event("billing/invoice.paid")] [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)] public partial record Closed(string InvoiceId);""", "Closed", "new Closed(\"a\")") },
        { "INNG1006", UsedEvent("""[Event("billing/invoice.paid")] public partial record Hidden(string InvoiceId) { [System.Text.Json.Serialization.JsonInclude] internal string Note { get; set; } = ""; }""", "Hidden", "new Hidden(\"a\")") },
        { "INNG1004", UsedEvent("""[Event("billing/invoice.paid", Id = "invoice-paid-{invoiceId}")] public partial record InvoicePaid(string InvoiceId);""", "InvoicePaid", "new InvoicePaid(\"a\")") },
        { "INNG1005", UsedEvent("""[Event("billing/invoice.paid", Id = "invoice-paid-{InvoiceId")] public partial record InvoicePaid(string InvoiceId);""", "InvoicePaid", "new InvoicePaid(\"a\")") },
        { "INNG2001", """
            public static class Bad
            {
                [InngestFunction("bad")]
                public static async Task Run(Event<OrderPlaced> order, IStepTools step)
                    => await step.RunAsync<object>("load", () => new object());

                [InngestFunction("bad-result")]
                public static Task<object> Result(Event<OrderPlaced> order) => Task.FromResult(new object());
            }
            """ },
        { "INNG2002", """
            public static class Bad
            {
                [InngestFunction("bad")]
                public static Task Run(IStepTools step) => Task.CompletedTask;
            }
            """ },
        { "INNG2003", """
            public static class Bad
            {
                [InngestFunction("bad")]
                public static Task Run(Event<OrderPlaced> order, string name) => Task.CompletedTask;
            }
            """ },
        { "INNG2004", """
            public static class Bad
            {
                [InngestFunction("bad")]
                public static int Run(Event<OrderPlaced> order) => 1;
            }
            """ },
        { "INNG2005", """
            public static class Bad<T>
            {
                [InngestFunction("bad")]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """ },
        { "INNG2006", """
            public static class Bad
            {
                [InngestFunction("bad")]
                private static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """ },
        { "INNG2007", """
            public static class Bad
            {
                [InngestFunction("bad", OnFailure = "Missing")]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """ },
        { "INNG2008", """
            public static class Bad
            {
                [InngestFunction("same")]
                public static Task One(Event<OrderPlaced> order) => Task.CompletedTask;

                [InngestFunction("same")]
                public static Task Two(Event<OrderCancelled> order) => Task.CompletedTask;
            }
            """ },
        { "INNG2009", """
            public static class Bad
            {
                [InngestFunction("bad")]
                [Trigger<OrderCancelled>]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """ },
        { "INNG2015", """
            public static class Bad
            {
                [InngestFunction("bad")]
                [BatchEvents(10, "5s")]
                public static async Task<string> Run(Event<OrderPlaced> order, IStepTools step)
                    => await step.RunAsync("charge", () => order.Data.OrderId);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_only_errors_are_the_diagnostic(string id, string source)
    {
        var compilation = GeneratorHarness.Compile(Prelude + source);
        var (driver, output, generatorDiagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !d.Id.StartsWith("INNG", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(errors, d => d.Id == id);
        Assert.True(
            errors.All(d => d.Id == id),
            $"Besides {id}, the build reports:\n" + string.Join("\n", errors.Where(d => d.Id != id).Select(d => $"{d} ({d.Location.SourceTree?.FilePath})")));

        // The good function next to the mistake is still registered.
        Assert.Contains("Id = \"good\"", GeneratorHarness.Sources(driver).Single(s => s.HintName.EndsWith("InngestFunctions.g.cs", StringComparison.Ordinal)).Text);
    }

    [Theory]
    [InlineData("IReadOnlyList<Event<OrderPlaced>>")]
    [InlineData("Event<OrderPlaced>[]")]
    public void An_event_list_without_BatchEvents_is_only_a_warning_and_its_function_is_generated(string type)
    {
        var compilation = GeneratorHarness.Compile(Prelude + $$"""
            public static class Listed
            {
                [InngestFunction("listed")]
                public static async Task<string> Run({{type}} orders, IStepTools step)
                    => await step.RunAsync("first", () => orders[0].Data.OrderId);
            }
            """);
        var (driver, output, generatorDiagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);

        var warning = Assert.Single(generatorDiagnostics);
        Assert.Equal(("INNG2016", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        GeneratorHarness.AssertCompilesCleanly(output);
        Assert.Contains("Id = \"listed\"", GeneratorHarness.Sources(driver).Single(s => s.HintName.EndsWith("InngestFunctions.g.cs", StringComparison.Ordinal)).Text);
    }
}
