namespace Inngest.Events.Engine.Ingestion;

/// <summary>A run to create, once event-level flow control has let its events through.</summary>
/// <param name="Function">The function.</param>
/// <param name="CompositeId">Its composite id.</param>
/// <param name="Events">The triggering events (several for a batch; the first is <c>event</c>).</param>
/// <param name="Due">When its first call is due.</param>
/// <param name="IdempotencyKey">The key that dedups it; null for the event id or the function's <c>idempotency</c> expression.</param>
/// <param name="Note">What the queued entry of its timeline adds (a debounce, a batch), or null.</param>
internal readonly record struct RunRequest(
    InngestFunctionDefinition Function,
    string CompositeId,
    IReadOnlyList<EventRecord> Events,
    DateTimeOffset Due,
    string? IdempotencyKey = null,
    string? Note = null)
{
    /// <summary>For a run started by <c>step.invoke</c>: its correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>For a run started by <c>step.invoke</c>: the invoking run and its step.</summary>
    public string? ParentRunId { get; init; }

    public string? ParentStepHash { get; init; }

    /// <summary>For a rerun: the run it reruns.</summary>
    public string? OriginalRunId { get; init; }

    public bool IsInvoke => CorrelationId is not null;
}
