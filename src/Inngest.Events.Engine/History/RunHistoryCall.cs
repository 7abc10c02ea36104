using System.Text.Json;

namespace Inngest.Events.Engine.History;

/// <summary>One call of the function in the recorded run: the request as the protocol carried it, and the response.</summary>
/// <param name="Time">When the call started.</param>
/// <param name="StepId">The <c>stepId</c> of the call: <c>step</c> to discover, or the hash of the step to run.</param>
/// <param name="Attempt">The attempt (0-based).</param>
/// <param name="Request">The call request body (<c>{event, events, steps, ctx, version}</c>).</param>
/// <param name="Status">The response's HTTP status (200 done, 206 ops, 4xx/5xx errors).</param>
/// <param name="NoRetry">The response's <c>X-Inngest-No-Retry</c>, when it had one.</param>
/// <param name="RetryAfter">The response's <c>Retry-After</c>, when it had one.</param>
/// <param name="Body">The response body: the result, the ops, or the error.</param>
public sealed record RunHistoryCall(
    DateTimeOffset Time,
    string StepId,
    int Attempt,
    JsonElement Request,
    int Status,
    bool? NoRetry,
    string? RetryAfter,
    JsonElement Body);
