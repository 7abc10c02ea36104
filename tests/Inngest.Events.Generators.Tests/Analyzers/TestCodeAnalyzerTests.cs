using System.Collections.Immutable;
using Inngest.Events.Generators.Events;
using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Inngest.Events.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Tests.Analyzers;

/// <summary>
/// Test code written with Inngest.Events.Testing gets no INNG diagnostic for what tests do on purpose: events sent
/// through the test host with fixed dedup ids, ids and times read from the virtual clock, functions called directly with
/// an envelope the test built. The same code against the real client is still reported.
/// </summary>
public sealed class TestCodeAnalyzerTests
{
    private const string Functions = """
        using System;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Shop;

        [Event("shop/order.placed", Id = "order-placed-{OrderId}")]
        public partial record OrderPlaced(string OrderId);

        public sealed class OrderFunctions
        {
            [InngestFunction("process-order")]
            public async Task<string> ProcessAsync(Event<OrderPlaced> evt, IStepTools step)
                => await step.RunAsync("charge", evt.Data.OrderId, id => "charged " + id);
        }
        """;

    private const string Tests = """
        using System;
        using System.Threading.Tasks;
        using Inngest.Events;
        using Inngest.Events.Testing;
        using Shop;

        namespace Shop.Tests;

        public sealed class OrderTests
        {
            public async Task Sends_through_the_host(InngestTestHost host)
            {
                await host.SendAsync(new OrderPlaced("o-1"), new EventOptions { Id = "fixed-id", Ts = host.Clock.GetUtcNow().AddHours(1) });
                await host.SendAsync(new OrderPlaced("o-2"), new() { Id = "o-2" });
                await host.SendAsync(new Event<OrderPlaced>(new OrderPlaced("o-3")) { Id = "o-3" });
                await host.SendAsync(new OrderPlaced("o-4"), new EventOptions { Id = $"order-{host.Clock.GetUtcNow():O}" });
                await host.SendAsync([new Event<OrderPlaced>(new OrderPlaced("o-5")) { Id = "batch-1" }]);
                host.SendAfter(TimeSpan.FromMinutes(1), new OrderPlaced("o-6"), new EventOptions { Id = "later" });
                host.MockWaitForEvent("wait", new OrderPlaced("o-7"), after: TimeSpan.FromMinutes(1));
                host.MockStep("charge", (string id) => "mocked " + id);
            }

            public async Task<string> Calls_the_function_directly(IStepTools steps)
                => await new OrderFunctions().ProcessAsync(new Event<OrderPlaced>(new OrderPlaced("o-8")) { Id = "o-8", Ts = DateTimeOffset.UtcNow }, steps);
        }
        """;

    private const string RealClient = """
        using System;
        using System.Threading.Tasks;
        using Inngest.Events;
        using Shop;

        namespace Shop.App;

        public sealed class Checkout(IInngestClient client, TimeProvider time)
        {
            public async Task Sends(OrderPlaced order)
            {
                await client.SendAsync(order, new EventOptions { Id = "fixed-id" });
                await client.SendAsync(new Event<OrderPlaced>(order) { Id = order.OrderId });
                await client.SendAsync(order, new EventOptions { Id = $"order-{time.GetUtcNow():O}" });
            }
        }
        """;

    [Fact]
    public async Task Test_code_on_the_test_host_gets_no_diagnostic()
    {
        var diagnostics = await AnalyzeAsync(Functions, Tests);

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("INNG", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public async Task The_same_sends_through_the_real_client_are_still_reported()
    {
        var diagnostics = await AnalyzeAsync(Functions, RealClient);

        Assert.Equal(["INNG3001", "INNG3002", "INNG3003"], diagnostics.Select(d => d.Id).Where(id => id.StartsWith("INNG", StringComparison.Ordinal)).Order());
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            "Shop.Tests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
            [
                .. Basic.Reference.Assemblies.Net100.References.All,
                MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Engine.InngestEngine).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(InngestTestHost).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new EventGenerator().AsSourceGenerator(), new FunctionGenerator().AsSourceGenerator()],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, "The sources do not compile:\n" + string.Join("\n", errors));
        return await output.WithAnalyzers(AllAnalyzers.Create()).GetAnalyzerDiagnosticsAsync();
    }
}
