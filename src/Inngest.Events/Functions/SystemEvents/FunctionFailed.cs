using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// <c>inngest/function.failed</c>: a run failed for good (its retries are exhausted, or it failed without retries).
/// The <see cref="InngestFunctionAttribute.OnFailure"/> handler of a function receives it.
/// </summary>
/// <param name="FunctionId">The composite id (<c>{appId}-{id}</c>) of the function that failed.</param>
/// <param name="RunId">The failed run's id.</param>
/// <param name="Event">The run's first triggering event, as received.</param>
/// <param name="Events">All of the run's triggering events.</param>
/// <param name="Error">Why the run failed.</param>
[Event(SystemEventNames.FunctionFailed)]
public sealed partial record FunctionFailed(
    [property: JsonPropertyName("function_id")] string FunctionId,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("event")] JsonElement Event,
    [property: JsonPropertyName("events")] IReadOnlyList<JsonElement>? Events,
    [property: JsonPropertyName("error")] FunctionError Error);
