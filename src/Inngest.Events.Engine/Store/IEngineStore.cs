namespace Inngest.Events.Engine.Store;

/// <summary>
/// Where the engine keeps its state: the record of everything that happened (events, runs with their steps, calls and
/// timelines, runs that were skipped, apps) and the live state a restarted engine needs to carry on from where it was
/// (the steps and pauses of unfinished runs, timers and queued calls, dedup and idempotency keys, debounce and batch
/// buffers, flow-control counters). See docs/engine.md ("The store").
/// </summary>
/// <remarks>
/// <para>
/// The engine works on its own in-memory copy of the live state and writes every change through <see cref="Commit"/>:
/// one <see cref="EngineChanges"/> per unit of work (what one event, one call response or one pass over due timers
/// changed), in the order they happened. A unit is all or nothing; a store that persists may hold several units in one
/// transaction (group commit), as long as it writes them in order, so what survives a crash is always a prefix of what
/// was committed.
/// </para>
/// <para>
/// On start the engine reads <see cref="ReadState"/> and resumes every unfinished run from it alone: queued calls and
/// retries keep their attempt numbers, sleeps and timeouts fire at their time (at once when overdue), waits still match
/// events ingested after they began, dedup and idempotency keys still hold, and debounces and batches still fire.
/// </para>
/// <para>
/// The engine calls <see cref="Commit"/> and <see cref="ReadState"/> under its lock, one at a time. Reads (for the
/// engine's public snapshots, a dev-server UI, tests) may come from any thread at any time and see committed units
/// only.
/// </para>
/// </remarks>
internal interface IEngineStore : IDisposable
{
    /// <summary>
    /// Applies one unit of work after every unit committed before it. It must not wait for I/O: a durable store queues
    /// the unit and makes it durable later (see <see cref="WaitForDurableAsync"/>).
    /// </summary>
    /// <param name="changes">The unit. The engine reuses the object once this returns; the rows in it are immutable and may be kept.</param>
    /// <returns>The unit's number, increasing by one per commit.</returns>
    long Commit(EngineChanges changes);

    /// <summary>Completes once unit <paramref name="commit"/> and every unit before it are durable (at once for a store that keeps nothing).</summary>
    ValueTask WaitForDurableAsync(long commit, CancellationToken cancellationToken = default);

    /// <summary>The live state: counters, unfinished runs with their steps and pending steps, timers, keys, buffers and apps.</summary>
    EngineState ReadState();

    /// <summary>How many events were ingested.</summary>
    int EventCount { get; }

    /// <summary>Events in the order they were ingested, from <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<EventRecord> ReadEvents(int offset = 0, int limit = int.MaxValue);

    /// <summary>The event with this internal id, or null.</summary>
    EventRecord? GetEvent(string internalId);

    /// <summary>How many runs were created.</summary>
    int RunCount { get; }

    /// <summary>How many runs are in each status (what a status page shows, without reading the runs).</summary>
    IReadOnlyDictionary<RunStatus, int> CountRuns();

    /// <summary>Runs in the order they were created (finished or not), from <paramref name="offset"/>, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<RunRecord> ReadRuns(int offset = 0, int limit = int.MaxValue);

    /// <summary>The run <paramref name="runId"/> with its steps, calls and timeline, or null.</summary>
    RunRecord? GetRun(string runId);

    /// <summary>Runs that events would have started and did not, with the reason, in the order they were decided.</summary>
    IReadOnlyList<SkippedRun> ReadSkipped(int offset = 0, int limit = int.MaxValue);

    /// <summary>The apps that synced, in the order they first synced.</summary>
    IReadOnlyList<RegisteredApp> ReadApps();
}
