namespace Inngest.Events.Expressions;

/// <summary>
/// Thrown when a parsed expression cannot be evaluated, for example because it calls a function that does not exist
/// or with the wrong number of arguments. Type mismatches and missing fields are not errors: they evaluate to null
/// or false.
/// </summary>
internal sealed class ExpressionEvaluationException : InngestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The complete message, which should include the position and the expression.</param>
    /// <param name="expressionSource">The source text of the expression.</param>
    /// <param name="position">The zero-based offset in <paramref name="expressionSource"/> of the failing part.</param>
    public ExpressionEvaluationException(string message, string expressionSource, int position)
        : base(message)
    {
        ExpressionSource = expressionSource;
        Position = position;
    }

    /// <summary>The source text of the expression.</summary>
    public string ExpressionSource { get; }

    /// <summary>The zero-based offset in <see cref="ExpressionSource"/> of the part that failed.</summary>
    public int Position { get; }

    internal static ExpressionEvaluationException At(string source, int position, string problem) =>
        new($"{problem} at position {position} in: {source}", source, position);
}
