namespace Inngest.Events.Engine.Store;

/// <summary>What a <see cref="StoredKey"/> remembers.</summary>
internal enum KeyKind
{
    /// <summary>An internal event id derived from <c>x-inngest-event-id-seed</c>: a retried request is not ingested twice.</summary>
    EventSeed,

    /// <summary>A function's idempotency key (the event id, an <c>idempotency</c> expression's value, or a batch id) and when it started a run.</summary>
    Idempotency,

    /// <summary>The GCRA theoretical arrival time (in <see cref="StoredKey.Value"/>, UTC ticks) of a function's rate limit key.</summary>
    RateLimit,

    /// <summary>The GCRA theoretical arrival time of a function's throttle key.</summary>
    Throttle,
}
