using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// The event a dedup id is set for, and the data it is sent with when the code shows it: the T and the argument of
/// <c>new Event&lt;T&gt;(data) { Id = ... }</c>, the envelope of <c>evt with { Id = ... }</c>, or the TData and data
/// argument of the send that the <c>EventOptions</c> go to. Messages use it to suggest an id made of the event's own slug
/// and one of its members.
/// </summary>
internal readonly record struct SentEvent(ITypeSymbol? Type, IOperation? Data, string? DataText)
{
    /// <summary>The example of messages that know nothing about the event.</summary>
    public const string GenericSuggestion = "$\"invoice-paid-{invoiceId}\"";

    public static SentEvent Of(ISimpleAssignmentOperation assignment, InngestSymbols symbols)
    {
        if (assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: { } owner })
        {
            return default;
        }

        if (owner.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } envelope
            && SymbolEqualityComparer.Default.Equals(envelope.OriginalDefinition, symbols.EventEnvelope))
        {
            return owner switch
            {
                IObjectCreationOperation { Arguments.Length: 1 } creation => new(envelope.TypeArguments[0], creation.Arguments[0].Value, null),
                IWithOperation { Operand.Syntax: var operand } => new(envelope.TypeArguments[0], null, IsSimple(operand) ? operand + ".Data" : null),
                _ => new(envelope.TypeArguments[0], null, null),
            };
        }

        if (!SymbolEqualityComparer.Default.Equals(owner.Type, symbols.EventOptions))
        {
            return default;
        }

        var parent = owner.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            return default;
        }

        foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
        {
            if (symbols.GetEventName(typeArgument) is not null)
            {
                IOperation? data = null;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "data")
                    {
                        data = argument.Value;
                    }
                }

                return new(typeArgument, data, null);
            }
        }

        return default;
    }

    /// <summary>
    /// The member of an event type that most likely identifies what it is about: the first public property named like
    /// an id (<c>InvoiceId</c>), else the first public property.
    /// </summary>
    public static IPropertySymbol? IdentifyingMember(ITypeSymbol? type)
    {
        IPropertySymbol? first = null;
        foreach (var member in type?.GetMembers() ?? ImmutableArray<ISymbol>.Empty)
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } property
                || property.Name == "EqualityContract")
            {
                continue;
            }

            if (DedupIdNames.IsIdentity(property.Name) && !DedupIdNames.IsPrecomputed(property.Name))
            {
                return property;
            }

            first ??= property;
        }

        return first;
    }

    /// <summary>An id for this event as a message suggests it: <c>$"invoice-paid-{paid.InvoiceId}"</c>.</summary>
    public string Suggestion(string? slug)
    {
        if (slug is null || IdentifyingMember(Type) is not { } member)
        {
            return slug is null ? GenericSuggestion : "$\"" + slug + "-{...}\"";
        }

        return "$\"" + slug + "-{" + MemberValue(member) + "}\"";
    }

    /// <summary>How the code reads <paramref name="member"/> of the data being sent.</summary>
    private string MemberValue(IPropertySymbol member)
    {
        var data = Data;
        while (data is IConversionOperation { IsImplicit: true } conversion)
        {
            data = conversion.Operand;
        }

        if (data is IObjectCreationOperation creation)
        {
            foreach (var (name, value) in MembersOf(creation))
            {
                if (name.Equals(member.Name, StringComparison.OrdinalIgnoreCase) && IsSimple(value.Syntax))
                {
                    return value.Syntax.ToString();
                }
            }
        }
        else if (data is not null && IsSimple(data.Syntax))
        {
            return data.Syntax + "." + member.Name;
        }
        else if (DataText is not null)
        {
            return DataText + "." + member.Name;
        }

        return char.ToLowerInvariant(member.Name[0]) + member.Name.Substring(1);
    }

    /// <summary>
    /// What the creation of the sent data gives each member: its constructor arguments by parameter name
    /// (<c>new InvoicePaid(invoiceId, amount)</c>), then its object initializer by property name.
    /// </summary>
    public static IEnumerable<(string Name, IOperation Value)> MembersOf(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter)
            {
                yield return (parameter.Name, argument.Value);
            }
        }

        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: var value })
            {
                yield return (target.Property.Name, value);
            }
        }
    }

    /// <summary>A name or a chain of member accesses, short enough to read in a message.</summary>
    private static bool IsSimple(SyntaxNode syntax)
        => syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression }
            && syntax.Span.Length <= 60
            && !syntax.ToString().Contains("\n");
}
