using System.Buffers;
using System.Text.Json;

namespace Inngest.Events.Serialization;

/// <summary>Small JSON values built with a <see cref="Utf8JsonWriter"/> and kept as a <see cref="JsonElement"/>.</summary>
internal static class JsonElements
{
    /// <summary>JSON <c>null</c>.</summary>
    public static JsonElement Null { get; } = Build(writer => writer.WriteNullValue());

    /// <summary>The value <paramref name="write"/> writes.</summary>
    public static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }
}
