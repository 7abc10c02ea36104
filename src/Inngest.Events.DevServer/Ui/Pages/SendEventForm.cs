using System.Buffers;
using System.Text.Json;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// The send-an-event form's fields and their checks: a name the event API accepts and <c>data</c> that is a JSON
/// object (the page's script checks the same before sending; this is the check that counts).
/// </summary>
internal sealed record SendEventForm(string Name, string Data, string Id)
{
    public const string DefaultData = "{\n  \n}";

    /// <summary>Checks the fields and sends the event; the internal id, or the problem in words.</summary>
    public (string? InternalId, string? Error, string? Field) Send(InngestEngine engine)
    {
        var name = Name.Trim();
        if (name.Length == 0)
        {
            return (null, "Give the event a name, such as app/user.created.", "name");
        }

        if (name.StartsWith("inngest/", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"The name '{name}' is reserved: names starting with 'inngest/' are Inngest's own events.", "name");
        }

        JsonDocument data;
        try
        {
            data = JsonDocument.Parse(string.IsNullOrWhiteSpace(Data) ? "{}" : Data, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException exception)
        {
            return (null, $"The data is not valid JSON: {exception.Message}", "data");
        }

        using (data)
        {
            if (data.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"The data must be a JSON object ({{ … }}), not {Article(data.RootElement.ValueKind)}.", "data");
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WritePropertyName("data");
                data.RootElement.WriteTo(writer);
                if (Id.Trim() is { Length: > 0 } id)
                {
                    writer.WriteString("id", id);
                }

                writer.WriteEndObject();
            }

            try
            {
                return (engine.SendJson(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan))[0], null, null);
            }
            catch (InngestEventValidationException exception)
            {
                return (null, exception.Message, "name");
            }
            catch (JsonException exception)
            {
                return (null, exception.Message, "data");
            }
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
