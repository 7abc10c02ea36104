namespace Inngest.Events;

/// <summary>
/// Retries of event sends. Network errors, 5xx and 429 responses are retried with exponential backoff, or after the
/// response's <c>Retry-After</c>; other 4xx responses are never retried. A retry resends the same body with the same
/// <c>x-inngest-event-id-seed</c>, so Inngest assigns the same internal ids to events it had already ingested.
/// </summary>
public sealed class InngestRetryOptions
{
    /// <summary>How many times a failed request is retried after the first attempt; 0 turns retries off. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The delay before the first retry; it doubles for each later one. Default 100 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait before a retry, also capping a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomized so that many clients do not retry in step. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;
}
