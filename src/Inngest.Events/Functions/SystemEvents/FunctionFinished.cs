using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary><c>inngest/function.finished</c>: a run ended, whether it completed, failed or was cancelled.</summary>
/// <remarks>
/// <c>inngest/function.failed</c> and <c>inngest/function.cancelled</c> carry this same data; <see cref="FunctionFailed"/>
/// and <see cref="FunctionCancelled"/> read the part of it that matters to them.
/// </remarks>
/// <param name="FunctionId">The composite id (<c>{appId}-{id}</c>) of the function.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="Event">The run's first triggering event, as received.</param>
/// <param name="Events">All of the run's triggering events.</param>
/// <param name="Result">The function's result, when it completed.</param>
/// <param name="Error">Why the run failed, when it failed.</param>
/// <param name="CorrelationId">The invoke correlation id, for a run started by <c>step.InvokeAsync</c>.</param>
/// <param name="Inngest">Inngest's own fields (<c>_inngest</c>): how the run ended.</param>
[Event(SystemEventNames.FunctionFinished)]
public sealed partial record FunctionFinished(
    [property: JsonPropertyName("function_id")] string FunctionId,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("event")] JsonElement Event,
    [property: JsonPropertyName("events")] IReadOnlyList<JsonElement>? Events,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Result = null,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FunctionError? Error = null,
    [property: JsonPropertyName("correlation_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CorrelationId = null,
    [property: JsonPropertyName(EventRules.InternalDataProperty), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RunEndMetadata? Inngest = null);
