namespace Inngest.Events.Engine;

/// <summary>One thing that happened to a run, e.g. <c>step 'charge' failed (attempt 1 of 5), retrying in 15s</c>.</summary>
/// <param name="Time">When it happened, by the engine's clock.</param>
/// <param name="RunId">The run.</param>
/// <param name="FunctionId">The function's id within the app.</param>
/// <param name="Kind">What happened.</param>
/// <param name="StepName">The user's step id, for step entries.</param>
/// <param name="Message">A one-line description.</param>
public sealed record RunTimelineEntry(DateTimeOffset Time, string RunId, string FunctionId, RunTimelineKind Kind, string? StepName, string Message)
{
    /// <summary>The entry as a log line: <c>run 01J… (fn): message</c>.</summary>
    public override string ToString() => $"{Time:O} run {RunId} ({FunctionId}): {Message}";
}
