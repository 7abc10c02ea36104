using System;

namespace Inngest.Events.Expressions;

/// <summary>
/// Thrown when an expression's source is not valid: it names the zero-based <see cref="Position"/> of the problem,
/// what was expected there and what was found, and quotes the whole expression.
/// </summary>
internal sealed class ExpressionSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The complete message, which should include the position and the expression.</param>
    /// <param name="expressionSource">The source text of the expression that failed to parse.</param>
    /// <param name="position">The zero-based offset in <paramref name="expressionSource"/> where the problem is.</param>
    public ExpressionSyntaxException(string message, string expressionSource, int position)
        : base(message)
    {
        ExpressionSource = expressionSource;
        Position = position;
    }

    /// <summary>The source text of the expression that failed to parse.</summary>
    public string ExpressionSource { get; }

    /// <summary>The zero-based offset in <see cref="ExpressionSource"/> where the problem is (its length for "end of input").</summary>
    public int Position { get; }

    internal static ExpressionSyntaxException At(string source, int position, string problem) =>
        new($"{problem} at position {position} in: {source}", source, position);

    internal static ExpressionSyntaxException Expected(string source, int position, string expected, string found) =>
        new($"Expected {expected} at position {position} but found {found} in: {source}", source, position);
}
