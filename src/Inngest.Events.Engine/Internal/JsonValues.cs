using System.Text.Json;
using Inngest.Events.Serialization;

namespace Inngest.Events.Engine.Internal;

/// <summary>Builds the small JSON values the engine stores and sends.</summary>
internal static class JsonValues
{
    public static JsonElement Null { get; } = Parse("null"u8);

    public static JsonElement EmptyObject { get; } = Parse("{}"u8);

    public static JsonElement Build(Action<Utf8JsonWriter> write) => JsonElements.Build(write);

    public static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    public static string? GetString(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
