using System.Text.Json;

namespace Inngest.Events.Protocol;

/// <summary>
/// A call request from an executor to a function (docs/protocol.md#call-requests-post): the triggering event(s), the
/// memoized step results, and the run's context. The embedded engine builds these in memory; the serve endpoint
/// parses them from HTTP.
/// </summary>
public sealed record CallRequest
{
    /// <summary>The first triggering event, as <c>{name, data, id, ts, v, user}</c>.</summary>
    public required JsonElement Event { get; init; }

    /// <summary>All triggering events (one unless batched).</summary>
    public IReadOnlyList<JsonElement> Events { get; init; } = [];

    /// <summary>Memoized step results by hashed step id.</summary>
    public IReadOnlyDictionary<string, JsonElement> Steps { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The execution version; -1 for a new run.</summary>
    public int Version { get; init; } = -1;

    /// <summary>The run's context.</summary>
    public required CallContext Ctx { get; init; }

    /// <summary>Parses a call request body.</summary>
    /// <exception cref="JsonException">The body is not a call request.</exception>
    internal static CallRequest Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A call request must be a JSON object.");
        }

        var evt = root.TryGetProperty("event", out var e) ? e.Clone() : default;
        var events = new List<JsonElement>();
        if (root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                events.Add(item.Clone());
            }
        }

        var steps = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("steps", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            foreach (var step in s.EnumerateObject())
            {
                steps[step.Name] = step.Value.Clone();
            }
        }

        var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : -1;
        var ctx = root.TryGetProperty("ctx", out var c) && c.ValueKind == JsonValueKind.Object ? CallContext.Parse(c) : new CallContext { RunId = string.Empty };
        if (events.Count == 0 && evt.ValueKind == JsonValueKind.Object)
        {
            events.Add(evt);
        }

        return new CallRequest { Event = evt, Events = events, Steps = steps, Version = version, Ctx = ctx };
    }

    /// <summary>Writes the request body.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("event");
        Event.WriteTo(writer);
        writer.WriteStartArray("events");
        foreach (var e in Events)
        {
            e.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("steps");
        foreach (var (id, value) in Steps)
        {
            writer.WritePropertyName(id);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteNumber("version", Version);
        writer.WriteBoolean("use_api", Ctx.UseApi);
        writer.WritePropertyName("ctx");
        Ctx.WriteTo(writer);
        writer.WriteEndObject();
    }
}
