using System.Collections.Concurrent;
using Inngest.Events.Generators.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Table 1's project of <see cref="Events"/> events (one file each), one function per five events and the baseline's
/// <c>JsonSerializerContext</c>, compiled once per size and shared by every benchmark case in the process.
/// </summary>
internal sealed class GeneratorWorkload
{
    private static readonly ConcurrentDictionary<int, Lazy<GeneratorWorkload>> Cache = new();

    private readonly SyntaxTree unrelated;
    private readonly SyntaxTree unrelatedEdited;
    private readonly SyntaxTree unusedEvent;
    private readonly SyntaxTree unusedEventEdited;
    private readonly SyntaxTree function;
    private readonly SyntaxTree functionEdited;
    private int eventEdits;

    private GeneratorWorkload(int events)
    {
        Events = events;
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < events; i++)
        {
            trees.Add(Compilations.Parse(ProjectSources.Event(i), $"Events/{ProjectSources.EventTypeName(i)}.cs"));
        }

        for (int k = 0; k < events / 5; k++)
        {
            trees.Add(Compilations.Parse(ProjectSources.Function(k, events), FunctionPath(k)));
        }

        function = trees.Single(t => t.FilePath == FunctionPath(ProjectSources.EditedFunction));
        functionEdited = Compilations.Parse(ProjectSources.Function(ProjectSources.EditedFunction, events, edited: true), function.FilePath);

        trees.Add(Compilations.Parse(ProjectSources.JsonContext(events), "ShopJsonContext.cs"));
        unrelated = Compilations.Parse(ProjectSources.UnrelatedCode(1), "Internal/BuildInfo.cs");
        trees.Add(unrelated);
        unrelatedEdited = Compilations.Parse(ProjectSources.UnrelatedCode(2), "Internal/BuildInfo.cs");
        unusedEvent = trees[ProjectSources.UnusedEvent];
        unusedEventEdited = Compilations.Parse(ProjectSources.Event(ProjectSources.UnusedEvent, edited: true), unusedEvent.FilePath);
        Compilation = Compilations.Compile(trees);
    }

    public int Events { get; }

    /// <summary>The project before any edit. Benchmarks run on <see cref="Compilation.Clone"/>s of it, so nothing bound is reused.</summary>
    public CSharpCompilation Compilation { get; }

    public static GeneratorWorkload Get(int events) => Cache.GetOrAdd(events, n => new Lazy<GeneratorWorkload>(() => new GeneratorWorkload(n))).Value;

    // Every edit is a new syntax tree, as every keystroke is: our generators reuse results for syntax nodes they have
    // seen (SyntaxMemo), so repeating one edited tree object would measure a rerun that had already seen the edit.

    /// <summary>A fresh compilation after a method body changed in a class no generator looks at.</summary>
    public CSharpCompilation WithUnrelatedEdit() => Compilation.ReplaceSyntaxTree(unrelated, Fresh(unrelatedEdited));

    /// <summary>
    /// A fresh compilation after a member was added to an event no function uses; each call adds a member of another
    /// name, so each is a declaration change none of the earlier runs has seen.
    /// </summary>
    public CSharpCompilation WithOneEventEdited()
    {
        int n = Interlocked.Increment(ref eventEdits);
        var text = unusedEventEdited.ToString().Replace("string? Note = null", $"string? Note{n} = null", StringComparison.Ordinal);
        return Compilation.ReplaceSyntaxTree(unusedEvent, Compilations.Parse(text, unusedEvent.FilePath));
    }

    /// <summary>A fresh compilation after a keystroke inside one function's step lambda.</summary>
    public CSharpCompilation WithFunctionBodyEdited() => Compilation.ReplaceSyntaxTree(function, Fresh(functionEdited));

    private static SyntaxTree Fresh(SyntaxTree tree) => Compilations.Parse(tree.ToString(), tree.FilePath);

    private static string FunctionPath(int k) => $"Functions/Order{5 * k}Functions.cs";

    /// <summary>The hint name of the edited event's generated file.</summary>
    public string EditedEventTypeName => ProjectSources.EventTypeName(ProjectSources.UnusedEvent);

    /// <summary>
    /// Runs both generators once (ours and System.Text.Json's) and fails unless the output compiles without errors and
    /// each generator produced what it should: a file per event plus the function registry, and the JSON context.
    /// </summary>
    public void CheckGeneratedCodeCompiles()
    {
        var driver = Compilations.CreateDriver([.. Compilations.OurGenerators(), .. Compilations.JsonGenerator()], track: false)
            .RunGeneratorsAndUpdateCompilation(Compilation.Clone(), out var output, out var generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Take(10)
            .ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {Events}-event project does not compile after generation:\n" + string.Join("\n", errors));
        }

        var results = driver.GetRunResult().Results;
        int ours = results.Where(r => r.Generator.GetGeneratorType().Assembly == typeof(EventGenerator).Assembly).Sum(r => r.GeneratedSources.Length);
        int json = results.Where(r => r.Generator.GetGeneratorType().Assembly != typeof(EventGenerator).Assembly).Sum(r => r.GeneratedSources.Length);
        if (ours != Events + 1 || json < Events)
        {
            throw new InvalidOperationException($"Expected {Events + 1} files from our generators and at least {Events} from System.Text.Json's; got {ours} and {json}.");
        }
    }
}
