namespace Inngest.Events.Engine.Store;

/// <summary>
/// One unit of work for <see cref="IEngineStore.Commit"/>: everything the engine changed while it held its lock once.
/// Rows are keyed; for each key the last change wins, so a key appears once, as an upsert (a row) or a delete (null).
/// Lists are appends, in order.
/// </summary>
internal sealed class EngineChanges
{
    /// <summary>Ingested events, in order.</summary>
    public List<EventRecord> Events { get; } = [];

    /// <summary>Created or changed runs (the run's state without its steps, calls and timeline).</summary>
    public Dictionary<string, StoredRun> Runs { get; } = new(StringComparer.Ordinal);

    /// <summary>Created or changed steps. Steps are never deleted.</summary>
    public Dictionary<StepKey, StoredStep> Steps { get; } = [];

    /// <summary>Calls of runs, appended in the order they finished.</summary>
    public List<StoredCall> Calls { get; } = [];

    /// <summary>Timeline entries of runs, appended in order.</summary>
    public List<RunTimelineEntry> Timeline { get; } = [];

    /// <summary>Steps reported but not stored yet (planned runs, sleeps, waits, invokes): upserted, or deleted when null.</summary>
    public Dictionary<StepKey, StoredPending?> Pending { get; } = [];

    /// <summary>Timers and queued calls: upserted, or deleted when null.</summary>
    public Dictionary<long, StoredTimer?> Timers { get; } = [];

    /// <summary>Dedup, idempotency and flow-control keys: upserted, or deleted when null.</summary>
    public Dictionary<StoredKeyId, StoredKey?> Keys { get; } = [];

    /// <summary>Debounce buffers by id: upserted, or deleted when null.</summary>
    public Dictionary<string, StoredDebounce?> Debounces { get; } = new(StringComparer.Ordinal);

    /// <summary>Batch buffers by id: upserted, or deleted when null.</summary>
    public Dictionary<string, StoredBatch?> Batches { get; } = new(StringComparer.Ordinal);

    /// <summary>Synced apps by app id. Apps are never deleted.</summary>
    public Dictionary<string, StoredApp> Apps { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs that were skipped, in order.</summary>
    public List<SkippedRun> Skipped { get; } = [];

    /// <summary>The engine's counters after this unit.</summary>
    public EngineCounters Counters { get; set; }

    public bool IsEmpty
        => Events.Count == 0 && Runs.Count == 0 && Steps.Count == 0 && Calls.Count == 0 && Timeline.Count == 0 && Pending.Count == 0
            && Timers.Count == 0 && Keys.Count == 0 && Debounces.Count == 0 && Batches.Count == 0 && Apps.Count == 0 && Skipped.Count == 0;

    public void Clear()
    {
        Events.Clear();
        Runs.Clear();
        Steps.Clear();
        Calls.Clear();
        Timeline.Clear();
        Pending.Clear();
        Timers.Clear();
        Keys.Clear();
        Debounces.Clear();
        Batches.Clear();
        Apps.Clear();
        Skipped.Clear();
    }
}
