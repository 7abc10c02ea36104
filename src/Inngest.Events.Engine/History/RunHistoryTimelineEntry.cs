namespace Inngest.Events.Engine.History;

/// <summary>One thing that happened to the recorded run, e.g. <c>step 'charge' failed (attempt 1 of 5), retrying in 15s</c>.</summary>
/// <param name="Time">When it happened, by the engine's clock.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Step">The user's step id, for step entries.</param>
/// <param name="Message">A one-line description.</param>
public sealed record RunHistoryTimelineEntry(DateTimeOffset Time, RunTimelineKind Kind, string? Step, string Message)
{
    /// <summary>The entry as a line: <c>2026-01-01T00:00:00.000Z  message</c>.</summary>
    public override string ToString() => $"{RunHistoryJson.FormatTime(Time)}  {Message}";
}
