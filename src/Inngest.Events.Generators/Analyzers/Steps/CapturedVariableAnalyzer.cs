using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Steps;

/// <summary>
/// Reports a local or parameter of a function declared outside a <c>step.RunAsync</c> delegate and assigned inside it:
/// on replay the delegate does not run, so the assignment is lost, whether or not the function reads the variable later.
/// Assignments of every kind count: <c>=</c>, compound, <c>??=</c>, <c>++</c>/<c>--</c>, deconstruction and
/// <c>out</c>/<c>ref</c> arguments.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CapturedVariableAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CapturedVariableAssignedInStep);

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

            start.RegisterOperationAction(
                ctx => Analyze(ctx, symbols),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment,
                OperationKind.Increment,
                OperationKind.Decrement,
                OperationKind.DeconstructionAssignment,
                OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, InngestSymbols symbols)
    {
        if (context.Operation is IInvocationOperation invocation)
        {
            // out and ref arguments write their variables too.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    Analyze(context, symbols, argument.Value);
                }
            }

            return;
        }

        var target = context.Operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            _ => null,
        };
        if (target is not null)
        {
            Analyze(context, symbols, target);
        }
    }

    private static void Analyze(OperationAnalysisContext context, InngestSymbols symbols, IOperation target)
    {
        if (!IsInsideLambdaOrLocalFunction(context.Operation))
        {
            return;
        }

        FunctionBody? body = null;
        foreach (var reference in Targets(target))
        {
            var variable = reference switch
            {
                ILocalReferenceOperation { IsDeclaration: false } local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (variable is null)
            {
                continue;
            }

            body ??= FunctionBody.Of(context.Operation, symbols);
            if (body.EnclosingStep(context.Operation) is not { } step)
            {
                return;
            }

            // A variable of the code around the function (a test counting how often a step runs) is not the function's state.
            if (FunctionBody.FunctionOf(step.Run) is { } function
                && body.IsDeclaredWithin(variable, function)
                && body.IsDeclaredOutside(variable, step))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.CapturedVariableAssignedInStep,
                    reference.Syntax.GetLocation(),
                    StepCalls.Capitalize(step.Describe()),
                    variable.Name));
            }
        }
    }

    /// <summary>The variables an assignment writes: the target, or each element of a deconstruction's tuple.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Targets(IOperation target)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                foreach (var inner in Targets(element))
                {
                    yield return inner;
                }
            }
        }
        else
        {
            yield return target;
        }
    }

    private static bool IsInsideLambdaOrLocalFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
