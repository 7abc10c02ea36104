using System.Text.Json;

namespace Inngest.Events.Expressions;

/// <summary>
/// Walks a syntax tree against a set of bindings. A value type created per evaluation: the tree is shared and never
/// changed, so one parsed <see cref="Expression"/> can be evaluated on many threads at once.
/// </summary>
internal struct ExpressionEvaluator
{
    private readonly string _source;
    private readonly ExpressionBindings _bindings;

    // Loop variables of the comprehension macros currently being evaluated, innermost first.
    private LoopVariable? _scope;

    public ExpressionEvaluator(string source, in ExpressionBindings bindings)
    {
        _source = source;
        _bindings = bindings;
        _scope = null;
    }

    public ExpressionValue Evaluate(ExpressionNode node)
    {
        switch (node)
        {
            case BinaryNode binary:
                return EvaluateBinary(binary);
            case SelectNode select:
                return ExpressionOperators.Select(Evaluate(select.Target), select.Field);
            case IdentifierNode identifier:
                return Lookup(identifier.Name);
            case StringLiteralNode text:
                return ExpressionValue.FromString(text.Value);
            case IntegerLiteralNode integer:
                return ExpressionValue.FromInt64(integer.Value);
            case BooleanLiteralNode boolean:
                return ExpressionValue.FromBoolean(boolean.Value);
            case IndexNode index:
                return ExpressionOperators.Index(Evaluate(index.Target), Evaluate(index.Index));
            case DoubleLiteralNode number:
                return ExpressionValue.FromDouble(number.Value);
            case NullLiteralNode:
                return default;
            case UnaryNode unary:
                var operand = Evaluate(unary.Operand);
                return unary.Operator == ExpressionUnaryOperator.Not
                    ? ExpressionValue.FromBoolean(!operand.IsTruthy)
                    : ExpressionOperators.Negate(operand);
            case ConditionalNode conditional:
                return Evaluate(conditional.Condition).IsTruthy ? Evaluate(conditional.WhenTrue) : Evaluate(conditional.WhenFalse);
            case CallNode call:
                return EvaluateCall(call);
            case ListNode list:
                return EvaluateList(list);
            case MapNode map:
                return EvaluateMap(map);
            default:
                throw ExpressionEvaluationException.At(_source, node.Position, $"Unsupported expression node {node.GetType().Name}");
        }
    }

    private ExpressionValue Lookup(string name)
    {
        for (var variable = _scope; variable is not null; variable = variable.Parent)
        {
            if (variable.Name == name)
            {
                return variable.Value;
            }
        }

        JsonElement? element = name switch
        {
            "event" => _bindings.Event,
            "async" => _bindings.Async,
            "vars" => _bindings.Vars,
            _ => null,
        };
        return element is { } value ? ExpressionValue.FromJson(value) : default;
    }

    private ExpressionValue EvaluateBinary(BinaryNode binary)
    {
        switch (binary.Operator)
        {
            case ExpressionBinaryOperator.And:
                return ExpressionValue.FromBoolean(Evaluate(binary.Left).IsTruthy && Evaluate(binary.Right).IsTruthy);
            case ExpressionBinaryOperator.Or:
                return ExpressionValue.FromBoolean(Evaluate(binary.Left).IsTruthy || Evaluate(binary.Right).IsTruthy);
            case ExpressionBinaryOperator.In:
                return ExpressionValue.FromBoolean(EvaluateIn(binary));
        }

        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        int comparison;
        switch (binary.Operator)
        {
            case ExpressionBinaryOperator.Equal:
                return ExpressionValue.FromBoolean(ExpressionOperators.AreEqual(left, right));
            case ExpressionBinaryOperator.NotEqual:
                return ExpressionValue.FromBoolean(!ExpressionOperators.AreEqual(left, right));
            case ExpressionBinaryOperator.Less:
                return ExpressionValue.FromBoolean(ExpressionOperators.TryCompare(left, right, out comparison) && comparison < 0);
            case ExpressionBinaryOperator.LessOrEqual:
                return ExpressionValue.FromBoolean(ExpressionOperators.TryCompare(left, right, out comparison) && comparison <= 0);
            case ExpressionBinaryOperator.Greater:
                return ExpressionValue.FromBoolean(ExpressionOperators.TryCompare(left, right, out comparison) && comparison > 0);
            case ExpressionBinaryOperator.GreaterOrEqual:
                return ExpressionValue.FromBoolean(ExpressionOperators.TryCompare(left, right, out comparison) && comparison >= 0);
            case ExpressionBinaryOperator.Add:
                return ExpressionOperators.Add(left, right);
            case ExpressionBinaryOperator.Subtract:
                return ExpressionOperators.Subtract(left, right);
            case ExpressionBinaryOperator.Multiply:
                return ExpressionOperators.Multiply(left, right);
            case ExpressionBinaryOperator.Divide:
                return ExpressionOperators.Divide(left, right);
            case ExpressionBinaryOperator.Remainder:
                return ExpressionOperators.Remainder(left, right);
            default:
                throw ExpressionEvaluationException.At(_source, binary.Position, $"Unsupported operator {binary.Operator}");
        }
    }

    private bool EvaluateIn(BinaryNode binary)
    {
        var item = Evaluate(binary.Left);
        if (binary.Right is ListNode list)
        {
            // x in [a, b, c]: compare element by element without building the list.
            var elements = list.Elements;
            for (var i = 0; i < elements.Count; i++)
            {
                if (ExpressionOperators.AreEqual(Evaluate(elements[i]), item))
                {
                    return true;
                }
            }

            return false;
        }

        return ExpressionOperators.Contains(Evaluate(binary.Right), item);
    }

    private ExpressionValue EvaluateList(ListNode list)
    {
        var items = new ExpressionValue[list.Elements.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Evaluate(list.Elements[i]);
        }

        return ExpressionValue.FromList(items);
    }

    private ExpressionValue EvaluateMap(MapNode map)
    {
        var result = new Dictionary<string, ExpressionValue>(map.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            var key = Evaluate(entry.Key);
            if (key.Kind != ExpressionValueKind.String)
            {
                throw ExpressionEvaluationException.At(
                    _source, entry.Key.Position, $"Map keys must be strings, but this key is {Describe(key.Kind)}");
            }

            result[key.GetStringUnchecked()] = Evaluate(entry.Value);
        }

        return ExpressionValue.FromMap(result);
    }

    private ExpressionValue EvaluateCall(CallNode call)
    {
        var arguments = call.Arguments;
        if (call.Target is null)
        {
            switch (call.Function)
            {
                case "has":
                    // The parser guarantees has(a.b): true when a is a map with a key b, even if its value is null.
                    var select = (SelectNode)arguments[0];
                    return ExpressionValue.FromBoolean(ExpressionOperators.TryGetMember(Evaluate(select.Target), select.Field, out _));
                case "size":
                    return ExpressionOperators.Size(SingleArgument(call));
                case "lowercase":
                    return ExpressionOperators.Lowercase(SingleArgument(call));
                case "uppercase":
                    return ExpressionOperators.Uppercase(SingleArgument(call));
                case "int":
                    return ExpressionOperators.ToInteger(SingleArgument(call));
                case "uint":
                    return ExpressionOperators.ToUnsignedInteger(SingleArgument(call));
                case "double":
                    return ExpressionOperators.ToDoubleValue(SingleArgument(call));
                case "string":
                    return ExpressionOperators.ToStringValue(SingleArgument(call));
                case "b64decode":
                    return ExpressionOperators.Base64Decode(SingleArgument(call));
                case "json_parse":
                    return ExpressionOperators.JsonParse(SingleArgument(call));
                default:
                    throw ExpressionEvaluationException.At(_source, call.Position, $"Unknown function '{call.Function}'");
            }
        }

        if (ExpressionParser.IsMacro(call.Function))
        {
            return EvaluateMacro(call);
        }

        switch (call.Function)
        {
            case "startsWith":
            case "endsWith":
            case "contains":
                CheckArity(call, 1);
                return ExpressionOperators.StringTest(call.Function, Evaluate(call.Target), Evaluate(arguments[0]));
            case "size":
                CheckArity(call, 0);
                return ExpressionOperators.Size(Evaluate(call.Target));
            default:
                throw ExpressionEvaluationException.At(_source, call.Position, $"Unknown method '{call.Function}'");
        }
    }

    private ExpressionValue SingleArgument(CallNode call)
    {
        CheckArity(call, 1);
        return Evaluate(call.Arguments[0]);
    }

    private readonly void CheckArity(CallNode call, int expected)
    {
        if (call.Arguments.Count != expected)
        {
            var noun = expected == 1 ? "argument" : "arguments";
            throw ExpressionEvaluationException.At(
                _source,
                call.Position,
                $"'{call.Function}' takes {expected} {noun} but was given {call.Arguments.Count}");
        }
    }

    // all, exists, exists_one, map and filter over a list's elements or a map's keys. On anything else the tests
    // (all, exists, exists_one) are false and map/filter are null.
    private ExpressionValue EvaluateMacro(CallNode call)
    {
        var target = Evaluate(call.Target!);
        var isTransform = call.Function is "map" or "filter";
        if (target.Kind is not (ExpressionValueKind.List or ExpressionValueKind.Map))
        {
            return isTransform ? default : ExpressionValue.False;
        }

        var items = ExpressionOperators.Items(target);
        var variable = new LoopVariable(((IdentifierNode)call.Arguments[0]).Name, _scope);
        var predicate = call.Arguments[1];
        _scope = variable;
        try
        {
            switch (call.Function)
            {
                case "all":
                case "exists":
                    var wanted = call.Function == "exists";
                    foreach (var item in items)
                    {
                        variable.Value = item;
                        if (Evaluate(predicate).IsTruthy == wanted)
                        {
                            return ExpressionValue.FromBoolean(wanted);
                        }
                    }

                    return ExpressionValue.FromBoolean(!wanted);
                case "exists_one":
                    var matches = 0;
                    foreach (var item in items)
                    {
                        variable.Value = item;
                        if (Evaluate(predicate).IsTruthy && ++matches > 1)
                        {
                            return ExpressionValue.False;
                        }
                    }

                    return ExpressionValue.FromBoolean(matches == 1);
                default:
                    // filter(x, p); map(x, e); map(x, p, e)
                    var filter = call.Function == "filter" || call.Arguments.Count == 3;
                    var transform = call.Function == "map" ? call.Arguments[call.Arguments.Count - 1] : null;
                    var results = new List<ExpressionValue>(items.Length);
                    foreach (var item in items)
                    {
                        variable.Value = item;
                        if (!filter || Evaluate(predicate).IsTruthy)
                        {
                            results.Add(transform is null ? item : Evaluate(transform));
                        }
                    }

                    return ExpressionValue.FromList(results.ToArray());
            }
        }
        finally
        {
            _scope = variable.Parent;
        }
    }

    private static string Describe(ExpressionValueKind kind) => kind switch
    {
        ExpressionValueKind.Null => "null",
        ExpressionValueKind.Integer => "an integer",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };

    private sealed class LoopVariable(string name, LoopVariable? parent)
    {
        public string Name { get; } = name;

        public LoopVariable? Parent { get; } = parent;

        public ExpressionValue Value { get; set; }
    }
}
