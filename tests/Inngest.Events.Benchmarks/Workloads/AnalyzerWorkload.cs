using System.Collections.Immutable;
using System.Reflection;
using Inngest.Events.Generators.Analyzers.EventNames;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Table 2's project of <see cref="Files"/> files, after our generators ran (as in a build: analyzers see the generated
/// code and skip it). Compilations are single-threaded (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>)
/// so that compile time and the analyzers' execution time are both CPU time on one thread and their ratio is fair.
/// </summary>
internal sealed class AnalyzerWorkload
{
    public const int Files = 500;

    private static readonly Lazy<AnalyzerWorkload> LazyInstance = new(() => new AnalyzerWorkload());

    private readonly Lazy<string> checkResult;

    private AnalyzerWorkload()
    {
        var trees = Enumerable.Range(0, Files).Select(i => Compilations.Parse(AnalyzerProjectSources.File(i, Files), $"Orders/Order{i}.cs"));
        var source = Compilations.Compile(trees, concurrentBuild: false);
        Compilations.CreateDriver(Compilations.OurGenerators(), track: false).RunGeneratorsAndUpdateCompilation(source, out var output, out _);
        Compilation = output;
        Analyzers = typeof(EventNameAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        checkResult = new Lazy<string>(RunCheck);
    }

    public static AnalyzerWorkload Instance => LazyInstance.Value;

    /// <summary>The project with the generated sources added; use <see cref="Fresh"/> to measure.</summary>
    public Compilation Compilation { get; }

    /// <summary>Every analyzer the package ships (found by reflection, as in the generator tests' AllAnalyzers).</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>A clone with nothing bound yet.</summary>
    public Compilation Fresh() => Compilation.Clone();

    public CompilationWithAnalyzers WithAnalyzers(Compilation compilation) => WithAnalyzers(compilation, Analyzers);

    /// <summary>The do-nothing <see cref="BaselineAnalyzer"/> alone, with the same options.</summary>
    public CompilationWithAnalyzers WithBaseline(Compilation compilation) => WithAnalyzers(compilation, [new BaselineAnalyzer()]);

    private static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) => compilation.WithAnalyzers(
        analyzers,
        new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

    /// <summary>
    /// Fails unless the project compiles without errors; returns the analyzers' findings by id (a realistic project has
    /// few). One pass (compiler and analyzer diagnostics together), computed once per process.
    /// </summary>
    public string Check() => checkResult.Value;

    private string RunCheck()
    {
        var all = WithAnalyzers(Fresh()).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {Files}-file analyzer project does not compile:\n" + string.Join("\n", errors));
        }

        var found = all.Where(d => d.Id.StartsWith("INNG", StringComparison.Ordinal)).ToList();
        return found.Count == 0
            ? "no analyzer diagnostics"
            : string.Join(", ", found.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
    }
}
