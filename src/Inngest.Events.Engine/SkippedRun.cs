namespace Inngest.Events.Engine;

/// <summary>A run an event would have started, and why it did not, e.g. <c>skipped: rateLimit key=acct_42 (1 per 1m)</c>.</summary>
/// <param name="Time">When the engine decided, by its clock.</param>
/// <param name="FunctionId">The function's id within its app.</param>
/// <param name="CompositeFunctionId">The function's composite id, <c>{appId}-{functionId}</c>.</param>
/// <param name="EventInternalId">The internal id of the event that started no run.</param>
/// <param name="EventName">Its name.</param>
/// <param name="Reason">Which rule decided.</param>
/// <param name="Key">The key the rule applied to (a key expression's value, the idempotency key), when it has one.</param>
/// <param name="Message">A one-line description.</param>
public sealed record SkippedRun(
    DateTimeOffset Time,
    string FunctionId,
    string CompositeFunctionId,
    string EventInternalId,
    string EventName,
    SkipReason Reason,
    string? Key,
    string Message)
{
    /// <summary>The decision as a log line.</summary>
    public override string ToString() => $"{Time:O} event {EventInternalId} ('{EventName}') started no run of {CompositeFunctionId}: {Message}";
}
