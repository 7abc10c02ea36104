using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>Whether a fix can put <c>await step.Xxx(...)</c> where an operation is.</summary>
internal static class StepPlacement
{
    /// <summary>
    /// True when <paramref name="stepTools"/> can be used at <paramref name="operation"/> (it is in scope, not shadowed,
    /// and not cut off by a static lambda or local function) and, when <paramref name="needsAwait"/>, an <c>await</c> can be
    /// written there (the innermost method, lambda or local function is async, and it is not in a lock, a catch filter or an
    /// expression tree).
    /// </summary>
    public static bool CanAwaitStepAt(IOperation operation, IMethodSymbol function, IParameterSymbol stepTools, bool needsAwait)
    {
        var isAsync = function.IsAsync;
        var innermostFound = false;
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            IMethodSymbol? nested = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (nested is not null)
            {
                if (nested.IsStatic || IsExpressionTree(current))
                {
                    return false;
                }

                if (!innermostFound)
                {
                    innermostFound = true;
                    isAsync = nested.IsAsync;
                }

                continue;
            }

            if (!innermostFound && (current is ILockOperation || (current is ICatchClauseOperation clause && clause.Filter == child)))
            {
                return false;
            }
        }

        if (needsAwait && !isAsync)
        {
            return false;
        }

        if (operation.SemanticModel is not { } model)
        {
            return false;
        }

        var found = model.LookupSymbols(operation.Syntax.SpanStart, name: stepTools.Name);
        return found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], stepTools);
    }

    private static bool IsExpressionTree(IOperation lambda)
        => lambda.Parent is { Type: INamedTypeSymbol { Name: "Expression", ContainingNamespace: { Name: "Expressions", ContainingNamespace.Name: "Linq" } } };
}
