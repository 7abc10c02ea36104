using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.History;

/// <summary>
/// Reads and writes the run-history document (docs/run-history.md). Reading is strict about what it needs (the
/// format, a version it knows, the run's function, the steps' identity and kind) and says exactly where a value is
/// wrong; fields it does not know are ignored, so exporters may add some within a version.
/// </summary>
internal static class RunHistoryJson
{
    public static string FormatTime(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    // ---- writing ----

    public static byte[] Write(RunHistory history)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, history);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, RunHistory history)
    {
        writer.WriteStartObject();
        writer.WriteString("format", RunHistory.Format);
        writer.WriteNumber("version", RunHistory.CurrentVersion);
        if (history.ExportedAt is { } exportedAt)
        {
            writer.WriteString("exported_at", FormatTime(exportedAt));
        }

        var run = history.Run;
        writer.WriteStartObject("run");
        writer.WriteString("run_id", run.RunId);
        writer.WriteString("app_id", run.AppId);
        writer.WriteString("function_id", run.FunctionId);
        writer.WriteString("composite_function_id", run.CompositeFunctionId);
        writer.WriteString("status", run.Status.ToString());
        writer.WriteString("created_at", FormatTime(run.CreatedAt));
        WriteTime(writer, "started_at", run.StartedAt);
        WriteTime(writer, "ended_at", run.EndedAt);
        WriteString(writer, "original_run_id", run.OriginalRunId);
        WriteString(writer, "parent_run_id", run.ParentRunId);
        WriteString(writer, "correlation_id", run.CorrelationId);
        WriteValue(writer, "result", run.Result);
        WriteError(writer, "error", run.Error);
        WriteString(writer, "cancellation_reason", run.CancellationReason);
        writer.WriteEndObject();

        writer.WriteStartArray("events");
        foreach (var evt in history.Events)
        {
            writer.WriteStartObject();
            writer.WriteString("internal_id", evt.InternalId);
            writer.WritePropertyName("payload");
            evt.Payload.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("steps");
        foreach (var step in history.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("hash", step.Hash);
            WriteString(writer, "name", step.Name);
            if (step.Index is { } index)
            {
                writer.WriteNumber("index", index);
            }

            writer.WriteString("op", step.Op);
            writer.WriteString("status", step.Status.ToString());
            writer.WriteNumber("attempts", step.Attempts);
            WriteValue(writer, "opts", step.Opts);
            WriteValue(writer, "output", step.Output);
            WriteError(writer, "error", step.Error);
            WriteValue(writer, "memo", step.Memo);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("stack");
        foreach (var hash in history.Stack)
        {
            writer.WriteStringValue(hash);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("calls");
        foreach (var call in history.Calls)
        {
            writer.WriteStartObject();
            writer.WriteString("time", FormatTime(call.Time));
            writer.WriteString("step_id", call.StepId);
            writer.WriteNumber("attempt", call.Attempt);
            writer.WritePropertyName("request");
            call.Request.WriteTo(writer);
            writer.WriteStartObject("response");
            writer.WriteNumber("status", call.Status);
            if (call.NoRetry is { } noRetry)
            {
                writer.WriteBoolean("no_retry", noRetry);
            }

            WriteString(writer, "retry_after", call.RetryAfter);
            writer.WritePropertyName("body");
            call.Body.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("timeline");
        foreach (var entry in history.Timeline)
        {
            writer.WriteStartObject();
            writer.WriteString("time", FormatTime(entry.Time));
            writer.WriteString("kind", entry.Kind.ToString());
            WriteString(writer, "step", entry.Step);
            writer.WriteString("message", entry.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, FormatTime(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a JSON value when there is one (a JSON <c>null</c> included); leaves the field out otherwise.</summary>
    private static void WriteValue(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }

    private static void WriteError(Utf8JsonWriter writer, string name, StepError? error)
    {
        if (error is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("name", error.Name);
        writer.WriteString("message", error.Message);
        if (error.Stack is not null)
        {
            writer.WriteString("stack", error.Stack);
        }

        writer.WriteEndObject();
    }

    // ---- reading ----

    public static RunHistory Read(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw new RunHistoryFormatException(
                $"$: the run history is not valid JSON (line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}): {exception.Message}",
                "$",
                exception);
        }

        using (document)
        {
            return Read(new Node(document.RootElement, "$"));
        }
    }

    private static RunHistory Read(Node root)
    {
        root.Expect(JsonValueKind.Object, "a run-history object");
        var format = root.OptionalString("format");
        if (format != RunHistory.Format)
        {
            throw new RunHistoryFormatException(
                format is null
                    ? $"$.format: missing; a run history starts with \"format\": \"{RunHistory.Format}\"."
                    : $"$.format: \"{format}\" is not a run history; expected \"{RunHistory.Format}\".",
                "$.format");
        }

        var versionNode = root.Required("version");
        if (versionNode.Element.ValueKind != JsonValueKind.Number || !versionNode.Element.TryGetInt32(out var version) || version < 1)
        {
            throw versionNode.Error("expected a positive whole number");
        }

        if (version > RunHistory.CurrentVersion)
        {
            throw new RunHistoryFormatException(
                $"$.version: {version} is newer than this library reads (up to {RunHistory.CurrentVersion}); update Inngest.Events.Engine to read it.",
                "$.version");
        }

        var run = root.Required("run");
        run.Expect(JsonValueKind.Object, "an object");
        var history = new RunHistory
        {
            Version = version,
            ExportedAt = root.OptionalTime("exported_at"),
            Run = new RunHistoryRun
            {
                RunId = run.OptionalString("run_id") ?? string.Empty,
                AppId = run.OptionalString("app_id") ?? string.Empty,
                FunctionId = run.RequiredString("function_id"),
                CompositeFunctionId = run.OptionalString("composite_function_id") ?? string.Empty,
                Status = run.RequiredEnum<RunStatus>("status"),
                CreatedAt = run.OptionalTime("created_at") ?? default,
                StartedAt = run.OptionalTime("started_at"),
                EndedAt = run.OptionalTime("ended_at"),
                OriginalRunId = run.OptionalString("original_run_id"),
                ParentRunId = run.OptionalString("parent_run_id"),
                CorrelationId = run.OptionalString("correlation_id"),
                Result = run.OptionalValue("result"),
                Error = run.OptionalError("error"),
                CancellationReason = run.OptionalString("cancellation_reason"),
            },
            Events = root.RequiredArray("events").Select(ReadEvent).ToArray(),
            Steps = root.RequiredArray("steps").Select(ReadStep).ToArray(),
            Stack = root.OptionalArray("stack").Select(n => n.String()).ToArray(),
            Calls = root.OptionalArray("calls").Select(ReadCall).ToArray(),
            Timeline = root.OptionalArray("timeline").Select(ReadTimelineEntry).ToArray(),
        };

        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < history.Steps.Count; i++)
        {
            if (!hashes.Add(history.Steps[i].Hash))
            {
                throw new RunHistoryFormatException($"$.steps[{i}].hash: the step '{history.Steps[i].Hash}' is listed twice.", $"$.steps[{i}].hash");
            }
        }

        for (var i = 0; i < history.Stack.Count; i++)
        {
            if (!hashes.Contains(history.Stack[i]))
            {
                throw new RunHistoryFormatException($"$.stack[{i}]: '{history.Stack[i]}' is not the hash of a listed step.", $"$.stack[{i}]");
            }
        }

        return history;
    }

    private static RunHistoryEvent ReadEvent(Node node)
    {
        node.Expect(JsonValueKind.Object, "an event entry ({\"internal_id\", \"payload\"})");
        var payload = node.Required("payload");
        payload.Expect(JsonValueKind.Object, "the event object");
        return new RunHistoryEvent(node.OptionalString("internal_id") ?? string.Empty, payload.Element.Clone());
    }

    private static RunHistoryStep ReadStep(Node node)
    {
        node.Expect(JsonValueKind.Object, "a step object");
        int? index = null;
        if (node.Optional("index") is { } indexNode)
        {
            if (indexNode.Element.ValueKind != JsonValueKind.Number || !indexNode.Element.TryGetInt32(out var i) || i < 0)
            {
                throw indexNode.Error("expected a non-negative whole number");
            }

            index = i;
        }

        return new RunHistoryStep
        {
            Hash = node.RequiredString("hash"),
            Name = node.OptionalString("name"),
            Index = index,
            Op = node.RequiredString("op"),
            Status = node.RequiredEnum<StepStatus>("status"),
            Attempts = node.OptionalInt("attempts") ?? 0,
            Opts = node.OptionalValue("opts"),
            Output = node.OptionalValue("output"),
            Error = node.OptionalError("error"),
            Memo = node.Optional("memo")?.Element.Clone(),
        };
    }

    private static RunHistoryCall ReadCall(Node node)
    {
        node.Expect(JsonValueKind.Object, "a call object");
        var response = node.Required("response");
        response.Expect(JsonValueKind.Object, "an object");
        bool? noRetry = null;
        if (response.Optional("no_retry") is { Element.ValueKind: not JsonValueKind.Null } noRetryNode)
        {
            noRetry = noRetryNode.Element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw noRetryNode.Error("expected true or false"),
            };
        }

        return new RunHistoryCall(
            node.RequiredTime("time"),
            node.OptionalString("step_id") ?? "step",
            node.OptionalInt("attempt") ?? 0,
            node.Optional("request")?.Element.Clone() ?? default,
            response.OptionalInt("status") ?? 0,
            noRetry,
            response.OptionalString("retry_after"),
            response.Optional("body")?.Element.Clone() ?? default);
    }

    private static RunHistoryTimelineEntry ReadTimelineEntry(Node node)
    {
        node.Expect(JsonValueKind.Object, "a timeline entry");
        return new RunHistoryTimelineEntry(
            node.RequiredTime("time"),
            node.RequiredEnum<RunTimelineKind>("kind"),
            node.OptionalString("step"),
            node.OptionalString("message") ?? string.Empty);
    }

    /// <summary>A JSON value and its path, with the checks that say where a value is wrong.</summary>
    private readonly record struct Node(JsonElement Element, string Path)
    {
        public RunHistoryFormatException Error(string why)
            => new($"{Path}: {why}, found {Describe(Element)}.", Path);

        public void Expect(JsonValueKind kind, string what)
        {
            if (Element.ValueKind != kind)
            {
                throw Error($"expected {what}");
            }
        }

        public Node? Optional(string name)
            => Element.TryGetProperty(name, out var value) ? new Node(value, $"{Path}.{name}") : null;

        public Node Required(string name)
            => Optional(name) ?? throw new RunHistoryFormatException($"{Path}.{name}: missing.", $"{Path}.{name}");

        public string String()
        {
            Expect(JsonValueKind.String, "a string");
            return Element.GetString()!;
        }

        public string? OptionalString(string name)
            => Optional(name) is { } node && node.Element.ValueKind != JsonValueKind.Null ? node.String() : null;

        public string RequiredString(string name)
        {
            var node = Required(name);
            var value = node.String();
            if (value.Length == 0)
            {
                throw node.Error("expected a non-empty string");
            }

            return value;
        }

        public int? OptionalInt(string name)
        {
            if (Optional(name) is not { } node || node.Element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return node.Element.ValueKind == JsonValueKind.Number && node.Element.TryGetInt32(out var value) ? value : throw node.Error("expected a whole number");
        }

        public DateTimeOffset? OptionalTime(string name)
            => Optional(name) is { } node && node.Element.ValueKind != JsonValueKind.Null ? node.Time() : null;

        public DateTimeOffset RequiredTime(string name) => Required(name).Time();

        public T RequiredEnum<T>(string name)
            where T : struct, Enum
        {
            var node = Required(name);
            var text = node.String();
            if (!char.IsAsciiLetter(text.FirstOrDefault()) || !Enum.TryParse<T>(text, ignoreCase: true, out var value))
            {
                throw node.Error($"expected one of {string.Join(", ", Enum.GetNames<T>())}");
            }

            return value;
        }

        public JsonElement? OptionalValue(string name)
            => Optional(name) is { } node && node.Element.ValueKind != JsonValueKind.Null ? node.Element.Clone() : null;

        public StepError? OptionalError(string name)
        {
            if (Optional(name) is not { } node || node.Element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            node.Expect(JsonValueKind.Object, "an error object ({\"name\", \"message\", \"stack\"?})");
            return new StepError(node.OptionalString("name") ?? "Error", node.OptionalString("message") ?? string.Empty, node.OptionalString("stack"));
        }

        public IEnumerable<Node> RequiredArray(string name) => Required(name).Items();

        public IEnumerable<Node> OptionalArray(string name)
            => Optional(name) is { } node && node.Element.ValueKind != JsonValueKind.Null ? node.Items() : [];

        private IEnumerable<Node> Items()
        {
            Expect(JsonValueKind.Array, "an array");
            var path = Path;
            return Element.EnumerateArray().Select((item, i) => new Node(item, $"{path}[{i}]")).ToArray();
        }

        private DateTimeOffset Time()
        {
            var text = String();
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw Error("expected an RFC 3339 time such as 2026-01-01T00:00:00Z");
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"\"{Shorten(element.GetString()!)}\"",
            JsonValueKind.Undefined => "nothing",
            _ => element.GetRawText(),
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
