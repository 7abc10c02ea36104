using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Steps;

/// <summary>
/// Reports a step call or a client send whose task is thrown away: a statement of its own (also as the body of a lambda
/// that returns nothing) or assigned to <c>_</c>. A task that is stored, passed on or returned is someone else's to await.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskNotAwaitedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TaskNotAwaited);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { } symbols || (symbols.StepTools is null && symbols.Client is null))
            {
                return;
            }

            start.RegisterOperationAction(ctx => Analyze(ctx, symbols), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, InngestSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        string subject;
        if (symbols.IsStepTool(invocation.TargetMethod))
        {
            subject = StepCalls.Describe(invocation);
        }
        else if (symbols.IsClientSend(invocation.TargetMethod))
        {
            subject = "the client's SendAsync";
        }
        else
        {
            return;
        }

        if (StepCalls.IsDiscarded(invocation))
        {
            // At the whole expression, which is the `x?.Method()` around a conditional call.
            var location = StepCalls.SkipConversions(invocation).Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TaskNotAwaited, location, subject));
        }
    }
}
