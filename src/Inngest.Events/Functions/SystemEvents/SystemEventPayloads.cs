using System.Text.Json;
using Inngest.Events.Protocol;
using Inngest.Events.Serialization;

namespace Inngest.Events;

/// <summary>
/// The data of the system events an executor emits (docs/protocol.md#system-events), written from the typed
/// records so that what the engine sends is what <see cref="FunctionFinished"/>, <see cref="FunctionFailed"/> and
/// <see cref="FunctionCancelled"/> read.
/// </summary>
internal static class SystemEventPayloads
{
    /// <summary>The data of <c>inngest/function.finished</c>, and of <c>.failed</c> or <c>.cancelled</c> beside it.</summary>
    public static JsonElement RunEnded(FunctionFinished finished)
        => JsonSerializer.SerializeToElement(finished, FunctionFinished.JsonTypeInfo);

    /// <summary>
    /// The data of <c>inngest/function.invoked</c>: the invoking step's data (an object; without any <c>_inngest</c>
    /// of its own) plus Inngest's <paramref name="metadata"/> as <c>_inngest</c>.
    /// </summary>
    public static JsonElement Invoked(JsonElement data, FunctionInvokedMetadata metadata)
        => JsonElements.Build(writer =>
        {
            writer.WriteStartObject();
            if (data.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in data.EnumerateObject())
                {
                    if (property.Name != EventRules.InternalDataProperty)
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WritePropertyName(EventRules.InternalDataProperty);
            JsonSerializer.Serialize(writer, metadata, SystemEventJson.Default.FunctionInvokedMetadata);
            writer.WriteEndObject();
        });
}
