using System.Text.Json.Serialization;

namespace Inngest.Events;

/// <summary>
/// Inngest's own fields (<c>_inngest</c>) on the data of an <c>inngest/function.invoked</c> event, beside the data the
/// invoking step passed (docs/protocol.md#system-events).
/// </summary>
/// <param name="FunctionId">The composite id of the invoked function.</param>
/// <param name="CorrelationId">Ties the invoked run's <c>inngest/function.finished</c> back to the invoking step.</param>
/// <param name="Expire">When the invoking step stops waiting, in unix milliseconds.</param>
/// <param name="Name">The event's own name, <c>inngest/function.invoked</c>.</param>
/// <param name="SourceAppId">The app of the invoking function.</param>
/// <param name="SourceFunctionId">The composite id of the invoking function.</param>
/// <param name="SourceFunctionVersion">The version of the invoking function.</param>
internal sealed record FunctionInvokedMetadata(
    [property: JsonPropertyName("fn_id")] string FunctionId,
    [property: JsonPropertyName("correlation_id")] string CorrelationId,
    [property: JsonPropertyName("expire")] long Expire,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source_app_id")] string SourceAppId,
    [property: JsonPropertyName("source_fn_id")] string SourceFunctionId,
    [property: JsonPropertyName("source_fn_v")] int SourceFunctionVersion);
