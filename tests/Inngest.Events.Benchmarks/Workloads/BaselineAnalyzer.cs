using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Table 2's baseline: an analyzer that registers the action kinds our analyzers register (a compilation start with
/// symbol actions on methods and named types, operation actions on invocations and assignments, operation blocks and
/// a compilation end) and does nothing in them. Compile + this analyzer minus compile alone is the analyzer driver's
/// own cost for those kinds (building IOperation trees, the event queue), which our analyzers' overhead is set against.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "MicrosoftCodeAnalysisCorrectness",
    "RS1001:Missing diagnostic analyzer attribute",
    Justification = "Not a compiler extension: the benchmark hands an instance to CompilationWithAnalyzers; the attribute would make the build treat this net10.0 assembly as an analyzer assembly (RS1036, RS1041).")]
internal sealed class BaselineAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// One of our descriptors, never reported: the driver skips an analyzer without enabled diagnostics. (Handed to
    /// CompilationWithAnalyzers directly, so it needs no [DiagnosticAnalyzer] attribute.)
    /// </summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [new Generators.Analyzers.EventNames.EventNameAnalyzer().SupportedDiagnostics[0]];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            start.RegisterSymbolAction(static _ => { }, SymbolKind.Method, SymbolKind.NamedType);
            start.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            start.RegisterOperationBlockAction(static _ => { });
            start.RegisterCompilationEndAction(static _ => { });
        });
    }
}
