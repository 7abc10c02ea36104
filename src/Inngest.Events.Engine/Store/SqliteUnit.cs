namespace Inngest.Events.Engine.Store;

/// <summary>
/// A unit of work as the SQLite store queues it for its writer: a copy of the engine's <see cref="EngineChanges"/>
/// (which the engine reuses once <see cref="IEngineStore.Commit"/> returns), holding the same immutable rows.
/// </summary>
internal sealed class SqliteUnit
{
    private SqliteUnit(EngineChanges changes)
    {
        Events = changes.Events.Count == 0 ? [] : changes.Events.ToArray();
        Runs = changes.Runs.Count == 0 ? [] : changes.Runs.Values.ToArray();
        Steps = changes.Steps.Count == 0 ? [] : changes.Steps.Values.ToArray();
        Calls = changes.Calls.Count == 0 ? [] : changes.Calls.ToArray();
        Timeline = changes.Timeline.Count == 0 ? [] : changes.Timeline.ToArray();
        Pending = changes.Pending.Count == 0 ? [] : changes.Pending.ToArray();
        Timers = changes.Timers.Count == 0 ? [] : changes.Timers.ToArray();
        Keys = changes.Keys.Count == 0 ? [] : changes.Keys.ToArray();
        Debounces = changes.Debounces.Count == 0 ? [] : changes.Debounces.ToArray();
        Batches = changes.Batches.Count == 0 ? [] : changes.Batches.ToArray();
        Apps = changes.Apps.Count == 0 ? [] : changes.Apps.Values.ToArray();
        Skipped = changes.Skipped.Count == 0 ? [] : changes.Skipped.ToArray();
        Counters = changes.Counters;
    }

    /// <summary>The unit's number (what <see cref="IEngineStore.Commit"/> returned for it).</summary>
    public long Number { get; set; }

    public EventRecord[] Events { get; }

    public StoredRun[] Runs { get; }

    public StoredStep[] Steps { get; }

    public StoredCall[] Calls { get; }

    public RunTimelineEntry[] Timeline { get; }

    public KeyValuePair<StepKey, StoredPending?>[] Pending { get; }

    public KeyValuePair<long, StoredTimer?>[] Timers { get; }

    public KeyValuePair<StoredKeyId, StoredKey?>[] Keys { get; }

    public KeyValuePair<string, StoredDebounce?>[] Debounces { get; }

    public KeyValuePair<string, StoredBatch?>[] Batches { get; }

    public StoredApp[] Apps { get; }

    public SkippedRun[] Skipped { get; }

    public EngineCounters Counters { get; }

    public static SqliteUnit Copy(EngineChanges changes) => new(changes);
}
