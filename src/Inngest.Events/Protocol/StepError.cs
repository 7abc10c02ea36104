using System.Text.Json;

namespace Inngest.Events.Protocol;

/// <summary>A serialized error: <c>{"name","message","stack"}</c>.</summary>
public sealed record StepError(string Name, string Message, string? Stack = null)
{
    /// <summary>Describes an exception the way the SDKs report it.</summary>
    internal static StepError From(Exception exception)
        => new(exception.GetType().Name, exception.Message, exception.StackTrace);

    /// <summary>Writes the error object.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteString("message", Message);
        if (Stack is not null)
        {
            writer.WriteString("stack", Stack);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an error object; missing fields become empty.</summary>
    internal static StepError Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new StepError("Error", element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
        }

        string Get(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        var stack = element.TryGetProperty("stack", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return new StepError(Get("name") is { Length: > 0 } n ? n : "Error", Get("message"), stack);
    }
}
