namespace Inngest.Events.Expressions;

/// <summary>One token of an expression's source.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">The zero-based offset of its first character.</param>
/// <param name="Length">How many characters of the source it spans.</param>
/// <param name="Text">The decoded value of a string literal, or the name of an identifier; otherwise null.</param>
/// <param name="Integer">The magnitude of an integer literal (it may be 2^63, which only a leading minus makes valid).</param>
/// <param name="Double">The value of a floating-point literal.</param>
internal readonly record struct ExpressionToken(
    ExpressionTokenKind Kind,
    int Start,
    int Length,
    string? Text = null,
    ulong Integer = 0,
    double Double = 0)
{
    public int End => Start + Length;
}
