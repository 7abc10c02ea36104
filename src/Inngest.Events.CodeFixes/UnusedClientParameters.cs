using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// After sends moved to <c>step.SendEventAsync</c>, removes an <c>IInngestClient</c> primary-constructor parameter that
/// the fix left unread (the class then gets neither CS9113 nor INNG3012): only when the fixes used it and nothing else
/// does, the type is declared in one place, and no code constructs it explicitly (dependency injection fills the
/// remaining parameters by type, so it needs no change).
/// </summary>
internal static class UnusedClientParameters
{
    public static async Task<Document> RemoveAsync(Document original, Document changed, CancellationToken cancellationToken)
    {
        if (await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } originalRoot
            || await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } originalModel
            || InngestSymbols.For(originalModel.Compilation) is not { } symbols)
        {
            return changed;
        }

        // Client parameters read in the original and no longer in the fixed document, by type and parameter name.
        var candidates = new List<(string Type, string Parameter)>();
        var changedRoot = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        foreach (var declaration in originalRoot.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            // A record's parameters are also its properties: they stay.
            if (declaration is not (ClassDeclarationSyntax or StructDeclarationSyntax)
                || declaration.ParameterList is not { } parameters
                || originalModel.GetDeclaredSymbol(declaration, cancellationToken) is not { DeclaringSyntaxReferences.Length: 1 } type)
            {
                continue;
            }

            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Type is not null
                    && symbols.IsClient(originalModel.GetTypeInfo(parameter.Type, cancellationToken).Type)
                    && IsRead(declaration, parameter.Identifier.ValueText)
                    && FindDeclaration(changedRoot, declaration) is { } changedDeclaration
                    && !IsRead(changedDeclaration, parameter.Identifier.ValueText))
                {
                    candidates.Add((type.ToDisplayString(), parameter.Identifier.ValueText));
                }
            }
        }

        if (candidates.Count == 0 || changedRoot is null || await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return changed;
        }

        var removals = new Dictionary<TypeDeclarationSyntax, List<ParameterSyntax>>();
        foreach (var declaration in changedRoot.DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            if (declaration.ParameterList is null
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
                || !candidates.Any(c => c.Type == type.ToDisplayString())
                || await IsConstructedExplicitlyAsync(type, changed.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var unused = declaration.ParameterList.Parameters
                .Where(p => candidates.Contains((type.ToDisplayString(), p.Identifier.ValueText)))
                .ToList();
            if (unused.Count > 0)
            {
                removals[declaration] = unused;
            }
        }

        if (removals.Count == 0)
        {
            return changed;
        }

        var newRoot = changedRoot.ReplaceNodes(removals.Keys, (declaration, current) => WithoutParameters(current, removals[declaration]));
        return changed.WithSyntaxRoot(newRoot);
    }

    /// <summary>The declaration in <paramref name="root"/> that stands where <paramref name="declaration"/> stood: same kind and name, in the same order.</summary>
    private static TypeDeclarationSyntax? FindDeclaration(SyntaxNode? root, TypeDeclarationSyntax declaration)
    {
        if (root is null)
        {
            return null;
        }

        var index = declaration.SyntaxTree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Where(d => d.Identifier.ValueText == declaration.Identifier.ValueText)
            .ToList()
            .IndexOf(declaration);
        var matches = root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(d => d.Identifier.ValueText == declaration.Identifier.ValueText).ToList();
        return index >= 0 && index < matches.Count ? matches[index] : null;
    }

    /// <summary>Whether the members of <paramref name="declaration"/> name <paramref name="parameter"/> (a local of that name counts too: better kept than broken).</summary>
    private static bool IsRead(TypeDeclarationSyntax declaration, string parameter)
        => declaration.Members.Any(m => m.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == parameter))
            || (declaration.BaseList?.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == parameter) ?? false);

    private static async Task<bool> IsConstructedExplicitlyAsync(INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
            if (references.Any(r => r.Locations.Any()))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode WithoutParameters(TypeDeclarationSyntax declaration, List<ParameterSyntax> unused)
    {
        var list = declaration.ParameterList!;
        var parameters = list.Parameters;
        foreach (var parameter in unused)
        {
            var current = parameters.FirstOrDefault(p => p.Identifier.ValueText == parameter.Identifier.ValueText);
            if (current is not null)
            {
                parameters = parameters.Remove(current);
            }
        }

        if (parameters.Count > 0)
        {
            return declaration.WithParameterList(list.WithParameters(parameters));
        }

        // No parameter left: no parameter list either (class Functions(IInngestClient inngest) becomes class Functions).
        var trailing = list.GetTrailingTrivia();
        var withoutList = declaration.WithParameterList(null);
        return withoutList.WithIdentifier(withoutList.Identifier.WithTrailingTrivia(withoutList.Identifier.TrailingTrivia.AddRange(trailing)));
    }
}
