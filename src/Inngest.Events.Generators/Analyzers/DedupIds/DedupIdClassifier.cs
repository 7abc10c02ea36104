using System;
using System.Collections.Generic;
using System.Threading;
using Inngest.Events.Generators.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// Classifies the expression given as a dedup id, following locals that are assigned once within the method to see
/// what they hold (data flow light). Anything it cannot see through is <see cref="DedupIdKind.Unknown"/>.
/// </summary>
internal sealed class DedupIdClassifier(InngestSymbols symbols, VolatileSources volatileSources, CancellationToken cancellationToken)
{
    private const int MaxDepth = 8;

    public DedupIdValue Classify(IOperation value)
    {
        if (FindVolatile(value, 0, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)) is { } source)
        {
            return new(DedupIdKind.Volatile, source);
        }

        var resolved = Resolve(value, 0);
        if (resolved.ConstantValue.HasValue)
        {
            return resolved.ConstantValue.Value is string text ? new(DedupIdKind.Constant, text) : default;
        }

        return IsBare(resolved, 0) ? new(DedupIdKind.BareEntity) : default;
    }

    private string? FindVolatile(IOperation operation, int depth, HashSet<ILocalSymbol> visited)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (volatileSources.Describe(node) is { } source)
            {
                return source;
            }

            if (node is ILocalReferenceOperation local
                && depth < MaxDepth
                && visited.Add(local.Local)
                && SingleInitializer(local) is { } initializer
                && FindVolatile(initializer, depth + 1, visited) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>Looks through implicit conversions and locals assigned once.</summary>
    private IOperation Resolve(IOperation operation, int depth)
    {
        while (depth++ < MaxDepth)
        {
            if (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }
            else if (operation is ILocalReferenceOperation local && !operation.ConstantValue.HasValue && SingleInitializer(local) is { } initializer)
            {
                operation = initializer;
            }
            else
            {
                break;
            }
        }

        return operation;
    }

    private bool IsBare(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        operation = Resolve(operation, depth);
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return !NamesTheIdItself(parameter.Parameter.Name);

            case IPropertyReferenceOperation property:
                return IsEntityMember(property) && IsEntity(property.Instance, depth + 1);

            case IConditionalAccessOperation conditional:
                return IsBare(conditional.WhenNotNull, depth + 1);

            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                return IsBare(instance, depth + 1);

            case IInterpolatedStringOperation interpolated:
                var holes = 0;
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text when !HasLetter(text.Text.ConstantValue.Value as string):
                            break;
                        case IInterpolationOperation hole when IsBare(hole.Expression, depth + 1):
                            holes++;
                            break;
                        default:
                            return false;
                    }
                }

                return holes > 0;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary:
                var values = 0;
                foreach (var operand in new[] { binary.LeftOperand, binary.RightOperand })
                {
                    var resolved = Resolve(operand, depth + 1);
                    if (resolved.ConstantValue.HasValue)
                    {
                        if (HasLetter(resolved.ConstantValue.Value as string))
                        {
                            return false;
                        }
                    }
                    else if (IsBare(resolved, depth + 1))
                    {
                        values++;
                    }
                    else
                    {
                        return false;
                    }
                }

                return values > 0;

            default:
                return false;
        }
    }

    /// <summary>The object an entity value is read from: a parameter, a local, or a property chain on one.</summary>
    private bool IsEntity(IOperation? instance, int depth)
    {
        switch (instance)
        {
            case IConversionOperation { IsImplicit: true } conversion:
                return IsEntity(conversion.Operand, depth);
            case IParameterReferenceOperation or ILocalReferenceOperation:
                return true;
            case IPropertyReferenceOperation property when depth < MaxDepth:
                return !property.Property.IsStatic && IsEntity(property.Instance, depth + 1);
            case IConditionalAccessInstanceOperation:
                for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return IsEntity(access.Operation, depth + 1);
                    }
                }

                return false;
            default:
                // Fields, `this`, helper calls: where the value comes from is not visible here.
                return false;
        }
    }

    private bool IsEntityMember(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.IsStatic || property.IsIndexer || NamesTheIdItself(property.Name))
        {
            return false;
        }

        // Forwarding an event's own id (incoming.Id, options.Id) passes on a complete dedup id.
        var owner = property.ContainingType?.OriginalDefinition;
        return property.Name != "Id"
            || !(SymbolEqualityComparer.Default.Equals(owner, symbols.InngestEvent) || SymbolEqualityComparer.Default.Equals(owner, symbols.EventOptions));
    }

    /// <summary>A name that says the value already is a dedup id (<c>id</c>, <c>dedupId</c>, <c>idempotencyKey</c>).</summary>
    private static bool NamesTheIdItself(string name)
        => name.Equals("id", StringComparison.OrdinalIgnoreCase)
            || name.Equals("key", StringComparison.OrdinalIgnoreCase)
            || name.Equals("eventId", StringComparison.OrdinalIgnoreCase)
            || name.IndexOf("dedup", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("idempot", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool HasLetter(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The initializer of a local declared with one (<c>var id = ...;</c>) and never written again in the method;
    /// null for anything else (no initializer, foreach and pattern variables, reassigned, ref or out uses).
    /// </summary>
    private IOperation? SingleInitializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsConst || local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } valueSyntax }
            || valueSyntax.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var root = (IOperation)reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var node in root.Descendants())
        {
            if (node is ILocalReferenceOperation use && SymbolEqualityComparer.Default.Equals(use.Local, local) && IsWrite(use))
            {
                return null;
            }
        }

        return model.GetOperation(valueSyntax, cancellationToken);
    }

    private static bool IsWrite(ILocalReferenceOperation use)
    {
        IOperation child = use;
        var parent = use.Parent;
        while (parent is ITupleOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IAssignmentOperation assignment => ReferenceEquals(assignment.Target, child),
            IIncrementOrDecrementOperation => true,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            _ => false,
        };
    }
}
