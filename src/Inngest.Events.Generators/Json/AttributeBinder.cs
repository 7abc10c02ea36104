using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// Binds a property's attributes for <see cref="DeclaredType"/> without making Roslyn build the declaring type's
/// members. An attribute on a property declared in a body binds in place. An attribute on a record's positional
/// parameter binds in place only through the primary constructor (whose symbol needs the members), so it is bound
/// speculatively where the same names are in scope: inside the record's body, or, for a record without one, just
/// after its parameter list (outside the record's scope) when neither the record nor its bases declare a nested type
/// the attribute's name could find.
/// </summary>
internal sealed class AttributeBinder
{
    private readonly SemanticModel _model;
    private readonly int _position;
    private readonly INamedTypeSymbol? _guarded;

    private AttributeBinder(SemanticModel model, int position, INamedTypeSymbol? guarded)
    {
        _model = model;
        _position = position;
        _guarded = guarded;
    }

    /// <summary>Binds attributes where they are declared (-1: not speculatively).</summary>
    public static AttributeBinder InPlace(SemanticModel model) => new(model, -1, null);

    /// <summary>Binds the attributes of <paramref name="declaration"/>'s positional parameters.</summary>
    public static AttributeBinder ForParameterList(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel model)
        => declaration.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken) && !declaration.OpenBraceToken.IsMissing
            ? new AttributeBinder(model, declaration.OpenBraceToken.SpanStart, null)
            : new AttributeBinder(model, declaration.ParameterList!.CloseParenToken.Span.End, type);

    /// <summary>The attribute's constructor, its arguments and the model to read their constants from; null when it does not bind.</summary>
    public BoundAttribute? Bind(AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        if (_position < 0)
        {
            return _model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                ? new BoundAttribute(constructor, attribute.ArgumentList?.Arguments ?? default, _model)
                : null;
        }

        if (_guarded is not null && !NoNestedTypeCanBeFound(attribute.Name, _guarded))
        {
            return null;
        }

        var copy = SyntaxFactory.Attribute(attribute.Name, attribute.ArgumentList);
        if (!_model.TryGetSpeculativeSemanticModel(_position, copy, out var speculative)
            || speculative.GetSymbolInfo(copy, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } bound)
        {
            return null;
        }

        return new BoundAttribute(bound, copy.ArgumentList?.Arguments ?? default, speculative);
    }

    /// <summary>Whether the first identifier of the attribute's name can find no nested type of the type or its bases.</summary>
    private static bool NoNestedTypeCanBeFound(NameSyntax name, INamedTypeSymbol type)
    {
        string[] candidates;
        switch (name)
        {
            case IdentifierNameSyntax identifier:
                candidates = [identifier.Identifier.ValueText, identifier.Identifier.ValueText + "Attribute"];
                break;
            case QualifiedNameSyntax qualified:
                var left = qualified.Left;
                while (left is QualifiedNameSyntax inner)
                {
                    left = inner.Left;
                }

                if (left is not IdentifierNameSyntax first)
                {
                    return left is AliasQualifiedNameSyntax;
                }

                candidates = [first.Identifier.ValueText];
                break;
            case AliasQualifiedNameSyntax:
                return true;
            default:
                return false;
        }

        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            foreach (var candidate in candidates)
            {
                if (!t.GetTypeMembers(candidate).IsEmpty)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
