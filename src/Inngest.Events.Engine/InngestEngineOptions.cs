namespace Inngest.Events.Engine;

/// <summary>Settings of the <see cref="InngestEngine"/>.</summary>
public sealed class InngestEngineOptions
{
    /// <summary>Inngest's retry backoff: 15s, 30s, 1m, 2m, 5m, 10m, 20m, 40m, 1h, 2h (without the server's 0–30 s jitter).</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryBackoff { get; } =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    /// <summary>The app id for composite function ids (<c>{appId}-{functionId}</c>); <c>InngestOptions.AppId</c>, else <c>app</c>, when unset.</summary>
    public string? AppId { get; set; }

    /// <summary>How many function calls run at once, across all runs. Default: twice the processor count.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// The delay before retry <c>n</c> (index <c>n - 1</c>; the last entry repeats). A <c>Retry-After</c> from the function wins.
    /// Shorten it for samples; tests can keep it and advance a fake clock.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryBackoff { get; set; } = DefaultRetryBackoff;

    /// <summary>Retries per step when a function does not configure them: Inngest's default of 4 (5 attempts).</summary>
    public int DefaultRetries { get; set; } = 4;

    /// <summary>How long an event id (or idempotency key) prevents another run of the same function: 24 hours.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The timeout of an invoke that sets none (Inngest: about a year).</summary>
    public TimeSpan DefaultInvokeTimeout { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long a cancel-on rule without a timeout applies (Inngest: about a year).</summary>
    public TimeSpan DefaultCancelTimeout { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Whether the hosted service that <c>UseEmbeddedEngine</c> registers processes work in the background (default true).
    /// Set false to drive the engine only with <see cref="InngestEngine.RunUntilIdleAsync"/>, e.g. in tests with a host.
    /// </summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>
    /// Called (outside the engine's lock, one at a time, in order) for every timeline entry of every run;
    /// <see cref="InngestEngine.RunUntilIdleAsync"/> returns once every entry so far has been delivered.
    /// </summary>
    public Action<RunTimelineEntry>? OnTimelineEntry { get; set; }

    /// <summary>Makes the store each engine keeps its state in; the in-memory store when null. The engine disposes what it makes.</summary>
    internal Func<Store.IEngineStore>? StoreFactory { get; set; }
}
