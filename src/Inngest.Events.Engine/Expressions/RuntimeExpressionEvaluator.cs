using System.Collections.Concurrent;
using System.Text.Json;
using Inngest.Events.Expressions;

namespace Inngest.Events.Engine.Expressions;

/// <summary>Evaluates expressions with the runtime's expression language, parsing each text once.</summary>
internal sealed class RuntimeExpressionEvaluator : IExpressionEvaluator
{
    private readonly ConcurrentDictionary<string, Expression> _parsed = new(StringComparer.Ordinal);

    public bool IsTruthy(string expression, JsonElement evt, JsonElement? asyncEvent)
        => Parse(expression).EvaluateBool(new ExpressionBindings(evt, asyncEvent));

    public string EvaluateKey(string expression, JsonElement evt)
        => Parse(expression).Evaluate(new ExpressionBindings(evt)).ToString();

    private Expression Parse(string expression) => _parsed.GetOrAdd(expression, Expression.Parse);
}
