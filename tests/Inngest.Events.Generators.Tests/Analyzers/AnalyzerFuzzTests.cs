using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Inngest.Events.Generators.Events;
using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.SchemaLock;
using Inngest.Events.Generators.Tests.SchemaLock;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Inngest.Events.Generators.Tests.Analyzers;

/// <summary>
/// Runs both generators and every analyzer over thousands of broken variants of a realistic project (a file truncated,
/// a span deleted, tokens swapped, duplicated or replaced), seeded so that a failure can be replayed, and asserts that
/// nothing throws: no AD0001, no generator exception (CS8784 / CS8785).
/// </summary>
/// <remarks>
/// Each variant breaks one file of the project, the way an edit in progress does. To keep the test to about a minute on
/// two cores, a variant's compilation is the project's with that one file replaced (so references and the untouched
/// files' declarations are shared), the generators rerun incrementally from a run over the intact project (so only the
/// broken file is generated anew), and the analyzers look at the broken file; every tenth variant is analyzed as a whole
/// compilation, as a build does, which also runs the compilation-end actions.
/// </remarks>
public sealed class AnalyzerFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20250105;
    private const int WholeCompilationEvery = 10;

    /// <summary>2000 by default (about a minute on two cores); set INNGEST_FUZZ_VARIANTS for a longer or shorter run.</summary>
    private static readonly int Variants = int.TryParse(Environment.GetEnvironmentVariable("INNGEST_FUZZ_VARIANTS"), out var n) && n > 0 ? n : 2000;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The framework assemblies that the project and the generated code use; fewer references make compilations cheaper.
    private static readonly HashSet<string> FrameworkAssemblies =
    [
        "System.Runtime", "System.Collections", "System.Linq", "System.Linq.Expressions", "System.Console", "System.Memory",
        "System.Text.Json", "System.Text.Encodings.Web", "System.Threading", "System.ComponentModel", "netstandard",
    ];

    [Fact]
    public async Task Generators_and_analyzers_never_throw_on_mutated_and_truncated_sources()
    {
        var analyzers = AllAnalyzers.Create();
        var trees = Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path)).ToArray();
        var project = CSharpCompilation.Create(
            "UserAssembly",
            trees,
            [
                .. Basic.Reference.Assemblies.Net100.References.All.Where(r => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(r.FilePath ?? ""))),
                MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new EventGenerator().AsSourceGenerator(), new FunctionGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions);

        // The intact project compiles (but for the mistakes it is full of) and exercises the rules, or the test proves little.
        // Its event schema lock is an additional file, so the lock analyzer also meets every broken variant.
        var lockFile = new InMemoryAdditionalText("/project/inngest-events.lock.json", EventLockUpdate.Write(project, EventLockFile.Empty, null, CancellationToken.None));
        var (baseline, baselineProblems) = await RunAsync(driver, project, null, analyzers, lockFile);
        Assert.Empty(baselineProblems);
        var ids = baseline.Select(d => d.Id).Distinct().ToList();
        Assert.True(ids.Count >= 20, "The fuzz project should trigger most rules, but only triggers " + string.Join(", ", ids));
        Assert.All(new[] { "INNG4001", "INNG4002", "INNG4003", "INNG4004", "INNG4005", "INNG4006" }, id => Assert.Contains(id, ids));
        driver = driver.RunGenerators(project);

        var tokens = trees.Select(t => t.GetRoot().DescendantTokens().Select(token => (token.Span, token.Text)).ToArray()).ToArray();
        var random = new Random(Seed);
        var variants = Enumerable.Range(0, Variants).Select(i => Mutate(random, tokens, i)).ToList();

        var problems = new ConcurrentQueue<string>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            variants,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (variant, _) =>
            {
                var original = trees[variant.File];
                var broken = CSharpSyntaxTree.ParseText(variant.Text, ParseOptions, path: original.FilePath);
                var compilation = project.ReplaceSyntaxTree(original, broken);
                var whole = variant.Index % WholeCompilationEvery == 0;
                var (_, found) = await RunAsync(driver, compilation, whole ? null : broken, analyzers, lockFile);
                foreach (var problem in found)
                {
                    problems.Enqueue($"{variant.Description}: {problem}");
                }
            });

        output.WriteLine($"{variants.Count} variants in {stopwatch.Elapsed.TotalSeconds:F1} s");

        Assert.True(problems.IsEmpty, string.Join("\n\n", problems.Take(5)));
    }

    /// <summary>
    /// The lock file mutated the way hand edits and merges break it: cut short, spans deleted or doubled, JSON tokens
    /// swapped, and values anywhere in it (keys, schemas, types, ranges, references, named values) replaced by values of
    /// other kinds or by other parts of the lock. The lock analyzer checks the intact project against each variant (the
    /// whole compilation, so the lock file's own action runs) and the update generator rewrites it: nothing throws, and
    /// the variants reach every lock rule.
    /// </summary>
    [Fact]
    public async Task Lock_analyzer_and_update_generator_never_throw_on_mutated_lock_files()
    {
        var trees = Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path)).ToArray();
        var project = CSharpCompilation.Create(
            "UserAssembly",
            trees,
            [
                .. Basic.Reference.Assemblies.Net100.References.All.Where(r => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(r.FilePath ?? ""))),
                MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new EventGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(project, out var compiled, out _);
        var intact = EventLockUpdate.Write(project, EventLockFile.Empty, null, CancellationToken.None);
        var random = new Random(Seed);
        var variants = Enumerable.Range(0, LockVariants).Select(i => MutateLock(random, intact, i)).ToList();

        var problems = new ConcurrentQueue<string>();
        var ids = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(
            variants,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (variant, cancellationToken) =>
            {
                var lockFile = new InMemoryAdditionalText("/project/inngest-events.lock.json", variant.Text);
                GeneratorDriver driver = CSharpGeneratorDriver.Create(
                    [new EventSchemaLockGenerator().AsSourceGenerator()],
                    [lockFile],
                    ParseOptions,
                    new UpdatingOptions());
                driver = driver.RunGeneratorsAndUpdateCompilation(project, out var updated, out var generatorDiagnostics);
                foreach (var result in driver.GetRunResult().Results.Where(r => r.Exception is not null))
                {
                    problems.Enqueue($"{variant.Description}: {result.Generator.GetGeneratorType().Name} threw {result.Exception}");
                }

                foreach (var diagnostic in generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785"))
                {
                    problems.Enqueue($"{variant.Description}: {diagnostic}");
                }

                var (diagnostics, found) = await RunAsync(
                    CSharpGeneratorDriver.Create([], parseOptions: ParseOptions), compiled, null, [new EventSchemaLockAnalyzer()], lockFile);
                foreach (var problem in found)
                {
                    problems.Enqueue($"{variant.Description}: {problem}");
                }

                foreach (var id in diagnostics.Select(d => d.Id).Distinct())
                {
                    ids.AddOrUpdate(id, 1, (_, n) => n + 1);
                }
            });

        output.WriteLine($"{variants.Count} lock variants: " + string.Join(", ", ids.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}")));
        Assert.True(problems.IsEmpty, string.Join("\n\n", problems.Take(5)));
        Assert.All(new[] { "INNG1020", "INNG1021", "INNG1022", "INNG1023" }, id => Assert.True(ids.ContainsKey(id), $"no lock variant led to {id}"));
    }

    /// <summary>1000 by default; INNGEST_FUZZ_LOCK_VARIANTS for more or fewer.</summary>
    private static readonly int LockVariants = int.TryParse(Environment.GetEnvironmentVariable("INNGEST_FUZZ_LOCK_VARIANTS"), out var l) && l > 0 ? l : 1000;

    private static (int Index, string Description, string Text) MutateLock(Random random, string text, int index)
    {
        switch (random.Next(5))
        {
            case 0:
            {
                var length = random.Next(text.Length);
                return (index, $"#{index} lock truncated at {length}", text[..length]);
            }

            case 1:
            {
                var start = random.Next(text.Length);
                var length = Math.Min(random.Next(1, 40), text.Length - start);
                return (index, $"#{index} lock: deleted {length} at {start}", text.Remove(start, length));
            }

            case 2:
            {
                var start = random.Next(text.Length);
                var length = Math.Min(random.Next(1, 200), text.Length - start);
                return (index, $"#{index} lock: doubled {length} at {start}", text.Insert(start, text.Substring(start, length)));
            }

            default:
            {
                // Values replaced inside the JSON, which keeps the file readable and reaches the schema comparison.
                var document = (LockObject)LockJsonReader.Read(text);
                var nodes = new List<(LockNode Parent, object Key)>();
                Collect(document, nodes);
                var description = $"#{index} lock: replaced";
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var (parent, key) = nodes[random.Next(nodes.Count)];
                    var replacement = random.Next(8) switch
                    {
                        0 => (LockNode)LockLiteral.Create("null"),
                        1 => LockLiteral.Create(random.Next(2) == 0 ? "true" : "false"),
                        2 => new LockNumber(random.Next(-5, 5).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        3 => new LockString(new[] { "", "object", "integer", "string", "null", "#", "#/$defs/Nope", "#/$defs/Address", "1", "2" }[random.Next(10)]),
                        4 => new LockObject(),
                        5 => new LockArray(),
                        // A copy of another part of the lock (a copy, so that no value contains itself).
                        _ => nodes[random.Next(nodes.Count)] is var (otherParent, otherKey) ? LockJsonReader.Read(LockJsonWriter.Write(Get(otherParent, otherKey))) : new LockObject(),
                    };
                    Set(parent, key, replacement);
                    description += $" {key} with {replacement.Kind}";
                }

                return (index, description, LockJsonWriter.Write(document));
            }
        }

        static void Collect(LockNode node, List<(LockNode, object)> nodes)
        {
            switch (node)
            {
                case LockObject obj:
                    foreach (var member in obj.Members)
                    {
                        nodes.Add((obj, member.Key));
                        Collect(member.Value, nodes);
                    }

                    break;
                case LockArray array:
                    for (var i = 0; i < array.Items.Count; i++)
                    {
                        nodes.Add((array, i));
                        Collect(array.Items[i], nodes);
                    }

                    break;
            }
        }

        static LockNode Get(LockNode parent, object key) => parent is LockObject o ? o[(string)key]! : ((LockArray)parent).Items[(int)key];

        static void Set(LockNode parent, object key, LockNode value)
        {
            if (parent is LockObject o)
            {
                o.Set((string)key, value);
            }
            else
            {
                ((LockArray)parent).Items[(int)key] = value;
            }
        }
    }

    /// <summary>Analyzer options that say the update command is running.</summary>
    private sealed class UpdatingOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new(updating: true);
        private static readonly Options None = new(updating: false);

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Options(bool updating) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = "true";
                return updating && key == LockDiagnosticProperties.UpdateProperty;
            }
        }
    }

    /// <summary>
    /// A failure the fuzz test found in the event generator: [Event] on two partial declarations of one type (already
    /// error CS0579) made it add two sources with one hint name (CS8785). Kept as a regression test.
    /// </summary>
    [Fact]
    public void Event_generator_survives_two_Event_declarations_of_one_type()
    {
        var compilation = GeneratorHarness.Compile("""
            using Inngest.Events;

            namespace Acme.Shop;

            [Event("shop/order.placed")] public partial record OrderPlaced(string OrderId);
            [Event("shop/order.placed")] public partial record OrderPlaced;
            """);
        var (driver, _, diagnostics) = GeneratorHarness.Run(compilation);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        Assert.Single(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("OrderPlaced.Event.g.cs", StringComparison.Ordinal));
    }

    /// <summary>One broken variant: which file, what was done to it (to replay it), and its text.</summary>
    private static (int Index, int File, string Description, string Text) Mutate(Random random, (TextSpan Span, string Text)[][] tokensByFile, int index)
    {
        var file = random.Next(Files.Length);
        var (description, text) = Mutate(random, Files[file].Text, tokensByFile[file]);
        return (index, file, $"#{index} {Files[file].Path}: {description}", text);
    }

    private static (string Description, string Text) Mutate(Random random, string text, (TextSpan Span, string Text)[] tokens)
    {
        switch (random.Next(6))
        {
            case 0:
            {
                var length = random.Next(text.Length);
                return ($"truncated at {length}", text.Substring(0, length));
            }

            case 1:
            {
                var start = random.Next(text.Length);
                var length = Math.Min(random.Next(1, 60), text.Length - start);
                return ($"deleted {length} at {start}", text.Remove(start, length));
            }

            case 2:
            {
                var (a, b) = (tokens[random.Next(tokens.Length)], tokens[random.Next(tokens.Length)]);
                if (a.Span.Start > b.Span.Start)
                {
                    (a, b) = (b, a);
                }

                if (a.Span.IntersectsWith(b.Span))
                {
                    return ("unchanged", text);
                }

                var swapped = text.Substring(0, a.Span.Start) + b.Text + text.Substring(a.Span.End, b.Span.Start - a.Span.End) + a.Text + text.Substring(b.Span.End);
                return ($"swapped '{a.Text}' at {a.Span.Start} and '{b.Text}' at {b.Span.Start}", swapped);
            }

            case 3:
            {
                var token = tokens[random.Next(tokens.Length)];
                return ($"deleted token '{token.Text}' at {token.Span.Start}", text.Remove(token.Span.Start, token.Span.Length));
            }

            case 4:
            {
                var token = tokens[random.Next(tokens.Length)];
                return ($"duplicated token '{token.Text}' at {token.Span.Start}", text.Insert(token.Span.Start, token.Text + " "));
            }

            default:
            {
                // A few tokens replaced by others from the file: breaks structure while keeping names the analyzers know.
                var count = random.Next(1, 4);
                var description = "replaced";
                foreach (var target in Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Length)]).OrderByDescending(t => t.Span.Start).DistinctBy(t => t.Span.Start))
                {
                    var replacement = tokens[random.Next(tokens.Length)].Text;
                    text = text.Substring(0, target.Span.Start) + replacement + text.Substring(target.Span.End);
                    description += $" '{target.Text}' at {target.Span.Start} with '{replacement}'";
                }

                return (description, text);
            }
        }
    }

    /// <summary>
    /// Runs the generators (from <paramref name="driver"/>'s cached state) and the analyzers, over the whole compilation or
    /// only <paramref name="tree"/>; returns the analyzer diagnostics and every exception, as text.
    /// </summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Problems)> RunAsync(
        GeneratorDriver driver,
        Compilation compilation,
        SyntaxTree? tree,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AdditionalText? lockFile = null)
    {
        var problems = new List<string>();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        foreach (var result in driver.GetRunResult().Results)
        {
            if (result.Exception is not null)
            {
                problems.Add($"{result.Generator.GetGeneratorType().Name} threw {result.Exception}");
            }
        }

        problems.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => d.ToString()));

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(lockFile is null ? [] : [lockFile]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = output.WithAnalyzers(analyzers, options);
        var diagnostics = tree is null
            ? await withAnalyzers.GetAnalyzerDiagnosticsAsync()
            : (await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None))
                .AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(output.GetSemanticModel(tree), null, CancellationToken.None));

        problems.AddRange(exceptions);
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return (diagnostics, problems);
    }

    /// <summary>A realistic project of four files, events and functions with a mistake for most rules next to correct code.</summary>
    private static readonly (string Path, string Text)[] Files =
    [
        ("Events.cs", """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Shop;

        [Event("shop/order.placed", Id = "order-placed-{OrderId}")]
        public partial record OrderPlaced(string OrderId, string CustomerId, decimal Total, DateTimeOffset PlacedAt);

        [Event("shop/order.cancelled")]
        public partial record OrderCancelled(string OrderId, string Reason);

        [Event("OrderShipped", Id = "{OrderId}")]
        public partial record OrderShipped(string OrderId, IReadOnlyList<string> Parcels);

        [Event("billing/charge-failed")]
        public partial record ChargeFailed(string OrderId, int Attempt);

        [Event("shop/order.placed")]
        public partial record OrderPlacedAgain(string OrderId);

        [Event("parcel.dispatched")]
        public partial record ParcelDispatched(string ParcelId);

        [Event("email/receipt.send")]
        public partial record SendReceipt(string OrderId);

        public sealed record Receipt(string ReceiptId, decimal Amount);
        """),
        ("OrderFunctions.cs", """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Shop;

        public interface IPayments
        {
            Task<Receipt> ChargeAsync(string orderId, decimal amount);
        }

        public sealed class OrderFunctions(IInngestClient inngest, IPayments payments)
        {
            [InngestFunction("charge-order", OnFailure = nameof(OnChargeFailedAsync))]
            [Retries(5)]
            [Concurrency(10)]
            [Concurrency(1, Key = "event.data.customerId")]
            [CancelOn<OrderCancelled>(If = "event.data.orderId == async.data.orderId", Timeout = "1h")]
            [Throttle(5, "1 minute", Key = "event.data.customerId && event.data.total")]
            [Idempotency("event.data.OrderId")]
            [Timeouts(Start = "10m", Finish = @"2h45")]
            public async Task<Receipt> ChargeAsync(Event<OrderPlaced> evt, IStepTools step, FunctionContext context, CancellationToken cancellationToken)
            {
                var order = evt.Data;
                var startedAt = DateTimeOffset.UtcNow;
                var receipt = await step.RunAsync("charge", () => payments.ChargeAsync(order.OrderId, order.Total));
                string? note = null;
                await step.RunAsync("note", () => { note = $"charged {receipt.Amount}"; });
                await inngest.SendAsync(new OrderShipped(order.OrderId, ["p-1"]), new() { Id = order.OrderId }, cancellationToken);
                await step.SendEventAsync("send-shipped", new OrderShipped(order.OrderId, ["p-2"]), new() { Id = $"order-shipped-{order.OrderId}" });
                step.SleepAsync("cool-down", TimeSpan.FromMinutes(5));
                var audit = step.RunAsync("audit", () => Guid.NewGuid().ToString("N"));
                var again = step.RunAsync("audit", () => 42);
                await Task.WhenAll(audit, again);
                await step.RunAsync("charge", () => 1);
                await step.RunAsync("nested", async () =>
                {
                    await step.SleepAsync("inside", TimeSpan.FromSeconds(1));
                    await inngest.SendAsync(new OrderCancelled(order.OrderId, "late"));
                });
                for (var i = 0; i < 3; i++)
                {
                    await step.RunAsync("poll", () => i);
                }

                var byText = await step.WaitForEventAsync<OrderCancelled>("wait-text", TimeSpan.FromHours(1), $"async.data.orderId == '{order.OrderId}' && async.data.why != \"\"");
                var cancelled = await step.WaitForEventAsync("wait-cancel", TimeSpan.FromHours(1),
                    (Event<OrderPlaced> trigger, Event<OrderCancelled> incoming) => trigger.Data.OrderId == incoming.Data.OrderId);
                if (cancelled is not null)
                {
                    await step.SleepUntilAsync("until", DateTimeOffset.Now.AddHours(1));
                }

                var roll = Random.Shared.Next(1, 7) + new Random(42).Next();
                var watch = Stopwatch.StartNew();
                Console.WriteLine($"{note} {roll} {watch.ElapsedMilliseconds} {startedAt} {context.Attempt}");
                return receipt;

                async Task NotifyAsync() => await inngest.SendAsync(new ChargeFailed(order.OrderId, context.Attempt));
            }

            public async Task OnChargeFailedAsync(Event<FunctionFailed> failed, IStepTools step)
                => await step.RunAsync("alert", () => Console.WriteLine(failed.Data.Error.Message + DateTime.UtcNow));
        }
        """),
        ("ShippingFunctions.cs", """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Shop;

        public static class ShippingFunctions
        {
            [InngestFunction("Ship Orders")]
            [BatchEvents(50, "10s")]
            [Debounce("5s")]
            [Priority("event.data.total")]
            [Retries(30)]
            public static async Task ShipAsync(IReadOnlyList<Event<OrderPlaced>> orders, IStepTools step)
            {
                foreach (var order in orders)
                {
                    await step.SendEventAsync("ship", new OrderShipped(order.Data.OrderId, []));
                }
            }

            [InngestFunction("many-triggers")]
            [Trigger<OrderPlaced>(If = "event.data.total > 1")] [Trigger<OrderPlaced>(If = "event.data.total > 2")]
            [Trigger<OrderPlaced>(If = "event.data.total > 3")] [Trigger<OrderPlaced>(If = "event.data.total > 4")]
            [Trigger<OrderPlaced>(If = "event.data.total > 5")] [Trigger<OrderPlaced>(If = "event.data.total > 6")]
            [Trigger<OrderPlaced>(If = "event.data.total > 7")] [Trigger<OrderPlaced>(If = "event.data.total > 8")]
            [Trigger<OrderPlaced>(If = "event.data.total > 9")] [Trigger<OrderPlaced>(If = "async.data.totl > 10")]
            [Trigger<OrderPlaced>(If = "event.data.total = 11")]
            [Concurrency(1)] [Concurrency(2)] [Concurrency(3)]
            public static Task ManyAsync(Event<OrderPlaced> evt) => Task.CompletedTask;

            [InngestFunction("nightly-report")]
            [Cron("0 0 * * *")]
            public static async Task<int> NightlyAsync(IStepTools step)
            {
                var invoked = await step.InvokeAsync("invoke-charge", new FunctionReference<OrderPlaced, Receipt>("charge-order"),
                    new OrderPlaced("o-1", "c-1", 1m, DateTimeOffset.MinValue));
                return (int)invoked.Amount;
            }
        }
        """),
        ("Publisher.cs", """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Shop;

        public static class Publisher
        {
            public static Task PublishAsync(IInngestClient inngest, OrderPlaced order)
                => inngest.SendAsync(order, new() { Id = "user-action" });

            public static Task PublishAgainAsync(IInngestClient inngest, OrderPlaced order)
                => inngest.SendAsync(order, new() { Id = $"order-placed-{Guid.NewGuid()}" });

            public static FunctionTrigger Trigger() => FunctionTrigger.ForEvent("Shop_Order_Placed");

            public static FunctionTrigger Filtered(string plan) => FunctionTrigger.ForEvent("shop/order.placed", $"event.data.plan == '{plan}'");

            public static FunctionTrigger Nightly() => FunctionTrigger.ForCron("0 0 * * *", "10m") with { Expression = "event.data.x ==", Jitter = "1w" };
        }
        """),
    ];
}
