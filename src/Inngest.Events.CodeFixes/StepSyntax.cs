using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.CodeFixes;

/// <summary>Builds step calls with ordinary spacing: <c>step.Method("id", a, b)</c> and <c>await ...</c>.</summary>
internal static class StepSyntax
{
    public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, SimpleNameSyntax method, string id, IEnumerable<ExpressionSyntax> arguments)
    {
        var list = new List<SyntaxNodeOrToken>
        {
            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(id))),
        };
        foreach (var argument in arguments)
        {
            list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            list.Add(SyntaxFactory.Argument(argument));
        }

        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), method),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList<ArgumentSyntax>(list)));
    }

    public static AwaitExpressionSyntax Await(ExpressionSyntax expression)
        => SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression);

    /// <summary><c>() =&gt; expression</c>.</summary>
    public static ParenthesizedLambdaExpressionSyntax Lambda(ExpressionSyntax expression)
        => SyntaxFactory.ParenthesizedLambdaExpression(expression)
            .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space));

    /// <summary>Whether an <c>await</c> expression put in place of <paramref name="expression"/> needs parentheses.</summary>
    public static bool NeedsParentheses(ExpressionSyntax expression) => expression.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == expression,
        ConditionalAccessExpressionSyntax access => access.Expression == expression,
        ElementAccessExpressionSyntax access => access.Expression == expression,
        InvocationExpressionSyntax invocation => invocation.Expression == expression,
        PostfixUnaryExpressionSyntax => true,
        _ => false,
    };
}
