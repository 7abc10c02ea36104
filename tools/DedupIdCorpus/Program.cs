using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Inngest.Events;
using Inngest.Events.Generators.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// The dedup-id rule's measuring tool (README.md beside this file).
//   check   <file.jsonl>...  compiles every case and lists the ones that do not compile, nothing about the rule;
//   measure <file.jsonl>...  the rule's figures per file and pooled, then every miss and false warning.
if (args.Length < 2 || args[0] is not ("check" or "measure"))
{
    Console.Error.WriteLine("usage: DedupIdCorpus check|measure <cases.jsonl>...");
    return 2;
}

var measure = args[0] == "measure";
var files = args.Skip(1).ToArray();
var cases = new List<Case>();
var readErrors = new List<string>();
foreach (var file in files)
{
    var lineNumber = 0;
    foreach (var line in File.ReadLines(file))
    {
        lineNumber++;
        if (string.IsNullOrWhiteSpace(line))
        {
            continue;
        }

        try
        {
            var c = JsonSerializer.Deserialize<Case>(line, CaseJson.Options)
                ?? throw new JsonException("null");
            var problem = c.Problem();
            if (problem is not null)
            {
                readErrors.Add($"{file}:{lineNumber}: {problem}");
                continue;
            }

            cases.Add(c with { File = Path.GetFileName(file) });
        }
        catch (JsonException e)
        {
            readErrors.Add($"{file}:{lineNumber}: not a case: {e.Message}");
        }
    }
}

foreach (var duplicate in cases.GroupBy(c => c.Id).Where(g => g.Count() > 1))
{
    readErrors.Add($"case id '{duplicate.Key}' is used {duplicate.Count()} times");
}

var results = new ConcurrentBag<Result>();
Parallel.ForEach(cases, c => results.Add(CaseCompiler.Run(c, measure)));
var ordered = results.OrderBy(r => r.Case.File, StringComparer.Ordinal).ThenBy(r => r.Case.Id, StringComparer.Ordinal).ToList();
var broken = ordered.Where(r => r.Errors.Length > 0).ToList();
foreach (var error in readErrors)
{
    Console.WriteLine($"ERROR {error}");
}

foreach (var r in broken)
{
    Console.WriteLine($"ERROR {r.Case.File} {r.Case.Id}: does not compile:");
    foreach (var e in r.Errors)
    {
        Console.WriteLine($"    {e}");
    }
}

if (!measure)
{
    Console.WriteLine($"{cases.Count} cases read, {cases.Count - broken.Count} compile, {broken.Count + readErrors.Count} errors");
    return broken.Count + readErrors.Count == 0 && cases.Count > 0 ? 0 : 1;
}

var measured = ordered.Where(r => r.Errors.Length == 0).ToList();
Console.WriteLine("| file | ids | bare reported | specific warned | volatile reported | constants reported | fallbacks told (INNG3019, info) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var group in measured.GroupBy(r => r.Case.File))
{
    Console.WriteLine(Figures.Row(group.Key ?? "?", group.ToList()));
}

if (measured.Select(r => r.Case.File).Distinct().Count() > 1)
{
    Console.WriteLine(Figures.Row("pooled", measured));
}

Console.WriteLine();
Console.WriteLine("Bare values not reported:");
foreach (var r in measured.Where(r => r.Case.Label == "bare" && !r.Reported))
{
    Console.WriteLine($"  {r.Case.Id}  {r.IdText}   [{r.Case.Why}]");
}

Console.WriteLine("Specific ids warned:");
foreach (var r in measured.Where(r => r.Case.Label == "specific" && r.Reported))
{
    Console.WriteLine($"  {r.Case.Id}  {string.Join(",", r.Diagnostics)}  {r.IdText}   [{r.Case.Why}]");
}

Console.WriteLine("Volatile values and constants not reported:");
foreach (var r in measured.Where(r => r.Case.Label is "volatile" or "constant" && !r.Reported))
{
    Console.WriteLine($"  {r.Case.Id}  {r.Case.Label}  {r.IdText}");
}

return broken.Count + readErrors.Count == 0 ? 0 : 1;

/// <summary>One labelled dedup id: C# code with one send whose options carry the id, and where it came from.</summary>
internal sealed record Case(string Id, string Src, string Lang, string Family, string Label, string Why, string Code, string? File = null)
{
    public static readonly string[] Labels = ["bare", "specific", "volatile", "constant"];

    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return "the case has no id";
        }

        if (!Labels.Contains(Label))
        {
            return $"case {Id}: label '{Label}' is none of {string.Join(", ", Labels)}";
        }

        return string.IsNullOrWhiteSpace(Code) ? $"case {Id}: no code" : null;
    }
}

internal static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
}

internal sealed record Result(Case Case, string[] Errors, string[] Diagnostics, string IdText)
{
    /// <summary>
    /// Whether the rule reported what the label calls for (for specific ids: whether it warned at all). INNG3019, the
    /// information that an id falls back to a new value, is neither a warning nor a report of a volatile value: counted apart.
    /// </summary>
    public bool Reported => Case.Label switch
    {
        "bare" => Diagnostics.Contains("INNG3002"),
        "volatile" => Diagnostics.Contains("INNG3003") || Diagnostics.Contains("INNG3016"),
        "constant" => Diagnostics.Contains("INNG3001"),
        _ => Diagnostics.Any(d => d is "INNG3001" or "INNG3002" or "INNG3003"),
    };
}

internal static class Figures
{
    public static string Row(string name, List<Result> results)
        => $"| {name} | {results.Count} | {Count(results, "bare")} | {Count(results, "specific")} | {Count(results, "volatile")} | {Count(results, "constant")} | {results.Count(r => r.Diagnostics.Contains("INNG3019"))} |";

    private static string Count(List<Result> results, string label)
    {
        var of = results.Where(r => r.Case.Label == label).ToList();
        var reported = of.Count(r => r.Reported);
        return of.Count == 0 ? "-" : $"{reported}/{of.Count} ({100.0 * reported / of.Count:0.0} %)";
    }
}

/// <summary>Compiles one case as its own app would be: the runtime referenced, the event generator run, then every analyzer.</summary>
internal static class CaseCompiler
{
    private static readonly string[] RuleIds = ["INNG3001", "INNG3002", "INNG3003", "INNG3016", "INNG3019"];

    private static readonly MetadataReference[] References = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location))
        .ToArray();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(EventGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Inngest.Events;

        """;

    public static Result Run(Case c, bool analyze)
    {
        // A case's own using directives go first; the rest is put in a namespace of its own.
        var lines = c.Code.Replace("\r\n", "\n").Split('\n');
        var usings = lines.Where(l => l.TrimStart().StartsWith("using ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';')).ToList();
        var body = lines.Where(l => !usings.Contains(l));
        var text = Usings + string.Join("\n", usings) + $"\nnamespace Corpus.Case_{Safe(c.Id)};\n\n" + string.Join("\n", body) + "\n";
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"{c.Id}.cs");
        var compilation = CSharpCompilation.Create(
            "Case_" + Safe(c.Id),
            [tree],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // As the .NET SDK does: the runtime references net8.0 assemblies, the case compiles against net10.0.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
        var driver = CSharpGeneratorDriver.Create([new EventGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = output.GetDiagnostics().Concat(generatorDiagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1 - LineOffset(text, body)}: {d.GetMessage()}")
            .Distinct()
            .ToArray();
        var idText = DedupIdText(tree);
        if (errors.Length > 0 || !analyze)
        {
            return new Result(c, errors, [], idText);
        }

        var found = output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => RuleIds.Contains(d.Id) && d.Location.SourceTree == tree)
            .Select(d => d.Id)
            .Distinct()
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToArray();
        return new Result(c, [], found, idText);
    }

    private static int LineOffset(string text, IEnumerable<string> body)
    {
        var first = body.FirstOrDefault(l => l.Length > 0);
        if (first is null)
        {
            return 0;
        }

        var index = text.IndexOf(first, StringComparison.Ordinal);
        return index < 0 ? 0 : text[..index].Count(ch => ch == '\n');
    }

    /// <summary>The text of the (first) <c>Id = ...</c> initializer or template, for the lists of misses.</summary>
    private static string DedupIdText(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        var assignment = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "Id" });
        if (assignment is not null)
        {
            return assignment.Right.ToString().ReplaceLineEndings(" ");
        }

        var argument = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeArgumentSyntax>()
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Id");
        return argument?.Expression.ToString() ?? "?";
    }

    private static string Safe(string id) => new(id.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray());
}
