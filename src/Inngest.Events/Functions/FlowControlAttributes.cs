namespace Inngest.Events;

// Function configuration, emitted into the function's config in the shape of the Inngest protocol. Durations are
// Inngest time strings ("30s", "5m", "2h", "7d"); keys and conditions are expressions over `event`.

/// <summary>How many times a failing step (or the function) is retried: 0 to 20, default 4 (five attempts).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RetriesAttribute(int retries) : Attribute
{
    /// <summary>The retry count.</summary>
    public int Retries { get; } = retries;
}

/// <summary>The scope of a concurrency limit.</summary>
public enum ConcurrencyScope
{
    /// <summary>Per function (the default).</summary>
    Fn,

    /// <summary>Across the environment; needs a key.</summary>
    Env,

    /// <summary>Across the account; needs a key.</summary>
    Account,
}

/// <summary>Limits concurrently executing steps, optionally per key. At most two per function.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ConcurrencyAttribute(int limit) : Attribute
{
    /// <summary>The limit.</summary>
    public int Limit { get; } = limit;

    /// <summary>An expression whose value groups runs, e.g. <c>event.data.userId</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The scope; <see cref="ConcurrencyScope.Fn"/> unless set.</summary>
    public ConcurrencyScope Scope { get; set; }
}

/// <summary>Queues runs beyond <paramref name="limit"/> per <paramref name="period"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ThrottleAttribute(int limit, string period) : Attribute
{
    /// <summary>Runs per period.</summary>
    public int Limit { get; } = limit;

    /// <summary>The period, e.g. <c>1m</c>.</summary>
    public string Period { get; } = period;

    /// <summary>Extra runs allowed in a burst.</summary>
    public int Burst { get; set; }

    /// <summary>An expression whose value groups runs.</summary>
    public string? Key { get; set; }
}

/// <summary>Drops runs beyond <paramref name="limit"/> per <paramref name="period"/> (at most 24h).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RateLimitAttribute(int limit, string period) : Attribute
{
    /// <summary>Runs per period.</summary>
    public int Limit { get; } = limit;

    /// <summary>The period.</summary>
    public string Period { get; } = period;

    /// <summary>An expression whose value groups runs.</summary>
    public string? Key { get; set; }
}

/// <summary>Delays a run until no matching event arrived for <paramref name="period"/>; the run gets the last event.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DebounceAttribute(string period) : Attribute
{
    /// <summary>The quiet period (1s to 7d).</summary>
    public string Period { get; } = period;

    /// <summary>An expression whose value groups events.</summary>
    public string? Key { get; set; }

    /// <summary>The longest total delay.</summary>
    public string? Timeout { get; set; }
}

/// <summary>Runs the function once with up to <paramref name="maxSize"/> events, or after <paramref name="timeout"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BatchEventsAttribute(int maxSize, string timeout) : Attribute
{
    /// <summary>The largest batch.</summary>
    public int MaxSize { get; } = maxSize;

    /// <summary>How long to wait after the first event (1s to 60s).</summary>
    public string Timeout { get; } = timeout;

    /// <summary>An expression whose value groups batches.</summary>
    public string? Key { get; set; }

    /// <summary>A condition; events for which it is false run unbatched.</summary>
    public string? If { get; set; }
}

/// <summary>Shifts runs in the queue by the seconds the expression returns (an integer, e.g. <c>event.data.plan == 'enterprise' ? 120 : 0</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PriorityAttribute(string run) : Attribute
{
    /// <summary>The expression.</summary>
    public string Run { get; } = run;
}

/// <summary>At most one run per value of the expression in 24 hours, e.g. <c>event.data.orderId</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IdempotencyAttribute(string key) : Attribute
{
    /// <summary>The expression.</summary>
    public string Key { get; } = key;
}

/// <summary>What a singleton function does with a new run while one is active.</summary>
public enum SingletonMode
{
    /// <summary>Drop the new run.</summary>
    Skip,

    /// <summary>Cancel the active run and start the new one.</summary>
    Cancel,
}

/// <summary>One active run at a time (per key).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SingletonAttribute(SingletonMode mode) : Attribute
{
    /// <summary>The mode.</summary>
    public SingletonMode Mode { get; } = mode;

    /// <summary>An expression whose value groups runs.</summary>
    public string? Key { get; set; }
}

/// <summary>Cancels a running run when a <typeparamref name="T"/> event arrives (and <see cref="If"/> holds). At most five.</summary>
/// <typeparam name="T">The cancelling event type.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CancelOnAttribute<T> : Attribute
    where T : IEventData<T>
{
    /// <summary>A condition over <c>event</c> (the run's trigger) and <c>async</c> (the incoming event), e.g. <c>event.data.userId == async.data.userId</c>.</summary>
    public string? If { get; set; }

    /// <summary>How long after the run starts the cancellation stays armed.</summary>
    public string? Timeout { get; set; }
}

/// <summary>Cancels runs that wait too long to start, or take too long to finish.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TimeoutsAttribute : Attribute
{
    /// <summary>The longest time a run may wait in the queue before its first attempt.</summary>
    public string? Start { get; set; }

    /// <summary>The longest time from the first attempt to completion.</summary>
    public string? Finish { get; set; }
}
