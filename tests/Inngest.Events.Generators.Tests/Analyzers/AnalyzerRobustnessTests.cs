using System.Collections.Concurrent;
using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Steps;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Inngest.Events.Generators.Tests.Infrastructure;

namespace Inngest.Events.Generators.Tests.Analyzers;

/// <summary>The analyzers stay out of compilations without the package and never throw, even on broken code.</summary>
public sealed class AnalyzerRobustnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = AllAnalyzers.Create();

    [Fact]
    public void Every_analyzer_is_covered()
        => Assert.Contains(Analyzers, a => a is NonDeterminismAnalyzer);

    [Fact]
    public async Task Analyzers_do_nothing_without_the_Inngest_Events_reference()
    {
        // Look-alike types with the same simple names, in a compilation that does not reference Inngest.Events.
        const string source = """
            using System;

            namespace Acme;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class EventAttribute(string name) : Attribute { public string? Id { get; set; } }

            public sealed record EventOptions { public string? Id { get; init; } }

            public sealed record FunctionTrigger
            {
                public string? Event { get; init; }
                public static FunctionTrigger ForEvent(string name) => new() { Event = name };
            }

            [Event("Bad_Name", Id = "constant")] public sealed class A { }
            [Event("Bad_Name")] public sealed class B { }

            public static class Use
            {
                public static EventOptions Options(string orderId) => new() { Id = orderId + Guid.NewGuid() };
                public static EventOptions Constant() => new() { Id = "user-action" };
                public static FunctionTrigger Trigger() => FunctionTrigger.ForEvent("inngest/Bad_Name");
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class InngestFunctionAttribute(string id) : Attribute { }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class RetriesAttribute(int retries) : Attribute { }

            public interface IStepTools
            {
                System.Threading.Tasks.Task<T> RunAsync<T>(string id, Func<T> action);
                System.Threading.Tasks.Task SleepAsync(string id, TimeSpan duration);
            }

            public interface IInngestClient
            {
                System.Threading.Tasks.Task SendAsync(object data);
            }

            public sealed class Functions(IInngestClient client)
            {
                [InngestFunction("Bad Id"), Retries(99)]
                public async System.Threading.Tasks.Task Run(IStepTools step)
                {
                    var now = DateTime.UtcNow;
                    await client.SendAsync(now);
                    step.SleepAsync("pause", TimeSpan.FromSeconds(1));
                    var captured = 0;
                    await step.RunAsync("pause", () => captured = 1);
                    await step.RunAsync("outer", () => step.SleepAsync("inner", TimeSpan.Zero));
                    Console.WriteLine(captured);
                }
            }
            """;

        var (diagnostics, exceptions) = await RunAsync(Compile(source, withRuntime: false));

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyzers_never_throw_on_truncated_or_broken_code()
    {
        var source = RichSource();
        var exceptions = new List<string>();
        var reported = 0;
        for (var length = 0; length <= source.Length; length += Math.Max(1, source.Length / 120))
        {
            var (diagnostics, thrown) = await RunAsync(Compile(source.Substring(0, length), withRuntime: true));
            exceptions.AddRange(thrown.Select(e => $"at {length}: {e}"));
            reported += diagnostics.Length;
        }

        // Broken variants: doubled, swapped and deleted tokens around the interesting spots.
        foreach (var (from, to) in new[]
        {
            ("new() { Id =", "new() { Id = = "),
            ("[Event(\"", "[Event(\"\"\", "),
            ("$\"{orderId}\"", "$\"{orderId\""),
            ("var key = order.OrderId;", "var key = key;"),
            ("Id = \"{UserId}\"", "Id = \"{UserId\""),
            ("ForEvent(\"InvoicePaid\")", "ForEvent(null!)"),
        })
        {
            var (_, thrown) = await RunAsync(Compile(source.Replace(from, to), withRuntime: true));
            exceptions.AddRange(thrown.Select(e => $"with {to}: {e}"));
        }

        Assert.Empty(exceptions);
        Assert.True(reported > 0, "The full source should produce diagnostics, or the test proves nothing.");
    }

    private static string RichSource() => DedupIdAnalyzerTests.Source("""
            public async Task Send(InvoicePaid paid, OrderPlaced order, string invoiceId, Guid orderId)
            {
                await client.SendAsync(paid, new() { Id = invoiceId });
                await client.SendAsync(order, new() { Id = $"{orderId}" });
                var key = order.OrderId;
                await step.SendEventAsync("send-order", order, new() { Id = $"{key:N}-{order.CustomerId}" });
                await client.SendAsync(order, new() { Id = $"order-{Guid.NewGuid()}" });
                await client.SendAsync(paid, new() { Id = "user-action" });
                var evt = new Event<InvoicePaid>(paid);
                await client.SendAsync(evt with { Id = evt.Data.InvoiceId });
                _ = FunctionTrigger.ForEvent("InvoicePaid");
            }
        """, """
        [Event("app/user.signed-up", Id = "{UserId}")] public partial record UserSignedUp(string UserId);
        [Event("InvoiceVoided")] public partial record InvoiceVoided(string InvoiceId);
        [Event("billing/invoice.paid")] public partial record InvoicePaidAgain(string InvoiceId);
        """);

    private static CSharpCompilation Compile(string source, bool withRuntime)
    {
        IEnumerable<MetadataReference> references = Basic.Reference.Assemblies.Net100.References.All;
        if (withRuntime)
        {
            references = references.Append(MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location));
        }

        return CSharpCompilation.Create(
            "UserAssembly",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Source.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> RunAsync(Compilation compilation)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(new InvalidOperationException(diagnostic.ToString()));
        }

        return (diagnostics.RemoveAll(d => d.Id == "AD0001"), exceptions.ToList());
    }
}
