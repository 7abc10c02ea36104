using Inngest.Events.Generators.Events;
using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Shared;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// What a rerun after an edit recomputes and regenerates, in the style of System.Text.Json's and Mapperly's
/// incremental tests: step names come from <see cref="TrackingNames"/>, and a step that did not run fails the check.
/// Each edit replaces one file of a small project (events, their member types, two function files, unrelated code).
/// </summary>
public sealed class IncrementalGeneratorTests
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Dictionary<string, string> Project = new()
    {
        ["Events.cs"] = """
            using System.Collections.Generic;
            using Inngest.Events;

            namespace Shop;

            // Placed orders.
            [Event("shop/order.placed", Id = "order-placed-{OrderId}")]
            public partial record OrderPlaced(string OrderId, Address ShippingAddress, IReadOnlyList<Line> Lines);

            [Event("shop/order.shipped")]
            public partial record OrderShipped(string OrderId, Address Address);
            """,
        ["Types.cs"] = """
            namespace Shop;

            public sealed record Address(string Street, string City);

            public sealed record Line(string Sku, int Quantity);
            """,
        ["Pricing.cs"] = """
            namespace Shop;

            public static class Pricing
            {
                public static decimal Total(OrderPlaced order) => order.Lines.Count * 10m;
            }
            """,
        ["PlaceFunctions.cs"] = """
            using System.Linq;
            using System.Threading.Tasks;
            using Inngest.Events;

            namespace Shop;

            public static class PlaceFunctions
            {
                [InngestFunction("charge-order")]
                public static async Task<Receipt> Charge(Event<OrderPlaced> order, IStepTools step)
                {
                    var total = await step.RunAsync("total", () => Pricing.Total(order.Data));
                    var count = await step.RunAsync("count", () => order.Data.Lines.Sum(l => l.Quantity));
                    return new Receipt(order.Data.OrderId, total, count);
                }
            }

            public sealed record Receipt(string OrderId, decimal Total, int Count);
            """,
        ["ShipFunctions.cs"] = """
            using System.Threading.Tasks;
            using Inngest.Events;

            namespace Shop;

            public static class ShipFunctions
            {
                [InngestFunction("notify-shipped")]
                public static async Task Notify(Event<OrderShipped> shipped, IStepTools step)
                    => await step.RunAsync("label", () => new Label(shipped.Data.OrderId));
            }

            public sealed record Label(string OrderId);
            """,
        ["Other.cs"] = """
            namespace Shop.Internal;

            internal static class BuildInfo
            {
                public static int Revision()
                {
                    return 1;
                }
            }
            """,
    };

    [Fact]
    public void Equivalent_sources_compiled_twice_give_equal_models()
    {
        var first = RunFresh(Compile(Project));
        var second = RunFresh(Compile(Project));
        foreach (var (a, b) in first.GetRunResult().Results.Zip(second.GetRunResult().Results))
        {
            foreach (var name in GeneratorHarness.ExpectedSteps(a))
            {
                var left = a.TrackedSteps[name].SelectMany(r => r.Outputs).Select(o => o.Value).ToList();
                var right = b.TrackedSteps[name].SelectMany(r => r.Outputs).Select(o => o.Value).ToList();
                Assert.True(left.Count > 0 || name.EndsWith("Diagnostics", StringComparison.Ordinal), $"Step '{name}' produced nothing.");
                Assert.Equal(left, right);
            }
        }
    }

    [Fact]
    public void A_new_generator_instance_reuses_nothing()
    {
        // A build starts with new generator instances: nothing of an earlier run (in this process) may be reused.
        var compilation = Compile(Project);
        RunFresh(compilation);
        var eventGenerator = new EventGenerator();
        var functionGenerator = new FunctionGenerator();
        GeneratorHarness.Run(compilation, [eventGenerator, functionGenerator]);
        Assert.Equal(2, eventGenerator.Memo.Created);
        Assert.Equal(2, functionGenerator.Memo.Created);
    }

    [Fact]
    public void Unrelated_method_body_edit_reuses_every_result_and_regenerates_nothing()
    {
        var rerun = Edit("Other.cs", "return 1;", "return 2;");
        rerun.AssertEveryStepCachedOrUnchanged();
        Assert.Empty(rerun.ChangedFiles);
        Assert.Equal(0, rerun.EventsComputed);
        Assert.Equal(0, rerun.ScopesComputed);
    }

    [Fact]
    public void Comment_edit_recomputes_that_file_only_and_regenerates_nothing()
    {
        var rerun = Edit("Events.cs", "// Placed orders.", "// Orders that were placed.");
        rerun.AssertEveryStepCachedOrUnchanged();
        Assert.Empty(rerun.ChangedFiles);
        Assert.Equal(2, rerun.EventsComputed); // the two events of the edited file
        Assert.Equal(0, rerun.ScopesComputed);
    }

    [Fact]
    public void Keystroke_in_a_step_lambda_recomputes_that_function_only_and_regenerates_nothing()
    {
        var rerun = Edit("PlaceFunctions.cs", "l => l.Quantity", "line => line.Quantity");
        rerun.AssertEveryStepCachedOrUnchanged();
        Assert.Empty(rerun.ChangedFiles);
        Assert.Equal(0, rerun.EventsComputed);
        Assert.Equal(1, rerun.ScopesComputed);
    }

    [Fact]
    public void Step_lambda_edit_that_changes_the_result_type_regenerates_the_registry_only()
    {
        var rerun = Edit("ShipFunctions.cs", "() => new Label(shipped.Data.OrderId)", "() => shipped.Data.Address");
        Assert.Equal([FunctionGenerator.HintName], rerun.ChangedFiles);
        Assert.Equal(1, rerun.ScopesComputed);
        Assert.Contains(IncrementalStepRunReason.Modified, rerun.Reasons(TrackingNames.StepScopes));
        Assert.Contains(IncrementalStepRunReason.Modified, rerun.Reasons(TrackingNames.FunctionRegistry));
        Assert.All(rerun.Reasons(TrackingNames.EventModels), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.Contains("typeof(global::Shop.Address)", rerun.Text(FunctionGenerator.HintName));
        Assert.DoesNotContain("typeof(global::Shop.Label)", rerun.Text(FunctionGenerator.HintName));
    }

    [Fact]
    public void Editing_one_event_regenerates_that_event_only()
    {
        var rerun = Edit("Events.cs", "OrderShipped(string OrderId, Address Address)", "OrderShipped(string OrderId, Address Address, string? Carrier)");
        Assert.Equal(["Shop.OrderShipped.Event.g.cs"], rerun.ChangedFiles);
        var reasons = rerun.Reasons(TrackingNames.EventModels);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Unchanged));
        Assert.All(rerun.Reasons(TrackingNames.EventSources), r => Assert.NotEqual(IncrementalStepRunReason.Removed, r));
    }

    [Fact]
    public void Declaration_edit_in_another_file_is_seen_by_the_events_and_steps_that_use_it()
    {
        // Only Types.cs changes: the events and the step whose results reach Address must be described anew.
        var rerun = Edit("Types.cs", "Address(string Street, string City)", "Address(string Street, string City, int Floor)");
        Assert.Equal(["Shop.OrderPlaced.Event.g.cs", "Shop.OrderShipped.Event.g.cs"], rerun.ChangedFiles);
        Assert.Contains("Floor", rerun.Text("Shop.OrderPlaced.Event.g.cs"));
        Assert.Equal(2, rerun.EventsComputed);
        Assert.Equal(2, rerun.ScopesComputed);

        var retyped = Edit("Pricing.cs", "public static decimal Total(OrderPlaced order) => order.Lines.Count * 10m;", "public static Line Total(OrderPlaced order) => order.Lines[0];");
        Assert.Contains(FunctionGenerator.HintName, retyped.ChangedFiles);
        Assert.Contains("typeof(global::Shop.Line)", retyped.Text(FunctionGenerator.HintName));
    }

    [Fact]
    public void Batching_a_function_reports_INNG2015_until_its_parameter_takes_the_batch_and_regenerates_the_registry_only()
    {
        // [BatchEvents] alone: the function keeps its Event<T> parameter, so it would lose events; it leaves the registry.
        var half = Edit("ShipFunctions.cs", "[InngestFunction(\"notify-shipped\")]", "[InngestFunction(\"notify-shipped\")][BatchEvents(10, \"5s\")]");
        Assert.Equal(["INNG2015"], half.Second.GetRunResult().Diagnostics.Select(d => d.Id));
        Assert.Equal([FunctionGenerator.HintName], half.ChangedFiles);
        Assert.DoesNotContain("notify-shipped", half.Text(FunctionGenerator.HintName));

        // And the parameter as an array: generated again, with every event of the call.
        var whole = Edit(
            "ShipFunctions.cs",
            "[InngestFunction(\"notify-shipped\")]",
            "[InngestFunction(\"notify-shipped\")][BatchEvents(10, \"5s\")]",
            ("Event<OrderShipped> shipped,", "Event<OrderShipped>[] shipped,"),
            ("shipped.Data.OrderId", "shipped[0].Data.OrderId"));
        Assert.Empty(whole.Second.GetRunResult().Diagnostics);
        Assert.Equal([FunctionGenerator.HintName], whole.ChangedFiles);
        var registry = whole.Text(FunctionGenerator.HintName);
        Assert.Contains("BatchEvents = new global::Inngest.Events.BatchConfig(10, \"5s\"),", registry);
        Assert.Contains("global::Shop.ShipFunctions.Notify(invocation.GetEvents<global::Shop.OrderShipped>(), invocation.Steps)", registry);
        Assert.All(whole.Reasons(TrackingNames.EventModels), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void A_reference_whose_content_changed_under_the_same_object_is_not_reused()
    {
        // Reuse must not rest on a metadata reference object standing for the same content: this host hands the same
        // reference object to a new compilation after the assembly behind it changed.
        var library = new SwappableReference(LibraryImage("public sealed record Money(decimal Amount);"));
        var events = CSharpSyntaxTree.ParseText(
            """
            using Inngest.Events;

            namespace Shop;

            [Event("shop/invoice.paid")]
            public partial record InvoicePaid(string InvoiceId, Lib.Money Amount);
            """,
            ParseOptions,
            path: "Events.cs");
        var before = GeneratorHarness.Compile([]).AddReferences(library).AddSyntaxTrees(events);
        var (first, _, _) = GeneratorHarness.Run(before, GeneratorHarness.AllGenerators);
        Assert.DoesNotContain("Currency", GeneratorHarness.Sources(first).Single(s => s.HintName == "Shop.InvoicePaid.Event.g.cs").Text);

        library.Image = LibraryImage("public sealed record Money(decimal Amount, string Currency);");
        var after = CSharpCompilation.Create(before.AssemblyName, before.SyntaxTrees, before.References, before.Options);
        var second = GeneratorHarness.Run(after, first).Driver;
        Assert.Contains("Currency", GeneratorHarness.Sources(second).Single(s => s.HintName == "Shop.InvoicePaid.Event.g.cs").Text);
    }

    [Fact]
    public void Top_level_statements_added_in_another_file_are_seen_by_the_step_scopes()
    {
        // The first top-level statement of a project declares the Program class, without any declaration changing.
        var functions = """
            using System.Threading.Tasks;
            using Inngest.Events;

            namespace Shop;

            public static class StartFunctions
            {
                [InngestFunction("start")]
                public static async Task Start(Event<OrderShipped> shipped, IStepTools step)
                    => await step.RunAsync("program", () => new global::Program());
            }
            """;
        var compilation = Compile(new Dictionary<string, string>(Project) { ["StartFunctions.cs"] = functions, ["Main.cs"] = "// no statements yet\n" })
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var (first, _, _) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);
        Assert.DoesNotContain("typeof(global::Program)", GeneratorHarness.Sources(first).Single(s => s.HintName == FunctionGenerator.HintName).Text);

        var main = compilation.SyntaxTrees.Single(t => t.FilePath == "Main.cs");
        var edited = compilation.ReplaceSyntaxTree(main, CSharpSyntaxTree.ParseText("System.Console.WriteLine();\n", ParseOptions, path: "Main.cs"));
        var second = GeneratorHarness.Run(edited, first).Driver;
        Assert.Contains("typeof(global::Program)", GeneratorHarness.Sources(second).Single(s => s.HintName == FunctionGenerator.HintName).Text);
    }

    private static byte[] LibraryImage(string source)
    {
        var library = CSharpCompilation.Create(
            "Lib",
            [CSharpSyntaxTree.ParseText("namespace Lib;\n" + source, ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emitted = library.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return stream.ToArray();
    }

    /// <summary>A reference that reads its assembly anew whenever a compilation asks (as a host watching a file might).</summary>
    private sealed class SwappableReference(byte[] image) : PortableExecutableReference(MetadataReferenceProperties.Assembly)
    {
        public byte[] Image { get; set; } = image;

        protected override Metadata GetMetadataImpl() => AssemblyMetadata.CreateFromImage(Image);

        protected override DocumentationProvider CreateDocumentationProvider() => DocumentationProvider.Default;

        protected override PortableExecutableReference WithPropertiesImpl(MetadataReferenceProperties properties) => this;
    }

    private static CSharpCompilation Compile(IReadOnlyDictionary<string, string> files)
        => GeneratorHarness.Compile([]).AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(f.Value, ParseOptions, path: f.Key)));

    private static GeneratorDriver RunFresh(CSharpCompilation compilation)
        => GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators).Driver;

    /// <summary>Runs the project, replaces <paramref name="from"/> → <paramref name="to"/> (and any <paramref name="more"/>) in <paramref name="file"/>, and reruns.</summary>
    private static Rerun Edit(string file, string from, string to, params (string From, string To)[] more)
    {
        var compilation = Compile(Project);
        var eventGenerator = new EventGenerator();
        var functionGenerator = new FunctionGenerator();
        var (first, output, _) = GeneratorHarness.Run(compilation, [eventGenerator, functionGenerator]);
        GeneratorHarness.AssertCompilesCleanly(output);
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == file);
        var text = old.ToString();
        foreach (var (a, b) in more.Prepend((from, to)))
        {
            Assert.Contains(a, text);
            text = text.Replace(a, b);
        }

        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, ParseOptions, path: file));
        var events = eventGenerator.Memo.Created;
        var scopes = functionGenerator.Memo.Created;
        var second = GeneratorHarness.Run(edited, first).Driver;
        return new Rerun(first, second, eventGenerator.Memo.Created - events, functionGenerator.Memo.Created - scopes);
    }

    private sealed record Rerun(GeneratorDriver First, GeneratorDriver Second, int EventsComputed, int ScopesComputed)
    {
        public IReadOnlyList<string> ChangedFiles
        {
            get
            {
                var before = GeneratorHarness.Sources(First).ToDictionary(s => s.HintName, s => s.Text);
                var after = GeneratorHarness.Sources(Second).ToDictionary(s => s.HintName, s => s.Text);
                return before.Keys.Union(after.Keys)
                    .Where(h => !before.TryGetValue(h, out var a) || !after.TryGetValue(h, out var b) || a != b)
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
        }

        public string Text(string hintName) => GeneratorHarness.Sources(Second).Single(s => s.HintName == hintName).Text;

        public IReadOnlyList<IncrementalStepRunReason> Reasons(string step)
            => Second.GetRunResult().Results
                .SelectMany(GeneratorHarness.StepReasons)
                .Where(s => s.Name == step)
                .SelectMany(s => s.Reasons)
                .ToList();

        public void AssertEveryStepCachedOrUnchanged()
        {
            foreach (var result in Second.GetRunResult().Results)
            {
                foreach (var (name, reasons) in GeneratorHarness.StepReasons(result))
                {
                    Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' was {r}."));
                }

                Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
            }
        }
    }
}
