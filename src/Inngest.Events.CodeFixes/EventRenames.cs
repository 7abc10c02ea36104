using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Renames events everywhere their names are written: the <c>[Event("...")]</c> that declares one, and the trigger
/// names (<c>FunctionTrigger.ForEvent("...")</c>, <c>new FunctionTrigger { Event = "..." }</c>) in every C# project of
/// the solution. An event renamed in one place and not in the other would stop triggering the functions that wait for it.
/// </summary>
internal static class EventRenames
{
    /// <summary>The rename a diagnostic asks for: the name in the string literal at its location, and the fixed name.</summary>
    public static bool TryRead(SyntaxNode root, Diagnostic diagnostic, out string oldName, out string newName)
    {
        oldName = newName = string.Empty;
        if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.FixedEventName, out var fixedName)
            || fixedName is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression)
            || literal.Token.ValueText == fixedName)
        {
            return false;
        }

        oldName = literal.Token.ValueText;
        newName = fixedName;
        return true;
    }

    /// <summary>Applies <paramref name="renames"/> (old name to new name) to every event-name literal of <paramref name="solution"/>.</summary>
    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyDictionary<string, string> renames, CancellationToken cancellationToken)
    {
        var changed = solution;
        foreach (var project in solution.Projects)
        {
            if (project.Language != LanguageNames.CSharp)
            {
                continue;
            }

            foreach (var document in project.Documents)
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is null)
                {
                    continue;
                }

                var candidates = root.DescendantNodes()
                    .OfType<LiteralExpressionSyntax>()
                    .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && renames.ContainsKey(l.Token.ValueText))
                    .ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var sites = candidates.Where(l => model is not null && IsEventNameSite(l, model, cancellationToken)).ToList();
                if (sites.Count == 0)
                {
                    continue;
                }

                var newRoot = root.ReplaceNodes(
                    sites,
                    (original, _) => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(renames[original.Token.ValueText]))
                        .WithTriviaFrom(original));
                changed = changed.WithDocumentSyntaxRoot(document.Id, newRoot);
            }
        }

        return changed;
    }

    /// <summary>Whether <paramref name="literal"/> names an event: the name of an [Event] or of an event trigger.</summary>
    private static bool IsEventNameSite(LiteralExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (literal.Parent)
        {
            case AttributeArgumentSyntax { NameEquals: null, Parent: AttributeArgumentListSyntax list, Parent.Parent: AttributeSyntax attribute } argument:
                var isName = argument.NameColon is { } colon ? colon.Name.Identifier.ValueText == "name" : list.Arguments.IndexOf(argument) == 0;
                return isName
                    && model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                    && IsType(constructor.ContainingType, KnownNames.EventAttribute);

            case ArgumentSyntax { Parent: ArgumentListSyntax arguments, Parent.Parent: InvocationExpressionSyntax invocation } argument:
                var isFirst = argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == "name" : arguments.Arguments.IndexOf(argument) == 0;
                return isFirst
                    && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "ForEvent" } method
                    && IsType(method.ContainingType, InngestSymbols.FunctionTriggerName);

            case AssignmentExpressionSyntax assignment when assignment.Right == literal:
                return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IPropertySymbol { Name: "Event" } property
                    && IsType(property.ContainingType, InngestSymbols.FunctionTriggerName);

            default:
                return false;
        }
    }

    private static bool IsType(INamedTypeSymbol? type, string metadataName)
        => type is not null && type.ContainingNamespace is { } ns
            && ns.ToDisplayString() + "." + type.MetadataName == metadataName;
}
