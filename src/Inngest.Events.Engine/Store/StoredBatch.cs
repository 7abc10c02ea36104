namespace Inngest.Events.Engine.Store;

/// <summary>A batch filling up.</summary>
/// <param name="BatchId">Its id (a ULID; the run's idempotency key).</param>
/// <param name="FunctionId">The function's composite id.</param>
/// <param name="Key">The batch key's value (empty without a key).</param>
/// <param name="Events">Its events, in order.</param>
/// <param name="OpenedAt">When its first event arrived.</param>
/// <param name="DueAt">When it times out.</param>
/// <param name="TimerId">The timer that times it out.</param>
internal sealed record StoredBatch(
    string BatchId,
    string FunctionId,
    string Key,
    IReadOnlyList<EventRecord> Events,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    long TimerId);
