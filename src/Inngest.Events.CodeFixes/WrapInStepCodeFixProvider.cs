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
/// Wraps a non-deterministic expression in a function in a step (INNG3016), so its first value is stored and replayed:
/// <c>DateTime.UtcNow</c> becomes <c>await step.RunAsync("utc-now", () =&gt; DateTime.UtcNow)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInStepCodeFixProvider)), Shared]
public sealed class WrapInStepCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "Inngest.WrapInStep";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonDeterministicOutsideStep);

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
            if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepTools, out var stepTools)
                || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepId, out var stepId)
                || stepTools is null
                || stepId is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Wrap in step \"{stepId}\"",
                    ct => WrapAsync(context.Document, expression, stepTools, stepId, ct),
                    equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> WrapAsync(Document document, ExpressionSyntax expression, string stepTools, string stepId, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var call = StepSyntax.Call(SyntaxFactory.IdentifierName(stepTools), SyntaxFactory.IdentifierName("RunAsync"), stepId, [StepSyntax.Lambda(expression.WithoutTrivia())]);
        ExpressionSyntax replacement = StepSyntax.Await(call);
        if (StepSyntax.NeedsParentheses(expression))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        editor.ReplaceNode(expression, replacement.WithTriviaFrom(expression));
        return editor.GetChangedDocument();
    }
}
