using System.Text.Json;

namespace Inngest.Events.Engine.Expressions;

/// <summary>
/// Evaluates Inngest expressions (docs/protocol.md#expressions) for the engine: trigger conditions and idempotency keys
/// bind <c>event</c>; wait-for-event and cancel conditions also bind <c>async</c>, the candidate event.
/// </summary>
internal interface IExpressionEvaluator
{
    /// <summary>Whether <paramref name="expression"/> is truthy.</summary>
    /// <exception cref="InngestException">The expression does not parse, or cannot be evaluated.</exception>
    bool IsTruthy(string expression, JsonElement evt, JsonElement? asyncEvent);

    /// <summary>The value of a key expression as text (a string as itself, anything else formatted).</summary>
    /// <exception cref="InngestException">The expression does not parse, or cannot be evaluated.</exception>
    string EvaluateKey(string expression, JsonElement evt);
}
