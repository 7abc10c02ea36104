using System.Text.Json.Serialization;

namespace Inngest.Events;

/// <summary>Inngest's own fields (<c>_inngest</c>) on the data of <see cref="FunctionFinished"/>.</summary>
/// <param name="Status">How the run ended: <c>Completed</c>, <c>Failed</c> or <c>Cancelled</c>.</param>
public sealed record RunEndMetadata([property: JsonPropertyName("status")] string Status);
