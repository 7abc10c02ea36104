using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary><c>inngest/function.cancelled</c>: a run was cancelled (by a cancel-on event, a timeout or the API).</summary>
/// <param name="FunctionId">The composite id (<c>{appId}-{id}</c>) of the function.</param>
/// <param name="RunId">The cancelled run's id.</param>
/// <param name="Event">The run's first triggering event, as received.</param>
/// <param name="Events">All of the run's triggering events.</param>
[Event(SystemEventNames.FunctionCancelled)]
public sealed partial record FunctionCancelled(
    [property: JsonPropertyName("function_id")] string FunctionId,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("event")] JsonElement Event,
    [property: JsonPropertyName("events")] IReadOnlyList<JsonElement>? Events);
