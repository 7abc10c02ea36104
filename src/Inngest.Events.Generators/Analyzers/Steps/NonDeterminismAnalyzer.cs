using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Steps;

/// <summary>
/// Reports values that differ on every call (the clock, <c>Guid.NewGuid()</c>, <c>Random</c>, <c>Stopwatch</c>,
/// <c>Environment.TickCount</c>, <c>TimeProvider.GetUtcNow()</c>) in an Inngest function outside any step: Inngest calls
/// the function again for every step, so each call sees another value. The fix wraps the expression in a step.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NonDeterminismAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonDeterministicOutsideStep);

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

            var sources = symbols.VolatileSources;
            start.RegisterOperationBlockAction(ctx => Analyze(ctx, symbols, sources));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, InngestSymbols symbols, VolatileSources sources)
    {
        if (context.OwningSymbol is not IMethodSymbol function || !symbols.IsFunction(function))
        {
            return;
        }

        var body = new FunctionBody(symbols, [.. context.OperationBlocks]);
        List<(IOperation Expression, string Source)>? found = null;
        var stepIds = new StepIdAllocator();
        foreach (var operation in body.Operations)
        {
            if (operation is IInvocationOperation invocation && symbols.IsStepTool(invocation.TargetMethod) && StepCalls.ConstantId(invocation) is { } id)
            {
                stepIds.Reserve(id);
            }

            if (operation.Kind is OperationKind.PropertyReference or OperationKind.Invocation or OperationKind.ObjectCreation
                && sources.DescribeSource(operation) is { } source
                && body.EnclosingStep(operation) is null
                && !IsInExpressionTree(operation))
            {
                (found ??= []).Add((Extend(operation), source));
            }
        }

        if (found is null)
        {
            return;
        }

        var stepTools = symbols.GetStepToolsParameter(function);
        foreach (var (expression, source) in found)
        {
            // A source inside another one's expression (new Random(Environment.TickCount).Next()) goes into that one's
            // step; a step of its own there would put an await in the step's delegate.
            var nested = IsInsideAnother(expression, found);
            var stepId = nested ? Slug(expression) : stepIds.Allocate(Slug(expression));
            var fixable = !nested
                && stepTools is not null
                && IsStoredByTheRuntime(expression.Type)
                && StepPlacement.CanAwaitStepAt(expression, function, stepTools, needsAwait: true);
            var properties = fixable
                ? ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticPropertyNames.StepTools, stepTools!.Name)
                    .Add(DiagnosticPropertyNames.StepId, stepId)
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NonDeterministicOutsideStep,
                expression.Syntax.GetLocation(),
                properties,
                source,
                function.ContainingType.Name + "." + function.Name,
                stepId));
        }
    }

    private static bool IsInsideAnother(IOperation expression, List<(IOperation Expression, string Source)> found)
    {
        var span = expression.Syntax.Span;
        foreach (var (other, _) in found)
        {
            if (other != expression && other.Syntax.Span.Contains(span) && other.Syntax.Span != span)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The whole member chain that starts with the source (<c>DateTime.UtcNow.AddDays(1)</c>,
    /// <c>Guid.NewGuid().ToString("N")</c>), which is what a step should return.
    /// </summary>
    private static IOperation Extend(IOperation source)
    {
        var current = source;
        while (true)
        {
            switch (current.Parent)
            {
                case IInvocationOperation invocation when invocation.Instance == current:
                case IPropertyReferenceOperation property when property.Instance == current:
                case IFieldReferenceOperation field when field.Instance == current:
                    current = current.Parent;
                    continue;
                default:
                    return current;
            }
        }
    }

    /// <summary>A step id from the chain's member names: <c>utc-now</c>, <c>new-guid-to-string</c>, <c>random-next</c>.</summary>
    internal static string Slug(IOperation expression)
    {
        var names = new List<string>();
        for (var current = expression; current is not null;)
        {
            switch (current)
            {
                case IInvocationOperation invocation:
                    names.Add(TrimGet(invocation.TargetMethod.Name));
                    current = invocation.Instance;
                    break;
                case IPropertyReferenceOperation { Property: { ContainingType.Name: "Random", Name: "Shared" } }:
                    names.Add("Random");
                    current = null;
                    break;
                case IPropertyReferenceOperation property:
                    names.Add(property.Property.Name);
                    current = property.Instance;
                    break;
                case IFieldReferenceOperation field:
                    names.Add(field.Field.Name);
                    current = field.Instance;
                    break;
                case IObjectCreationOperation creation:
                    names.Add(creation.Type?.Name ?? "value");
                    current = null;
                    break;
                default:
                    current = null;
                    break;
            }
        }

        names.Reverse();
        var slug = NameWords.Join(string.Join("-", names), "-");
        return slug.Length > 0 ? slug : "value";
    }

    private static string TrimGet(string name)
        => name.Length > 3 && name.StartsWith("Get", System.StringComparison.Ordinal) && char.IsUpper(name[3]) ? name.Substring(3) : name;

    /// <summary>The types a step result is stored as without generated code (the runtime's built-in ones).</summary>
    private static bool IsStoredByTheRuntime(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return RuntimeStepTypes.IsBuiltIn(type);
    }

    private static bool IsInExpressionTree(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation
                && current.Parent is { Type: INamedTypeSymbol { Name: "Expression", ContainingNamespace: { Name: "Expressions", ContainingNamespace.Name: "Linq" } } })
            {
                return true;
            }
        }

        return false;
    }
}
