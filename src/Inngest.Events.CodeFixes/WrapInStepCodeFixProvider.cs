using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Wraps a non-deterministic expression in a function in a step (INNG3016), so its first value is stored and replayed:
/// <c>DateTime.UtcNow</c> becomes <c>await step.RunAsync("utc-now", () =&gt; DateTime.UtcNow)</c>. The step ids come from
/// the analyzer, unique within the function, so Fix All gives several clocks of one method distinct steps.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapInStepCodeFixProvider)), Shared]
public sealed class WrapInStepCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "Inngest.WrapInStep";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonDeterministicOutsideStep);

    public override FixAllProvider GetFixAllProvider() => DocumentFixes.FixAll(Prepare);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
        => DocumentFixes.RegisterAsync(
            context,
            Prepare,
            diagnostic => diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepId, out var stepId) ? $"Wrap in step \"{stepId}\"" : null,
            EquivalenceKey);

    private static NodeFix? Prepare(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepTools, out var stepTools)
            || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepId, out var stepId)
            || stepTools is null
            || stepId is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return null;
        }

        var parenthesize = StepSyntax.NeedsParentheses(expression);
        return new NodeFix(expression, current =>
        {
            var value = (ExpressionSyntax)current;
            var call = StepSyntax.Call(SyntaxFactory.IdentifierName(stepTools), SyntaxFactory.IdentifierName("RunAsync"), stepId, [StepSyntax.Lambda(value.WithoutTrivia())]);
            ExpressionSyntax replacement = StepSyntax.Await(call);
            if (parenthesize)
            {
                replacement = SyntaxFactory.ParenthesizedExpression(replacement);
            }

            return replacement.WithTriviaFrom(value);
        });
    }
}
