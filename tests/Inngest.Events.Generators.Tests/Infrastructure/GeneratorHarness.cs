using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Inngest.Events.Generators.Events;
using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>Runs the generators over in-memory sources, the way a user's build would (the event generator unless told otherwise).</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => Compile("UserAssembly", [], sources);

    /// <summary>Compiles <paramref name="sources"/> as the assembly <paramref name="assemblyName"/>, with <paramref name="references"/> besides the usual ones.</summary>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<MetadataReference> references, params string[] sources)
    {
        var all = Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
            .Concat(references);
        return CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            all,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The .NET SDK passes NoWarn CS1701;CS1702 to every build: the runtime package references net8.0
                // framework assemblies, and these tests compile against the net10.0 ones.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    /// <summary>Both generators, as a user's build runs them.</summary>
    public static IIncrementalGenerator[] AllGenerators => [new EventGenerator(), new FunctionGenerator()];

    public static GeneratorDriver CreateDriver() => CreateDriver([new EventGenerator()]);

    public static GeneratorDriver CreateDriver(IIncrementalGenerator[] generators) => CSharpGeneratorDriver.Create(
        generators.Select(static g => g.AsSourceGenerator()),
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the driver (for reruns), the output compilation and the generator's diagnostics.</summary>
    /// <remarks>
    /// A run on a fresh driver also checks that reading the JSON shapes of source types from their declarations gives
    /// what reading them from symbols gives (<see cref="DeclarationReading"/>), for every compilation a test runs.
    /// </remarks>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        if (driver is null)
        {
            DeclarationReading.AssertSameAsSymbols(compilation, [typeof(EventGenerator)]);
        }

        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>Runs <paramref name="generators"/> (e.g. <see cref="AllGenerators"/>) on a fresh driver.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation, IIncrementalGenerator[] generators)
    {
        DeclarationReading.AssertSameAsSymbols(compilation, generators.Select(g => g.GetType()));
        return Run(compilation, CreateDriver(generators));
    }

    /// <summary>The generated sources, by hint name.</summary>
    public static IReadOnlyList<(string HintName, string Text)> Sources(GeneratorDriver driver)
        => driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();

    /// <summary>Fails when the compiled output has any error or warning.</summary>
    public static void AssertCompilesCleanly(Compilation output)
    {
        var problems = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())));
    }

    /// <summary>
    /// Reruns the generator after an unrelated edit and asserts that every step's outputs came from the cache,
    /// and that no model holds a Roslyn object (which would defeat caching and pin compilations in memory).
    /// </summary>
    public static void AssertCachedAfterUnrelatedEdit(CSharpCompilation compilation) => AssertCachedAfterUnrelatedEdit(compilation, [new EventGenerator()]);

    /// <inheritdoc cref="AssertCachedAfterUnrelatedEdit(CSharpCompilation)"/>
    public static void AssertCachedAfterUnrelatedEdit(CSharpCompilation compilation, IIncrementalGenerator[] generators)
    {
        var first = Run(compilation, generators).Driver;
        AssertNoRoslynObjects(first);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated { internal static class Edit { public const int Value = 1; } }", ParseOptions, path: "Edit.cs"));
        var second = Run(edited, first).Driver;
        foreach (var result in second.GetRunResult().Results)
        {
            foreach (var (name, reasons) in StepReasons(result))
            {
                Assert.All(reasons, reason => Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' of {result.Generator.GetGeneratorType().Name} was {reason} after an unrelated edit."));
            }

            var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs);
            Assert.All(outputs, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"An output step was {o.Reason} after an unrelated edit."));
        }
    }

    /// <summary>
    /// The named steps (<see cref="TrackingNames"/>) that a run of <paramref name="result"/>'s generator must record:
    /// all of its steps, unless the run saw nothing to generate from (no source, no diagnostic).
    /// </summary>
    public static IReadOnlyList<string> ExpectedSteps(GeneratorRunResult result)
        => result.GeneratedSources.IsEmpty && result.Diagnostics.IsEmpty ? [] : ExpectedSteps(result.Generator);

    /// <summary>The named steps (<see cref="TrackingNames"/>) of <paramref name="generator"/>.</summary>
    public static IReadOnlyList<string> ExpectedSteps(ISourceGenerator generator) => generator.GetGeneratorType().Name switch
    {
        nameof(EventGenerator) => TrackingNames.EventGeneratorSteps,
        nameof(FunctionGenerator) => TrackingNames.FunctionGeneratorSteps,
        var other => throw new InvalidOperationException($"No tracking names are known for the generator {other}."),
    };

    /// <summary>
    /// The output reasons of each of the generator's named steps in a run; fails when an expected step did not run
    /// (a renamed or removed step must not make the caching checks pass by checking nothing).
    /// </summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<IncrementalStepRunReason> Reasons)> StepReasons(GeneratorRunResult result)
    {
        var steps = new List<(string, IReadOnlyList<IncrementalStepRunReason>)>();
        foreach (var name in ExpectedSteps(result))
        {
            Assert.True(
                result.TrackedSteps.TryGetValue(name, out var runs),
                $"{result.Generator.GetGeneratorType().Name} recorded no step '{name}' (recorded: {string.Join(", ", result.TrackedSteps.Keys.Order(StringComparer.Ordinal))}).");
            steps.Add((name, runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList()));
        }

        return steps;
    }

    private static void AssertNoRoslynObjects(GeneratorDriver driver)
    {
        foreach (var result in driver.GetRunResult().Results)
        {
            foreach (var (name, runs) in result.TrackedSteps.Where(s => ExpectedSteps(result).Contains(s.Key)))
            {
                foreach (var (value, _) in runs.SelectMany(r => r.Outputs))
                {
                    Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree)];

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"The model at {path} holds a {type.Name}.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.Name is "EqualityContract")
            {
                continue;
            }

            Walk(property.GetValue(value), $"{path}.{property.Name}", seen);
        }

        // Value tuples (Combine, Select) keep their items in public fields.
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
