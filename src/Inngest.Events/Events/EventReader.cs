using System.Text.Json;

namespace Inngest.Events;

/// <summary>Turns a received event object (<c>{name, data, id, ts, v}</c>) into a typed <see cref="Event{TData}"/>.</summary>
internal static class EventReader
{
    public static Event<T> Read<T>(JsonElement raw)
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
