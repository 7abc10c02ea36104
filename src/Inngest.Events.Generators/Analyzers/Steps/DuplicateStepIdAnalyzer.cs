using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Steps;

/// <summary>
/// Reports a constant step id that two step calls of one function use (INNG3017), a warning when the two run in
/// parallel (INNG3018): both in the arguments of one <c>Task.WhenAll</c>/<c>Task.WhenAny</c>, or stored in variables that
/// one of those awaits. Calls in loops, lambdas and local functions repeat one call site, which the runtime numbers, and
/// calls in different branches of an <c>if</c> or <c>switch</c> never both run; neither is reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateStepIdAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateStepId,
        DiagnosticDescriptors.DuplicateStepIdInParallel);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { StepTools: not null, FunctionAttribute: not null } symbols)
            {
                return;
            }

            start.RegisterOperationBlockAction(ctx => Analyze(ctx, symbols));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, InngestSymbols symbols)
    {
        if (context.OwningSymbol is not IMethodSymbol function || !symbols.IsFunction(function))
        {
            return;
        }

        var body = new FunctionBody(symbols, [.. context.OperationBlocks]);
        var sites = new Dictionary<string, List<(IInvocationOperation Call, IOperation Id)>>(System.StringComparer.Ordinal);
        foreach (var operation in body.Operations)
        {
            if (operation is IInvocationOperation invocation
                && symbols.IsStepTool(invocation.TargetMethod)
                && StepCalls.IdArgument(invocation) is { ConstantValue: { HasValue: true, Value: string id } } idArgument
                && RunsOnce(invocation))
            {
                if (!sites.TryGetValue(id, out var list))
                {
                    sites[id] = list = [];
                }

                list.Add((invocation, idArgument));
            }
        }

        foreach (var pair in sites)
        {
            var list = pair.Value;
            if (list.Count < 2)
            {
                continue;
            }

            for (var j = 1; j < list.Count; j++)
            {
                (IInvocationOperation Call, IOperation Id)? first = null;
                var parallel = false;
                for (var i = 0; i < j; i++)
                {
                    if (AreExclusive(list[i].Call, list[j].Call))
                    {
                        continue;
                    }

                    var isParallel = InParallel(body, symbols, list[i].Call, list[j].Call);
                    if (first is null || (isParallel && !parallel))
                    {
                        first = list[i];
                        parallel = isParallel;
                    }
                }

                if (first is not { } earlier)
                {
                    continue;
                }

                var line = (earlier.Id.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
                context.ReportDiagnostic(Diagnostic.Create(
                    parallel ? DiagnosticDescriptors.DuplicateStepIdInParallel : DiagnosticDescriptors.DuplicateStepId,
                    list[j].Id.Syntax.GetLocation(),
                    [earlier.Id.Syntax.GetLocation()],
                    pair.Key,
                    line,
                    function.ContainingType.Name + "." + function.Name));
            }
        }
    }

    /// <summary>Whether a call site runs at most once per run: it is not in a loop, a lambda or a local function.</summary>
    private static bool RunsOnce(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two operations are in different branches of one <c>if</c>, <c>?:</c>, <c>switch</c> or switch expression.</summary>
    private static bool AreExclusive(IOperation a, IOperation b)
    {
        var ancestorsOfA = new Dictionary<IOperation, IOperation>();
        for (IOperation child = a, current = a.Parent!; current is not null; child = current, current = current.Parent!)
        {
            ancestorsOfA[current] = child;
        }

        for (IOperation child = b, current = b.Parent!; current is not null; child = current, current = current.Parent!)
        {
            if (!ancestorsOfA.TryGetValue(current, out var childOfA))
            {
                continue;
            }

            // current is the nearest common ancestor; childOfA and child are the branches the two are in.
            return current switch
            {
                IConditionalOperation conditional => childOfA != child && childOfA != conditional.Condition && child != conditional.Condition,
                ISwitchOperation => childOfA != child && childOfA is ISwitchCaseOperation && child is ISwitchCaseOperation,
                ISwitchExpressionOperation => childOfA != child && childOfA is ISwitchExpressionArmOperation && child is ISwitchExpressionArmOperation,
                _ => false,
            };
        }

        return false;
    }

    private static bool InParallel(FunctionBody body, InngestSymbols symbols, IInvocationOperation a, IInvocationOperation b)
    {
        var groupsOfA = ParallelGroups(body, symbols, a);
        if (groupsOfA.Count == 0)
        {
            return false;
        }

        foreach (var group in ParallelGroups(body, symbols, b))
        {
            if (groupsOfA.Contains(group))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>Task.WhenAll</c>/<c>WhenAny</c> calls a step's task goes into: directly as an argument (or inside one), or
    /// through a local it is stored in (<c>var a = step.RunAsync(...)</c>, <c>tasks.Add(step.RunAsync(...))</c>).
    /// </summary>
    private static HashSet<SyntaxNode> ParallelGroups(FunctionBody body, InngestSymbols symbols, IInvocationOperation call)
    {
        var groups = new HashSet<SyntaxNode>();
        var local = WalkToStatement(call, symbols, groups);
        if (local is null)
        {
            return groups;
        }

        foreach (var operation in body.Operations)
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                WalkToStatement(reference, symbols, groups);
            }
        }

        return groups;
    }

    /// <summary>Walks up to the enclosing statement, collecting WhenAll/WhenAny calls; returns the local the value is stored in, if any.</summary>
    private static ILocalSymbol? WalkToStatement(IOperation operation, InngestSymbols symbols, HashSet<SyntaxNode> groups)
    {
        ILocalSymbol? stored = null;
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" or "WhenAny" } method } when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Task):
                    groups.Add(current.Syntax);
                    break;
                case IInvocationOperation { Instance: ILocalReferenceOperation target } invocation when invocation.Instance != child:
                    stored ??= target.Local;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == child:
                    stored ??= target.Local;
                    break;
                case IVariableDeclaratorOperation declarator:
                    stored ??= declarator.Symbol;
                    return stored;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IBlockOperation:
                    return stored;
            }

            if (current is IExpressionStatementOperation or IReturnOperation)
            {
                return stored;
            }
        }

        return stored;
    }
}
