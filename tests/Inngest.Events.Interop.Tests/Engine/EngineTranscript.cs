using System.Text.RegularExpressions;
using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Executor;
using EngineRun = Inngest.Events.Engine.RunRecord;

namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>
/// Turns a run the embedded engine drove (and the runs it invoked) into comparable lines: every call (step id, attempt,
/// status, retry headers, op codes, hashed ids, display names, errors), every step with its status, attempts and
/// memoized value, the events its send steps delivered to the engine, the outcome, and the system events the engine
/// emitted for it (<c>inngest/function.finished</c>, <c>.failed</c>, <c>.cancelled</c>) with their data. Like
/// <see cref="Transcript"/>, only what the server treats as equivalent is normalized, under ids docs/interop.md explains.
/// </summary>
internal sealed partial class EngineTranscript
{
    private static readonly string[] SystemEvents = ["inngest/function.finished", "inngest/function.failed", "inngest/function.cancelled"];

    private readonly List<string> _lines = [];
    private readonly Dictionary<string, string> _ulids = new(StringComparer.Ordinal);

    private EngineTranscript(InngestEngine engine, EngineRun run)
    {
        var events = engine.Events;
        var runs = engine.Runs;
        Write(run, runs, events, string.Empty);

        // N-engine-ids: run ids and the internal ids of events are ULIDs made from the engine's clock and random bits;
        // both engines make them the same way, so they are compared by where they first appear.
        for (var i = 0; i < _lines.Count; i++)
        {
            _lines[i] = Ulid().Replace(_lines[i], match =>
            {
                if (!_ulids.TryGetValue(match.Value, out var placeholder))
                {
                    placeholder = $"<ulid-{_ulids.Count + 1}>";
                    _ulids.Add(match.Value, placeholder);
                    Note("N-engine-ids", $"{match.Value} => {placeholder}");
                }

                return placeholder;
            });
        }
    }

    public SortedDictionary<string, string> Applied { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Lines => _lines;

    public static EngineTranscript Of(InngestEngine engine, EngineRun run) => new(engine, run);

    public override string ToString() => string.Join('\n', _lines);

    private void Write(EngineRun run, IReadOnlyList<EngineRun> runs, IReadOnlyList<EventRecord> events, string indent)
    {
        // Both engines start at the same fake time and move their clocks alike, so times are compared as they are: a
        // sleep, a wait's timeout or a Retry-After of another length would end the run at another time.
        _lines.Add($"{indent}run {run.CompositeFunctionId} {run.RunId} created={Time(run.CreatedAt)} started={Time(run.StartedAt)} ended={Time(run.EndedAt)}");
        foreach (var call in run.Calls)
        {
            var ctx = call.Request.Ctx;
            var response = call.Response;
            _lines.Add($"{indent}  call stepId={Short(ctx.StepId)} attempt={ctx.Attempt}/{ctx.MaxAttempts} disable_immediate_execution={Lower(ctx.DisableImmediateExecution)}"
                + $" stack=[{string.Join(",", ctx.Stack.Select(Short))}] memoized={call.Request.Steps.Count}"
                + $" -> {response.StatusCode} no-retry={(response.NoRetry is { } noRetry ? Lower(noRetry) : "-")} retry-after={response.RetryAfter ?? "-"}");
            foreach (var op in response.Ops)
            {
                _lines.Add($"{indent}    op {op.Op} {Short(op.Id)} display={op.DisplayName ?? "-"}"
                    + (op.Op == OpCodes.StepRun ? $" data={Canonical(op.Data)}" : string.Empty)
                    + (op.Error is { } opError ? $" error={Error(opError)}" : string.Empty));
            }

            if (response.Error is { } error)
            {
                _lines.Add($"{indent}    error {Error(error)}");
            }
            else if (response.StatusCode == 200)
            {
                _lines.Add($"{indent}    result {Canonical(response.Result)}");
            }
        }

        foreach (var step in run.Steps)
        {
            _lines.Add($"{indent}  step {step.Name} {Short(step.Hash)} {step.Op} {step.Status} attempts={step.Attempts} memo={Canonical(Memo(step.Memo))}");

            // What a send step delivered: the events the engine received under the ids the step returned.
            if (step.Output is { ValueKind: JsonValueKind.Object } output && output.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in ids.EnumerateArray().Select(i => i.GetString()))
                {
                    var sent = events.SingleOrDefault(e => e.InternalId == id);
                    _lines.Add($"{indent}    sent {id} " + (sent is null ? "(not received)" : Canonical(SentEvent(sent.Payload))));
                }
            }
        }

        _lines.Add($"{indent}  outcome {run.Status}: " + run.Status switch
        {
            RunStatus.Completed => Canonical(run.Result),
            RunStatus.Failed => Error(run.Error!),
            RunStatus.Cancelled => "cancelled",
            _ => "unfinished",
        });

        foreach (var evt in events.Where(e => SystemEvents.Contains(e.Name) && RunIdOf(e) == run.RunId))
        {
            _lines.Add($"{indent}  system {evt.Name} id={evt.Id} data={Canonical(SystemEventData(evt.Payload))}");
        }

        foreach (var child in runs.Where(r => r.ParentRunId == run.RunId))
        {
            Write(child, runs, events, indent + "  ");
        }
    }

    private static string? RunIdOf(EventRecord evt)
        => evt.Data.ValueKind == JsonValueKind.Object && evt.Data.TryGetProperty("run_id", out var id) ? id.GetString() : null;

    /// <summary>
    /// An event a step sent. N-event-ts-default: for an event sent without <c>ts</c>, JS stamps it with its (real) clock
    /// and the engine stamps ours with its (fake) clock, so such a <c>ts</c> is dropped; a <c>ts</c> the function set is
    /// earlier than both clocks (<see cref="Infrastructure.DevServerHost.Start"/>) and is compared.
    /// </summary>
    private JsonNode? SentEvent(JsonElement payload)
    {
        var copy = JsonNode.Parse(payload.GetRawText())!.AsObject();
        if (copy["ts"] is JsonValue ts && ts.TryGetValue<long>(out var milliseconds)
            && milliseconds >= Infrastructure.DevServerHost.Start.ToUnixTimeMilliseconds())
        {
            copy.Remove("ts");
            Note("N-event-ts-default", $"ts {milliseconds} of an event sent from a step without one removed");
        }

        return copy;
    }

    /// <summary>A system event's data, with its error normalized like errors everywhere (N-error-details).</summary>
    private JsonNode? SystemEventData(JsonElement payload)
    {
        var data = JsonNode.Parse(payload.GetProperty("data").GetRawText())!.AsObject();
        if (data["error"] is JsonObject error)
        {
            var normalized = ErrorObject(error);
            if (normalized["name"] is JsonValue name && normalized["message"] is JsonValue message)
            {
                // "Name: message", as the engine writes it, with the normalized name.
                normalized["error"] = $"{name.GetValue<string>()}: {message.GetValue<string>()}";
            }

            data["error"] = normalized;
        }

        return data;
    }

    private JsonNode? Memo(JsonElement? memo)
    {
        if (memo is not { } value)
        {
            return null;
        }

        var node = JsonNode.Parse(value.GetRawText());
        if (node is JsonObject { Count: 1 } obj && obj["error"] is JsonObject error)
        {
            return new JsonObject { ["error"] = ErrorObject(error) };
        }

        return node;
    }

    private string Error(StepError error)
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(new { name = error.Name, message = error.Message }))!.AsObject();
        return Canonical(ErrorObject(node));
    }

    /// <summary>N-error-details: name and message only, .NET exception names mapped to the JS error names.</summary>
    private JsonObject ErrorObject(JsonObject error)
    {
        var copy = new JsonObject();
        foreach (var key in new[] { "name", "message" })
        {
            if (error[key] is { } value)
            {
                copy[key] = value.DeepClone();
            }
        }

        if (error.Any(p => p.Key is not ("name" or "message" or "error")))
        {
            Note("N-error-details", $"dropped {string.Join(", ", error.Where(p => p.Key is not ("name" or "message" or "error")).Select(p => p.Key))}");
        }

        if (copy["name"] is JsonValue name && name.TryGetValue<string>(out var text) && Transcript.ErrorNames.TryGetValue(text, out var js))
        {
            Note("N-error-details", $"name {text} => {js}");
            copy["name"] = js;
        }

        return copy;
    }

    private void Note(string id, string example) => Applied.TryAdd(id, example);

    private static string Canonical(JsonElement? element) => element is { } value ? Transcript.Canonical(JsonNode.Parse(value.GetRawText())) : "-";

    private static string Canonical(JsonNode? node) => Transcript.Canonical(node);

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static string Short(string hash) => hash.Length == 40 ? hash[..12] : hash;

    private static string Lower(bool value) => value ? "true" : "false";

    [GeneratedRegex("\\b[0-9A-HJKMNP-TV-Z]{26}\\b")]
    private static partial Regex Ulid();
}
