namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>The configuration attributes of an Inngest function that the analyzers read, as <see cref="InngestSymbols"/> recognises them.</summary>
internal enum FunctionAttributeKind
{
    None,
    Trigger,
    Cron,
    Retries,
    Concurrency,
    Throttle,
    RateLimit,
    Debounce,
    BatchEvents,
    Priority,
    Idempotency,
    Singleton,
    CancelOn,
    Timeouts,
}
