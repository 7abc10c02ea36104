namespace Inngest.Events;

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
