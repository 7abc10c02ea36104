using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Analyzers.DedupIds;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    public override FixAllProvider GetFixAllProvider() => DocumentFixes.FixAll(Prepare);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Prepare(root, null, diagnostic) is not null && diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.EventSlug, out var slug))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Prefix the dedup id with '{slug}-'",
                        ct => DocumentFixes.ApplyAsync(context.Document, [diagnostic], Prepare, null, ct),
                        equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static NodeFix? Prepare(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.EventSlug, out var slug)
            || slug is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return null;
        }

        var firstSumIsString = DedupIdRewrite.FirstSumIsString(expression, model);
        return new NodeFix(expression, current => DedupIdRewrite.Prefix((ExpressionSyntax)current, slug, firstSumIsString));
    }
}
