using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Analyzers.DedupIds;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
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

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
        => DocumentFixes.RegisterAsync(
            context,
            Prepare,
            diagnostic => diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.EventSlug, out var slug) ? $"Prefix the dedup id with '{slug}-'" : null,
            EquivalenceKey);

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
