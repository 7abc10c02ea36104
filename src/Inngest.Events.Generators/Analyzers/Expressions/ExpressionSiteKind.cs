namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>What an expression is used for, which decides the rules that apply to it.</summary>
internal enum ExpressionSiteKind
{
    /// <summary>A condition: a trigger's, a batch's, a cancel-on or wait-for-event <c>if</c>.</summary>
    Condition,

    /// <summary>A key whose value groups runs or events (concurrency, throttle, rate limit, debounce, batch, singleton, idempotency).</summary>
    Key,

    /// <summary>The priority's <c>run</c> expression, an integer.</summary>
    Priority,
}
