using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Applies the fixes of one provider to a document, one diagnostic or all of them at once, through one
/// <see cref="DocumentEditor"/>: the single fix and Fix All (document, project, solution) run the same code, every
/// occurrence of a document is fixed in the same pass, and a fix inside another one (a clock read inside a value that
/// is wrapped in a step) is applied first so that the outer one keeps it.
/// </summary>
internal static class DocumentFixes
{
    /// <summary>Reads what a diagnostic asks for: the node to replace and its rewrite, or null when it has no fix here.</summary>
    public delegate NodeFix? Prepare(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic);

    /// <summary>Tidies a document after its fixes (the original document, the fixed one): what the fixes left unused.</summary>
    public delegate Task<Document> Finish(Document original, Document changed, CancellationToken cancellationToken);

    /// <summary>
    /// A Fix All provider for every scope that fixes every diagnostic it is given with <paramref name="prepare"/>,
    /// whatever code action the host started from: <c>dotnet format</c> passes the equivalence key of whichever
    /// diagnostic it met first, which may be one this provider has no fix for.
    /// </summary>
    public static FixAllProvider FixAll(Prepare prepare, Finish? finish = null)
        => FixAllProvider.Create(
            async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, prepare, finish, context.CancellationToken).ConfigureAwait(false),
            ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    /// <summary>
    /// Offers the fix of each diagnostic that <paramref name="prepare"/> can fix and <paramref name="title"/> names (null:
    /// no fix offered), applied with <see cref="ApplyAsync"/> under one equivalence key.
    /// </summary>
    public static async Task RegisterAsync(CodeFixContext context, Prepare prepare, Func<Diagnostic, string?> title, string equivalenceKey, Finish? finish = null)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (prepare(root, null, diagnostic) is not null && title(diagnostic) is { } text)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(text, ct => ApplyAsync(context.Document, [diagnostic], prepare, finish, ct), equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Applies the fixes of <paramref name="diagnostics"/> to <paramref name="document"/>.</summary>
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, Prepare prepare, Finish? finish, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var fixes = new Dictionary<SyntaxNode, NodeFix>();
        foreach (var diagnostic in diagnostics)
        {
            // Two diagnostics that replace the same node (one mistake reported twice) are one edit.
            if (prepare(editor.OriginalRoot, editor.SemanticModel, diagnostic) is { } fix && !fixes.ContainsKey(fix.Target))
            {
                fixes.Add(fix.Target, fix);
            }
        }

        if (fixes.Count == 0)
        {
            return document;
        }

        // Innermost first: a node's edits are in place before the edit of a node around it reads it.
        foreach (var fix in fixes.Values.OrderByDescending(f => f.Target.SpanStart).ThenBy(f => f.Target.Span.Length))
        {
            var rewrite = fix.Rewrite;
            editor.ReplaceNode(fix.Target, (current, _) => rewrite(current));
        }

        var changed = editor.GetChangedDocument();
        return finish is null ? changed : await finish(document, changed, cancellationToken).ConfigureAwait(false);
    }
}
