namespace Inngest.Events.Engine;

/// <summary>Why an event started no run of a function that it triggers.</summary>
public enum SkipReason
{
    /// <summary>The function already ran for the same idempotency key (the event id, or its <c>idempotency</c> expression) within 24 hours.</summary>
    Idempotency,

    /// <summary>The function's <c>rateLimit</c> was reached for the event's key.</summary>
    RateLimit,

    /// <summary>A run of the function with the same <c>singleton</c> key was still running (<c>mode: skip</c>).</summary>
    Singleton,

    /// <summary>The function's <c>debounce</c> replaced the event with a later one, or kept a later one it already had.</summary>
    Debounce,
}
