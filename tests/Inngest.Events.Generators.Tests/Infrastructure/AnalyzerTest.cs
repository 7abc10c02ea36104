using Inngest.Events.Generators.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>
/// An analyzer (and code fix) test the way a user's build sees it: net10.0 reference assemblies (no download), the
/// Inngest.Events runtime, the event generator (so [Event] types implement IEventData&lt;T&gt; and the sends compile),
/// nullable enabled, and optional .editorconfig lines. Generated sources are not compared; the analyzers skip them.
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public AnalyzerTest(bool withRuntime = true)
    {
        WithRuntime = withRuntime;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        if (withRuntime)
        {
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location));
        }

        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                // The .NET SDK passes NoWarn CS1701;CS1702: the runtime references net8.0 assemblies, the tests compile against net10.0.
                .WithSpecificDiagnosticOptions(project.CompilationOptions!.SpecificDiagnosticOptions
                    .SetItem("CS1701", ReportDiagnostic.Suppress)
                    .SetItem("CS1702", ReportDiagnostic.Suppress));
            solution = solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
            return AssemblyName is null ? solution : solution.WithProjectAssemblyName(projectId, AssemblyName);
        });
    }

    public bool WithRuntime { get; }

    /// <summary>Overrides the test project's assembly name.</summary>
    public string? AssemblyName { get; init; }

    /// <summary>Lines under <c>[*.cs]</c> of an .editorconfig next to the sources.</summary>
    public string? EditorConfig
    {
        init
        {
            if (value is not null)
            {
                TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\n{value}\n"));
            }
        }
    }

    protected override IEnumerable<Type> GetSourceGenerators()
        => WithRuntime ? [typeof(EventGenerator)] : [];
}
