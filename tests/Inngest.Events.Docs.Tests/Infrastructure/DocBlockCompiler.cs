using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>
/// Compiles a documentation block in its context as a user's build would: C# latest with nullable enabled and the
/// SDK's warning waves, against the runtime assemblies and the ASP.NET Core shared framework, with the package's
/// generators and every analyzer it ships. Diagnostics are mapped back to the Markdown file and line (<c>#line</c>).
/// </summary>
internal static class DocBlockCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Assembly GeneratorAssembly = Assembly.Load("Inngest.Events.Generators");

    /// <summary>The assemblies of the test process that a user's web app would reference: the shared frameworks and
    /// the runtime packages with their dependencies; not the test framework, Roslyn, or the analyzer assemblies.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() => Create(testCode: false));

    /// <summary>The same, plus xUnit's assemblies, for the blocks of a test-code context (a user's test project).</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> TestCodeReferences = new(() => Create(testCode: true));

    private static ImmutableArray<MetadataReference> Create(bool testCode)
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !IsTestOrToolingAssembly(Path.GetFileNameWithoutExtension(path)) || (testCode && IsXunit(Path.GetFileNameWithoutExtension(path))))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> Generators = new(() =>
        GeneratorAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t, nonPublic: true)!).AsSourceGenerator())
            .ToImmutableArray());

    /// <summary>Every analyzer the package ships.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers => Analyzers.Value;

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        GeneratorAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray());

    /// <summary>How many generators and analyzers run over each block (a test checks that they were found).</summary>
    public static (int Generators, int Analyzers) Tooling => (Generators.Value.Length, Analyzers.Value.Length);

    /// <summary>Compiles <paramref name="block"/> in the context its marker names.</summary>
    public static Task<DocBlockResult> CompileAsync(MarkdownCodeBlock block)
    {
        var name = block.Marker?.Context
            ?? throw new InvalidOperationException($"{block.Id} has no compile marker.");
        return CompileAsync(block, CompileContext.Load(name));
    }

    /// <summary>Compiles <paramref name="block"/> in <paramref name="context"/>.</summary>
    public static async Task<DocBlockResult> CompileAsync(MarkdownCodeBlock block, CompileContext context)
    {
        var parsed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, ParseOptions).GetRoot();
        var statements = parsed.Members.Where(m => m is GlobalStatementSyntax && !IsMember(m)).ToList();
        var members = parsed.Members
            .Where(m => IsMember(m) || m is not (GlobalStatementSyntax or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax))
            .ToList();
        if (statements.Count > 0 && !context.Has(CompileContext.StatementsSlot))
        {
            throw new InvalidOperationException($"{block.Id} has statements, but the context '{context.Name}' has no '{CompileContext.StatementsSlot}' line for them.");
        }

        if (members.Count > 0 && !context.Has(CompileContext.MembersSlot))
        {
            throw new InvalidOperationException($"{block.Id} has members outside a type (methods, fields or attribute lists), but the context '{context.Name}' has no '{CompileContext.MembersSlot}' line for them.");
        }

        var blockTree = CSharpSyntaxTree.ParseText(
            $"#line {block.FirstCodeLine} \"{block.File}\"\n" + Blank(block.Code, statements.Concat(members)),
            ParseOptions,
            path: block.File,
            encoding: Encoding.UTF8);
        var contextTree = CSharpSyntaxTree.ParseText(
            Fill(context, block, parsed.Usings, statements, members),
            ParseOptions,
            path: context.Path,
            encoding: Encoding.UTF8);
        SyntaxTree[] trees = [contextTree, blockTree];
        var isProgram = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "DocsBlock",
            trees,
            context.IsTestCode ? TestCodeReferences.Value : References.Value,
            new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                // The .NET SDK passes NoWarn CS1701;CS1702 to every build.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        ImmutableArray<AdditionalText> additionalFiles = block.Marker?.Lock is { } lockName ? [LockFixture.Load(lockName)] : [];
        CSharpGeneratorDriver.Create(Generators.Value, additionalTexts: additionalFiles, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var all = await output.WithAnalyzers(Analyzers.Value, new AnalyzerOptions(additionalFiles)).GetAllDiagnosticsAsync();
        var shown = generatorDiagnostics.Concat(all)
            .Where(d => d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .Distinct()
            .ToArray();
        var result = new DocBlockResult(shown, trees);
        return result with
        {
            Diagnostics = shown
                .OrderBy(d => result.MappedSpan(d.Location).Path, StringComparer.Ordinal)
                .ThenBy(d => result.MappedSpan(d.Location).StartLinePosition)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToArray(),
        };
    }

    /// <summary>
    /// A method or field written at the top of a block (<c>public static Task SendWelcome(...) => ...;</c>,
    /// <c>private const string Area = "crm";</c>) parses as a top-level local function or local constant; the modifiers
    /// say it is meant as a member of the class around it.
    /// </summary>
    private static bool IsMember(MemberDeclarationSyntax node) => node is GlobalStatementSyntax { Statement: var statement }
        && (statement is LocalFunctionStatementSyntax
            || (statement is LocalDeclarationStatementSyntax declaration && declaration.Modifiers.Any(m => m.Kind()
                is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword)));

    /// <summary>The block with the moved nodes replaced by spaces, so every remaining character keeps its line and column.</summary>
    private static string Blank(string code, IEnumerable<SyntaxNode> moved)
    {
        var text = code.ToCharArray();
        foreach (var node in moved)
        {
            for (var i = node.FullSpan.Start; i < node.FullSpan.End; i++)
            {
                if (text[i] is not ('\r' or '\n'))
                {
                    text[i] = ' ';
                }
            }
        }

        return new string(text);
    }

    /// <summary>The context with its slot lines replaced by the block's nodes, each under a <c>#line</c> to its Markdown line.</summary>
    /// <remarks>The block's own using directives go after the context's global usings too, since they must reach its moved statements.</remarks>
    private static string Fill(
        CompileContext context,
        MarkdownCodeBlock block,
        IReadOnlyList<UsingDirectiveSyntax> usings,
        IReadOnlyList<MemberDeclarationSyntax> statements,
        IReadOnlyList<MemberDeclarationSyntax> members)
    {
        var lines = context.Text.ReplaceLineEndings("\n").Split('\n');
        var lastGlobalUsing = Array.FindLastIndex(lines, line => line.StartsWith("global using ", StringComparison.Ordinal));
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == lastGlobalUsing + 1 && usings.Count > 0)
            {
                Insert(usings, i);
            }

            var slot = lines[i].Trim() switch
            {
                CompileContext.StatementsSlot => statements,
                CompileContext.MembersSlot => members,
                _ => null,
            };
            if (slot is null)
            {
                text.Append(lines[i]).Append('\n');
                continue;
            }

            Insert(slot, i + 1);
        }

        return text.ToString();

        void Insert(IEnumerable<SyntaxNode> nodes, int nextLineIndex)
        {
            foreach (var node in nodes)
            {
                var line = node.SyntaxTree.GetLineSpan(node.FullSpan).StartLinePosition.Line;
                text.Append($"#line {block.FirstCodeLine + line} \"{block.File}\"\n");
                text.Append(node.ToFullString().TrimEnd('\n', '\r')).Append('\n');
            }

            text.Append($"#line {nextLineIndex + 1} \"{context.Path}\"\n");
        }
    }

    /// <summary>xUnit's own assemblies (what a test project compiles against), not its runners.</summary>
    private static bool IsXunit(string? name) => name is "xunit.core" or "xunit.assert" or "xunit.abstractions";

    private static bool IsTestOrToolingAssembly(string? name)
        => name is null
            || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.TestPlatform", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.VisualStudio.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || name.StartsWith("NuGet.", StringComparison.Ordinal)
            || name.StartsWith("Newtonsoft.", StringComparison.Ordinal)
            || name is "Inngest.Events.Generators" or "Inngest.Events.CodeFixes" or "Inngest.Events.Docs.Tests";
}
