using System.Buffers;
using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Internal;

/// <summary>Builds the small JSON values the engine stores and sends: memos, events, error objects.</summary>
internal static class JsonValues
{
    public static JsonElement Null { get; } = Parse("null"u8);

    public static JsonElement EmptyObject { get; } = Parse("{}"u8);

    public static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Parse(buffer.WrittenSpan);
    }

    public static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>A successful step's memo: <c>{"data": value}</c>.</summary>
    public static JsonElement DataMemo(JsonElement value)
        => Build(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            value.WriteTo(writer);
            writer.WriteEndObject();
        });

    /// <summary>A failed step's memo: <c>{"error": error}</c>.</summary>
    public static JsonElement ErrorMemo(JsonElement error)
        => Build(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("error");
            error.WriteTo(writer);
            writer.WriteEndObject();
        });

    /// <summary>An error as the SDKs serialize it: <c>{"name","message","stack"?}</c>.</summary>
    public static JsonElement Error(StepError error)
        => Build(error.WriteTo);

    /// <summary>An error as <c>inngest/function.failed</c> carries it: <c>{"error":"Name: message","name","message","stack"?}</c>.</summary>
    public static JsonElement FunctionError(StepError error)
        => Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", $"{error.Name}: {error.Message}");
            writer.WriteString("name", error.Name);
            writer.WriteString("message", error.Message);
            if (error.Stack is not null)
            {
                writer.WriteString("stack", error.Stack);
            }

            writer.WriteEndObject();
        });

    public static string? GetString(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
