using Inngest.Events.Expressions;

namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>
/// Turns a <see cref="RunRecord"/> into comparable lines: every call with its status, retry headers and ops, the
/// memoized state at the end (in completion order), and the outcome. Only what the Inngest server treats as
/// equivalent is normalized; each normalization has an id that docs/interop.md explains, and the ids that changed
/// something are collected in <see cref="Applied"/> so the tests can check the document covers them.
/// </summary>
internal sealed class Transcript
{
    /// <summary>.NET exception type names and the JS error names they correspond to.</summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["InvalidOperationException"] = "Error",
        ["NonRetriableException"] = "NonRetriableError",
        ["RetryAfterException"] = "RetryAfterError",
    };

    private readonly List<string> _lines = [];

    private Transcript(RunRecord run)
    {
        Write(run, string.Empty);
    }

    /// <summary>The normalization ids that changed something, each with one example of what they changed.</summary>
    public SortedDictionary<string, string> Applied { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Lines => _lines;

    public static Transcript Of(RunRecord run) => new(run);

    public override string ToString() => string.Join('\n', _lines);

    private void Write(RunRecord run, string indent)
    {
        _lines.Add($"{indent}run {run.FunctionId}");
        foreach (var exchange in run.Exchanges)
        {
            var response = exchange.Response;
            _lines.Add($"{indent}  POST stepId={Short(exchange.StepId)} attempt={exchange.Attempt} disable_immediate_execution={Lower(exchange.DisableImmediateExecution)}"
                + $" -> {response.Status} no-retry={response.NoRetry ?? "-"} retry-after={response.RetryAfter ?? "-"}");
            if (response.Status == 206)
            {
                foreach (var (raw, _) in exchange.Ops)
                {
                    _lines.Add($"{indent}    op {Canonical(Op(raw))}");
                }
            }
            else
            {
                _lines.Add($"{indent}    body {Canonical(Body(response, JsonNode.Parse(response.Body)))}");
            }
        }

        foreach (var child in run.Children)
        {
            Write(child, indent + "  ");
        }

        foreach (var (hash, value) in run.State)
        {
            _lines.Add($"{indent}  state {Short(hash)} = {Canonical(Memo(value))}");
        }

        _lines.Add($"{indent}  outcome {run.Outcome}: {Canonical(run.Outcome == "failed" ? Error(run.Result) : run.Result)}");
    }

    private JsonNode? Body(SdkResponse response, JsonNode? body) => response.Status is >= 400 ? Error(body) : body;

    /// <summary>A memoized value: errors normalized like errors everywhere.</summary>
    private JsonNode? Memo(JsonNode? value)
    {
        if (value is JsonObject memo && memo.Count == 1 && memo["error"] is { } error)
        {
            return new JsonObject { ["error"] = Error(error) };
        }

        return value?.DeepClone();
    }

    private JsonObject Op(JsonObject raw)
    {
        var op = raw.DeepClone().AsObject();
        var code = op["op"]?.GetValue<string>();

        // N-timing: JS reports how long a step ran, for its trace spans; the server uses it for tracing only.
        Remove(op, "timing", "N-timing");

        // N-data-on-non-run-ops: the server reads `data` only from StepRun (state.GeneratorOpcode.Output); JS sends
        // `data: null` on planned and async ops (undefined -> null) and repeats the error as `data` on StepFailed.
        if (code != OpCodes.StepRun)
        {
            Remove(op, "data", "N-data-on-non-run-ops");
        }

        // N-empty-opts: `opts: {}` and no opts unmarshal to the same (empty) options on the server.
        if (op["opts"] is JsonObject { Count: 0 })
        {
            Remove(op, "opts", "N-empty-opts");
        }

        if (op["error"] is { } error)
        {
            op["error"] = Error(error);
        }

        switch (code)
        {
            case OpCodes.Sleep:
                // N-sleep-duration-in-name: the server reads opts.duration, falling back to `name`
                // (state.GeneratorOpcode.SleepDuration); JS sends the duration as the name, we send opts.duration.
                MoveNameInto(op, "duration", "N-sleep-duration-in-name");
                break;
            case OpCodes.WaitForEvent:
                // N-wait-event-in-name: the server reads opts.event, falling back to `name`
                // (state.GeneratorOpcode.WaitForEventOpts); JS sends the event name as the name, we send opts.event.
                MoveNameInto(op, "event", "N-wait-event-in-name");
                break;
            case OpCodes.InvokeFunction:
                // N-invoke-name: JS sends no name for invocations, we send the step id; the server shows displayName
                // (UserDefinedName) and reads the target from opts, so the name is never used.
                Remove(op, "name", "N-invoke-name");
                break;
        }

        // N-duration-units: Go-style time strings with `d` and `w` are parsed by the server (str2duration), so "1w" and
        // "7d" are the same duration; JS writes weeks, we write days.
        if (op["opts"] is JsonObject timed)
        {
            foreach (var key in new[] { "duration", "timeout" })
            {
                if (timed[key] is JsonValue value && value.TryGetValue<string>(out var duration)
                    && TimeStrings.TryParse(duration, out var parsed) && TimeStrings.Format(parsed) is var formatted && formatted != duration)
                {
                    Note("N-duration-units", $"{key} {duration} => {formatted}");
                    timed[key] = formatted;
                }
            }
        }

        // N-expression-text: expressions are parsed by the server; we compare their syntax trees, printed fully
        // parenthesized, not their spelling.
        if (op["opts"] is JsonObject opts && opts["if"] is JsonValue condition && condition.TryGetValue<string>(out var text))
        {
            var printed = ExpressionParser.Parse(text).ToString();
            if (printed != text)
            {
                Note("N-expression-text", $"{text} => {printed}");
            }

            opts["if"] = printed;
        }

        return op;
    }

    /// <summary>
    /// N-error-details: an error's stack trace and JS's <c>__serialized</c> marker are dropped, and .NET exception type
    /// names are mapped to the JS error names (<see cref="ErrorNames"/>): the server stores and shows errors as opaque
    /// text and decides retries from op codes and headers, never from these fields.
    /// </summary>
    private JsonNode? Error(JsonNode? error)
    {
        if (error is not JsonObject source)
        {
            return error?.DeepClone();
        }

        var copy = source.DeepClone().AsObject();
        Remove(copy, "stack", "N-error-details");
        Remove(copy, "__serialized", "N-error-details");
        if (copy["name"] is JsonValue name && name.TryGetValue<string>(out var text) && ErrorNames.TryGetValue(text, out var js))
        {
            Note("N-error-details", $"name {text} => {js}");
            copy["name"] = js;
        }

        return copy;
    }

    private void MoveNameInto(JsonObject op, string option, string id)
    {
        var name = op["name"]?.GetValue<string>();
        var opts = op["opts"] as JsonObject ?? [];
        if (opts[option] is null && name is not null)
        {
            opts[option] = name;
            Note(id, $"name {name} => opts.{option}");
        }
        else if (name is not null)
        {
            Note(id, $"name {name} dropped (opts.{option} = {opts[option]!.ToJsonString()})");
        }

        op.Remove("name");
        op["opts"] = opts.DeepClone();
    }

    private void Remove(JsonObject node, string property, string id)
    {
        if (node.Remove(property, out var removed))
        {
            Note(id, $"{property} {removed?.ToJsonString() ?? "null"} removed");
        }
    }

    private void Note(string id, string example) => Applied.TryAdd(id, example);

    /// <summary>JSON with object keys sorted (N-key-order: the server unmarshals into structs and maps).</summary>
    public static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Short(string hash) => hash.Length == 40 ? hash[..12] : hash;

    private static string Lower(bool value) => value ? "true" : "false";
}
