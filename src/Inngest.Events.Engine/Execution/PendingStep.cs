using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Execution;

/// <summary>A step reported by the function and not yet stored.</summary>
internal sealed class PendingStep(string hash, PendingKind kind, long token)
{
    public string Hash { get; } = hash;

    public PendingKind Kind { get; } = kind;

    /// <summary>Identifies this pending instance, so a stale timer cannot resolve a later one.</summary>
    public long Token { get; } = token;

    /// <summary>Discover as soon as this resolves, even if others are pending (<c>opts.parallelMode: "race"</c>).</summary>
    public bool Race { get; init; }

    public string? EventName { get; init; }

    public string? If { get; init; }

    /// <summary>For waits: only events with a later sequence number match.</summary>
    public long CreatedSequence { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>The timer that ends it (sleeps, waits, invokes).</summary>
    public RunTimer? Timer { get; set; }

    public StoredPending ToStored(string runId)
        => new(runId, Hash, Kind, Token, Race, EventName, If, CreatedSequence, ExpiresAt, CorrelationId, Timer?.Id ?? 0);

    public static PendingStep FromStored(StoredPending stored) => new(stored.Hash, stored.Kind, stored.Token)
    {
        Race = stored.Race,
        EventName = stored.EventName,
        If = stored.If,
        CreatedSequence = stored.CreatedSequence,
        ExpiresAt = stored.ExpiresAt,
        CorrelationId = stored.CorrelationId,
    };
}
