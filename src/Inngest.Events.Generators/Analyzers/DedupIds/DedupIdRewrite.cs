using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// Puts the event slug in front of a dedup id: <c>invoiceId</c> becomes <c>$"invoice-paid-{invoiceId}"</c>,
/// <c>$"{orderId}"</c> becomes <c>$"order-placed-{orderId}"</c>, <c>a + "-" + b</c> becomes
/// <c>"invoice-paid-" + a + "-" + b</c>, and an <c>[Event(Id = "{InvoiceId}")]</c> template becomes
/// <c>"invoice-paid-{InvoiceId}"</c>. Used by the analyzer for its message and by the code fix.
/// </summary>
internal static class DedupIdRewrite
{
    public static ExpressionSyntax Prefix(ExpressionSyntax expression, string slug, SemanticModel? model)
        => Prefix(expression, slug, FirstSumIsString(expression, model));

    /// <summary>
    /// Whether the first '+' of a concatenation <paramref name="expression"/> adds strings (<c>a + "-" + b</c>) rather than
    /// numbers (<c>a + b + "-"</c>); asked of the original node, as the model knows only the tree it was made for.
    /// </summary>
    public static bool FirstSumIsString(ExpressionSyntax expression, SemanticModel? model)
    {
        if (expression is not BinaryExpressionSyntax binary || !binary.IsKind(SyntaxKind.AddExpression) || model is null)
        {
            return false;
        }

        var leftmost = binary.Left;
        while (leftmost is BinaryExpressionSyntax inner && inner.IsKind(SyntaxKind.AddExpression))
        {
            leftmost = inner.Left;
        }

        return leftmost.Parent is ExpressionSyntax firstSum && model.GetTypeInfo(firstSum).Type?.SpecialType == SpecialType.System_String;
    }

    /// <summary>The prefixed id, given what <see cref="FirstSumIsString"/> said about the original expression.</summary>
    public static ExpressionSyntax Prefix(ExpressionSyntax expression, string slug, bool firstSumIsString)
    {
        var prefix = slug + "-";
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(prefix + literal.Token.ValueText)).WithTriviaFrom(literal);

            case InterpolatedStringExpressionSyntax interpolated:
                // The slug is [a-z0-9-] only, so it reads the same in regular, verbatim and raw interpolated strings.
                var contents = interpolated.Contents;
                if (contents.Count > 0 && contents[0] is InterpolatedStringTextSyntax first)
                {
                    var token = first.TextToken;
                    contents = contents.Replace(first, first.WithTextToken(Token(token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, prefix + token.Text, prefix + token.ValueText, token.TrailingTrivia)));
                }
                else
                {
                    contents = contents.Insert(0, Text(prefix));
                }

                return interpolated.WithContents(contents);

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var leftmost = binary.Left;
                while (leftmost is BinaryExpressionSyntax inner && inner.IsKind(SyntaxKind.AddExpression))
                {
                    leftmost = inner.Left;
                }

                // "order_" + order.Id: the slug joins the text in front.
                if (leftmost is LiteralExpressionSyntax text && text.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return binary.ReplaceNode(leftmost, LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(prefix + text.Token.ValueText)).WithTriviaFrom(text));
                }

                var plus = Token(TriviaList(Space), SyntaxKind.PlusToken, TriviaList(Space));
                var prefixLiteral = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(prefix));

                // a + "-" + b concatenates from the first '+', so the prefix goes in front of a; but when the first '+'
                // adds numbers (a + b + "-"), the original expression is kept whole in parentheses.
                if (firstSumIsString)
                {
                    return binary.ReplaceNode(leftmost, BinaryExpression(SyntaxKind.AddExpression, prefixLiteral.WithLeadingTrivia(leftmost.GetLeadingTrivia()), plus, leftmost.WithoutLeadingTrivia()));
                }

                return BinaryExpression(SyntaxKind.AddExpression, prefixLiteral, plus, ParenthesizedExpression(binary.WithoutTrivia())).WithTriviaFrom(binary);

            // `x != null ? $"{a}:{b}" : null`: each branch that gives an id gets the prefix; a null branch still sends
            // none (prefixing the whole would turn it into the constant id "slug-"). Whether a branch's first '+' adds
            // strings is not known here, so a concatenation branch is kept whole in parentheses.
            case ConditionalExpressionSyntax conditional:
                return conditional
                    .WithWhenTrue(IsNull(conditional.WhenTrue) ? conditional.WhenTrue : Prefix(conditional.WhenTrue, slug, firstSumIsString: false))
                    .WithWhenFalse(IsNull(conditional.WhenFalse) ? conditional.WhenFalse : Prefix(conditional.WhenFalse, slug, firstSumIsString: false));

            default:
                // x.ToString() in a hole is just x.
                var value = expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access }
                    ? access.Expression
                    : expression;
                return InterpolatedStringExpression(
                        Token(SyntaxKind.InterpolatedStringStartToken),
                        List<InterpolatedStringContentSyntax>([Text(prefix), Interpolation(value.WithoutTrivia())]))
                    .WithTriviaFrom(expression);
        }
    }

    private static bool IsNull(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression));

    private static InterpolatedStringTextSyntax Text(string text)
        => InterpolatedStringText(Token(default, SyntaxKind.InterpolatedStringTextToken, text, text, default));
}
