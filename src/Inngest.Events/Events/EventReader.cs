using System.Text.Json;

namespace Inngest.Events;

/// <summary>Turns a received event object (<c>{name, data, id, ts, v}</c>) into a typed <see cref="Event{TData}"/>.</summary>
internal static class EventReader
{
    /// <summary>Reads <paramref name="raw"/> as a <typeparamref name="T"/> event.</summary>
    /// <exception cref="PayloadMismatchException">The event or its data does not fit <typeparamref name="T"/>.</exception>
    public static Event<T> Read<T>(JsonElement raw)
        where T : IEventData<T>
    {
        try
        {
            return ReadCore<T>(raw);
        }
        catch (JsonException exception)
        {
            var name = raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : T.EventName;
            var data = raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("data", out var d) ? d : raw;
            throw PayloadMismatchException.Create(name, typeof(T), data, exception);
        }
    }

    private static Event<T> ReadCore<T>(JsonElement raw)
        where T : IEventData<T>
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected an event object for '{T.EventName}' but found {raw.ValueKind}.");
        }

        var data = raw.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null
            ? d.Deserialize(T.JsonTypeInfo)
            : JsonSerializer.Deserialize("{}"u8, T.JsonTypeInfo);
        if (data is null)
        {
            throw new JsonException($"The event '{T.EventName}' has no data.");
        }

        string? Text(string name) => raw.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateTimeOffset? ts = raw.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetDouble(out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
            : null;
        return new Event<T>(data) { Id = Text("id"), Ts = ts, V = Text("v") };
    }
}
