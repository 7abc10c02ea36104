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
                return LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(WithSlug(literal.Token.ValueText, slug))).WithTriviaFrom(literal);

            case InterpolatedStringExpressionSyntax interpolated:
                // The slug is [a-z0-9-] only, so it reads the same in regular, verbatim and raw interpolated strings.
                var contents = interpolated.Contents;
                if (contents.Count > 0 && contents[0] is InterpolatedStringTextSyntax first)
                {
                    var token = first.TextToken;
                    var text = RepeatsSlug(token.ValueText, slug) is { } separator
                        ? Token(token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, slug + separator, slug + separator, token.TrailingTrivia)
                        : Token(token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, prefix + token.Text, prefix + token.ValueText, token.TrailingTrivia);
                    contents = contents.Replace(first, first.WithTextToken(text));
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

                // "lead_" + order.Id: the slug joins the text in front.
                if (leftmost is LiteralExpressionSyntax leading && leading.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return binary.ReplaceNode(leftmost, LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(WithSlug(leading.Token.ValueText, slug))).WithTriviaFrom(leading));
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

    /// <summary>
    /// Text that starts a dedup id, with the slug: in front of it, or in its place when the text only repeats words of the
    /// slug before a separator (<c>"order-"</c> or <c>"order_"</c> of <c>order-placed</c> becomes <c>"order-placed-"</c> or
    /// <c>"order-placed_"</c>, not <c>"order-placed-order-"</c>). A template keeps its placeholders: <c>"order-{OrderId}"</c>
    /// becomes <c>"order-placed-{OrderId}"</c>.
    /// </summary>
    private static string WithSlug(string text, string slug)
    {
        var hole = text.IndexOf('{');
        var head = hole < 0 ? text : text.Substring(0, hole);
        return RepeatsSlug(head, slug) is { } separator
            ? slug + separator + text.Substring(head.Length)
            : slug + "-" + text;
    }

    /// <summary>
    /// The separator that ends <paramref name="text"/> when the text is only words of <paramref name="slug"/>, each
    /// followed by a separator (<c>"order-"</c>, <c>"order:"</c>, <c>"subscription_"</c>); null otherwise.
    /// </summary>
    private static string? RepeatsSlug(string text, string slug)
    {
        if (text.Length < 2 || !IsSeparator(text[text.Length - 1]))
        {
            return null;
        }

        var words = slug.Split('-');
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (IsSeparator(c))
            {
                if (word.Length == 0 || System.Array.IndexOf(words, word.ToString()) < 0)
                {
                    return null;
                }

                word.Clear();
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                return null;
            }
        }

        return text.Substring(text.Length - 1);
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or ':' or '/' or '.';

    private static bool IsNull(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression));

    private static InterpolatedStringTextSyntax Text(string text)
        => InterpolatedStringText(Token(default, SyntaxKind.InterpolatedStringTextToken, text, text, default));
}
