namespace Inngest.Events.Generators.SchemaLock;

/// <summary>How an [Event] type stands against the lock.</summary>
internal enum LockStatus
{
    /// <summary>The lock records the event as it is.</summary>
    UpToDate,

    /// <summary>The lock has no entry for the event (INNG1022).</summary>
    NotLocked,

    /// <summary>The event's version is not in the lock yet (INNG1021).</summary>
    NewVersion,

    /// <summary>Changed compatibly, or only in what the lock records besides the schema (INNG1021).</summary>
    Compatible,

    /// <summary>Changed in a way events already sent cannot follow (INNG1020).</summary>
    Breaking,
}
