namespace Inngest.Events.Engine.Store;

/// <summary>A step a run reported and that is not stored yet.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Hash">The hashed step id.</param>
/// <param name="Kind">What it waits for.</param>
/// <param name="Token">Identifies this pending instance, so a stale timer cannot resolve a later one.</param>
/// <param name="Race">Discover as soon as it resolves, even while others are pending (<c>parallelMode: race</c>).</param>
/// <param name="EventName">For waits: the event name to match.</param>
/// <param name="If">For waits: the match expression (<c>event</c> is the trigger, <c>async</c> the candidate).</param>
/// <param name="CreatedSequence">For waits: only events with a later sequence number match.</param>
/// <param name="ExpiresAt">When a sleep ends, or a wait or invoke times out.</param>
/// <param name="CorrelationId">For invokes: the correlation id of the invoked run.</param>
/// <param name="TimerId">The timer that ends it (0 for planned steps).</param>
internal sealed record StoredPending(
    string RunId,
    string Hash,
    PendingKind Kind,
    long Token,
    bool Race,
    string? EventName,
    string? If,
    long CreatedSequence,
    DateTimeOffset ExpiresAt,
    string? CorrelationId,
    long TimerId);
