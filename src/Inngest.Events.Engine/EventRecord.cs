using System.Text.Json;

namespace Inngest.Events.Engine;

/// <summary>An event the engine ingested, as delivered to functions.</summary>
/// <param name="InternalId">The ULID the engine assigned (what a send returns).</param>
/// <param name="Name">The event name.</param>
/// <param name="Id">The event's <c>id</c> (its dedup id; the internal id when none was given).</param>
/// <param name="Payload">The normalized event object: <c>{name, data, id, ts, user, v?}</c>.</param>
/// <param name="ReceivedAt">When the engine received it.</param>
public sealed record EventRecord(string InternalId, string Name, string Id, JsonElement Payload, DateTimeOffset ReceivedAt)
{
    /// <summary>The event's <c>data</c> object.</summary>
    public JsonElement Data => Payload.GetProperty("data");
}
