namespace Inngest.Events.Expressions;

/// <summary>The infix operators of the expression language, from lowest to highest precedence.</summary>
internal enum ExpressionBinaryOperator
{
    /// <summary><c>a || b</c>: true when either side is truthy; the right side is skipped when the left is.</summary>
    Or,

    /// <summary><c>a &amp;&amp; b</c>: true when both sides are truthy; the right side is skipped when the left is not.</summary>
    And,

    /// <summary><c>a == b</c>.</summary>
    Equal,

    /// <summary><c>a != b</c>.</summary>
    NotEqual,

    /// <summary><c>a &lt; b</c>.</summary>
    Less,

    /// <summary><c>a &lt;= b</c>.</summary>
    LessOrEqual,

    /// <summary><c>a &gt; b</c>.</summary>
    Greater,

    /// <summary><c>a &gt;= b</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>a in b</c>: membership of a value in a list, or of a key in a map.</summary>
    In,

    /// <summary><c>a + b</c>: addition, or concatenation of strings and lists.</summary>
    Add,

    /// <summary><c>a - b</c>.</summary>
    Subtract,

    /// <summary><c>a * b</c>.</summary>
    Multiply,

    /// <summary><c>a / b</c>: integer division (truncating) for two integers.</summary>
    Divide,

    /// <summary><c>a % b</c>.</summary>
    Remainder,
}
