namespace Inngest.Events.Engine.Store;

/// <summary>
/// The live state of an engine as its store holds it: what a restarting engine loads, and what a UI or a test can
/// inspect (timers, pending waits, keys, buffers).
/// </summary>
/// <param name="Counters">The engine's counters.</param>
/// <param name="Runs">Runs that have not ended, in the order they were created.</param>
/// <param name="Steps">The steps of those runs, per run in the order they were first reported.</param>
/// <param name="Pending">The pending steps of those runs (planned runs, sleeps, waits for events, invokes).</param>
/// <param name="Timers">Timers and queued calls, by id.</param>
/// <param name="Keys">Dedup, idempotency and flow-control keys.</param>
/// <param name="Debounces">Debounces waiting to fire.</param>
/// <param name="Batches">Batches waiting to fill or time out.</param>
/// <param name="Apps">Synced apps, in sync order.</param>
internal sealed record EngineState(
    EngineCounters Counters,
    IReadOnlyList<StoredRun> Runs,
    IReadOnlyList<StoredStep> Steps,
    IReadOnlyList<StoredPending> Pending,
    IReadOnlyList<StoredTimer> Timers,
    IReadOnlyList<StoredKey> Keys,
    IReadOnlyList<StoredDebounce> Debounces,
    IReadOnlyList<StoredBatch> Batches,
    IReadOnlyList<StoredApp> Apps);
