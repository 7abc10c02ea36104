using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Steps;

/// <summary>
/// Reports a step tool called inside the delegate of a <c>step.RunAsync</c> (directly, in a lambda within it, or in a
/// local function called only from it). Inngest memoizes the outer step as a whole; the inner one is not a step.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NestedStepAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NestedStep);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { StepTools: not null } symbols)
            {
                return;
            }

            start.RegisterOperationAction(ctx => Analyze(ctx, symbols), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, InngestSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!symbols.IsStepTool(invocation.TargetMethod) || FunctionBody.Of(invocation, symbols).EnclosingStep(invocation) is not { } outer)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.NestedStep,
            invocation.Syntax.GetLocation(),
            StepCalls.Capitalize(StepCalls.Describe(invocation)),
            outer.Describe()));
    }
}
