namespace Inngest.Events.Expressions;

/// <summary>The type of an <see cref="ExpressionValue"/>.</summary>
internal enum ExpressionValueKind
{
    /// <summary><c>null</c>, which is also what a missing field or index evaluates to.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A 64-bit signed integer (integral JSON numbers in range are read as integers).</summary>
    Integer,

    /// <summary>A 64-bit floating-point number.</summary>
    Double,

    /// <summary>A string.</summary>
    String,

    /// <summary>A list (a JSON array or a list literal).</summary>
    List,

    /// <summary>A map with string keys (a JSON object or a map literal).</summary>
    Map,
}
