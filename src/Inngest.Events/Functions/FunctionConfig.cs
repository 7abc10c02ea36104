namespace Inngest.Events;

/// <summary>
/// A function's configuration, in the terms of the Inngest protocol (docs/protocol.md#function-configuration, docs/protocol.md#flow-control).
/// Unset values are left out of the synced config, so Inngest applies its defaults.
/// </summary>
public sealed record FunctionConfig
{
    /// <summary>Retries per step (the wire's <c>retries.attempts</c>); null means Inngest's default of 4.</summary>
    public int? Retries { get; init; }

    /// <summary>Concurrency limits (at most two).</summary>
    public IReadOnlyList<ConcurrencyLimit> Concurrency { get; init; } = [];

    /// <summary>Throttling.</summary>
    public ThrottleConfig? Throttle { get; init; }

    /// <summary>Rate limiting.</summary>
    public RateLimitConfig? RateLimit { get; init; }

    /// <summary>Debouncing.</summary>
    public DebounceConfig? Debounce { get; init; }

    /// <summary>Batching.</summary>
    public BatchConfig? BatchEvents { get; init; }

    /// <summary>The priority expression.</summary>
    public string? Priority { get; init; }

    /// <summary>The idempotency key expression.</summary>
    public string? Idempotency { get; init; }

    /// <summary>Singleton behaviour.</summary>
    public SingletonConfig? Singleton { get; init; }

    /// <summary>Events that cancel a running run.</summary>
    public IReadOnlyList<CancelOn> Cancel { get; init; } = [];

    /// <summary>Timeouts.</summary>
    public TimeoutsConfig? Timeouts { get; init; }
}

/// <summary>A concurrency limit.</summary>
public sealed record ConcurrencyLimit(int Limit, string? Key = null, ConcurrencyScope Scope = ConcurrencyScope.Fn);

/// <summary>A throttle.</summary>
public sealed record ThrottleConfig(int Limit, string Period, int Burst = 0, string? Key = null);

/// <summary>A rate limit.</summary>
public sealed record RateLimitConfig(int Limit, string Period, string? Key = null);

/// <summary>A debounce.</summary>
public sealed record DebounceConfig(string Period, string? Key = null, string? Timeout = null);

/// <summary>Event batching.</summary>
public sealed record BatchConfig(int MaxSize, string Timeout, string? Key = null, string? If = null);

/// <summary>Singleton behaviour.</summary>
public sealed record SingletonConfig(SingletonMode Mode, string? Key = null);

/// <summary>A cancellation rule.</summary>
public sealed record CancelOn(string Event, string? If = null, string? Timeout = null);

/// <summary>Run timeouts.</summary>
public sealed record TimeoutsConfig(string? Start = null, string? Finish = null);
