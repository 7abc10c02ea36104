using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Internal;

/// <summary>An event as sent, checked against the event API's rules but not yet ingested (no internal id, no receive time).</summary>
internal sealed record ParsedEvent(string Name, JsonElement Data, string? Id, long? Ts, JsonElement User, string? V);

/// <summary>
/// Reads and validates events as Inngest's event API does (docs/protocol.md#event-api): reserved <c>inngest/</c>
/// prefix, empty name, <c>ts</c> within 1980–2100, <c>data</c> an object (missing or null means <c>{}</c>), and
/// <c>data._inngest</c> removed.
/// </summary>
internal static class EventParser
{
    /// <summary>Reads a request body: one event object or an array of them.</summary>
    /// <exception cref="JsonException">The body is not JSON, or not an event or an array of events.</exception>
    /// <exception cref="InngestEventValidationException">An event breaks a rule.</exception>
    public static IReadOnlyList<ParsedEvent> ParseBody(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return [Parse(root, 0)];
            case JsonValueKind.Array:
                var events = new List<ParsedEvent>(root.GetArrayLength());
                foreach (var element in root.EnumerateArray())
                {
                    events.Add(Parse(element, events.Count));
                }

                return events;
            default:
                throw new JsonException("The body must be an event object or an array of event objects.");
        }
    }

    /// <summary>Reads one serialized event object.</summary>
    public static ParsedEvent Parse(ReadOnlySpan<byte> json, int index)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Parse(document.RootElement, index);
    }

    public static ParsedEvent Parse(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Event {index} is not a JSON object.");
        }

        var name = element.TryGetProperty("name", out var n) ? n.ValueKind switch
        {
            JsonValueKind.String => n.GetString()!,
            JsonValueKind.Null => string.Empty,
            _ => throw new JsonException($"Event {index}: 'name' must be a string."),
        } : string.Empty;

        if (EventRules.IsReserved(name))
        {
            throw new InngestEventValidationException(index, name, EventValidationRule.ReservedName, $"Event {index} is invalid: {EventRules.ReservedNameError(name)}");
        }

        if (name.Length == 0)
        {
            throw new InngestEventValidationException(index, name, EventValidationRule.EmptyName, $"Event {index} is invalid: {EventRules.EmptyNameError}");
        }

        long? ts = null;
        if (element.TryGetProperty("ts", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind != JsonValueKind.Number)
            {
                throw new JsonException($"Event {index} ('{name}'): 'ts' must be a number of unix milliseconds.");
            }

            var value = t.TryGetInt64(out var whole) ? whole : (long)t.GetDouble();
            if (value != 0 && !EventRules.IsInRange(value))
            {
                throw new InngestEventValidationException(
                    index,
                    name,
                    EventValidationRule.TimestampOutOfRange,
                    $"Event {index} ('{name}') is invalid: its ts {value} is outside the range Inngest accepts, {EventRules.TimestampRange}");
            }

            ts = value == 0 ? null : value;
        }

        var data = JsonValues.EmptyObject;
        if (element.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"Event {index} ('{name}'): 'data' must be a JSON object, not {d.ValueKind.ToString().ToLowerInvariant()}.");
            }

            data = d.TryGetProperty(EventRules.InternalDataProperty, out _) ? WithoutInternal(d) : d.Clone();
        }

        var user = JsonValues.EmptyObject;
        if (element.TryGetProperty("user", out var u) && u.ValueKind != JsonValueKind.Null)
        {
            if (u.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"Event {index} ('{name}'): 'user' must be a JSON object.");
            }

            user = u.Clone();
        }

        return new ParsedEvent(name, data, Text(element, "id", index, name), ts, user, Text(element, "v", index, name));
    }

    private static string? Text(JsonElement element, string property, int index, string name)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new JsonException($"Event {index} ('{name}'): '{property}' must be a string.");
    }

    private static JsonElement WithoutInternal(JsonElement data)
        => JsonValues.Build(writer =>
        {
            writer.WriteStartObject();
            foreach (var property in data.EnumerateObject())
            {
                if (property.Name != EventRules.InternalDataProperty)
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
}
