using System.Text.Json;

namespace Inngest.Events.Engine.History;

/// <summary>A triggering event of the recorded run.</summary>
/// <param name="InternalId">The id the engine assigned when it received the event (empty when unknown).</param>
/// <param name="Payload">The event as functions receive it: <c>{name, data, id, ts, user, v?}</c>.</param>
public sealed record RunHistoryEvent(string InternalId, JsonElement Payload)
{
    /// <summary>The event's name, or empty when the payload has none.</summary>
    public string Name => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
        ? name.GetString()!
        : string.Empty;
}
