namespace Inngest.Events.Expressions;

/// <summary>The prefix operators of the expression language.</summary>
internal enum ExpressionUnaryOperator
{
    /// <summary><c>!x</c>: logical negation of the operand's truthiness.</summary>
    Not,

    /// <summary><c>-x</c>: arithmetic negation.</summary>
    Negate,
}
