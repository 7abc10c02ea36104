using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Analyzers.DedupIds;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Prefixes a dedup id that is a bare entity value with the event's slug (INNG3002):
/// <c>Id = invoiceId</c> becomes <c>Id = $"invoice-paid-{invoiceId}"</c>. Offered when the analyzer knew the event.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DedupIdCodeFixProvider)), Shared]
public sealed class DedupIdCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "Inngest.PrefixDedupId";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DedupIdWithoutEventPart);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.EventSlug, out var slug)
                || slug is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Prefix the dedup id with '{slug}-'",
                    ct => PrefixAsync(context.Document, expression, slug, ct),
                    equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> PrefixAsync(Document document, ExpressionSyntax expression, string slug, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(expression, DedupIdRewrite.Prefix(expression, slug, editor.SemanticModel));
        return editor.GetChangedDocument();
    }
}
