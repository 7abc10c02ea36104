using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Thrown by a step or a function to be retried no sooner than a given delay or time (for example when a remote API
/// answers 429 with its own Retry-After). Ignored on the last attempt.
/// </summary>
public class RetryAfterException : Exception
{
    /// <summary>Retry after <paramref name="delay"/> (whole seconds, at least one).</summary>
    public RetryAfterException(string message, TimeSpan delay, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = TimeStrings.FormatRetryAfter(delay);
    }

    /// <summary>Retry at <paramref name="when"/>.</summary>
    public RetryAfterException(string message, DateTimeOffset when, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = TimeStrings.FormatRetryAfter(when);
    }

    /// <summary>The <c>Retry-After</c> value: seconds, or an RFC 3339 time.</summary>
    public string RetryAfter { get; }
}
