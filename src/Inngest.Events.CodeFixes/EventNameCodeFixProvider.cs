using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Renames an event to the name the analyzer derived: lower case and dot-separated (INNG1011), with the domain taken
/// from the type's namespace (INNG1010), or with '.' for the hyphens between noun and verb (INNG1012).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventNameCodeFixProvider)), Shared]
public sealed class EventNameCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.EventNameMissingDomain,
        DiagnosticIds.EventNameFormat,
        DiagnosticIds.EventNameHyphenatedWords);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.FixedEventName, out var newName)
                || newName is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Rename the event to '{newName}'",
                    ct => RenameAsync(context.Document, literal, newName, ct),
                    // One key for all three ids: `dotnet format` takes the key of the provider's first fix and fixes
                    // every id it handles with it, so per-id keys left INNG1010 and INNG1012 unfixed.
                    equivalenceKey: "Inngest.RenameEvent"),
                diagnostic);
        }
    }

    private static async Task<Document> RenameAsync(Document document, LiteralExpressionSyntax literal, string newName, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(
            literal,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(newName)).WithTriviaFrom(literal));
        return editor.GetChangedDocument();
    }
}
