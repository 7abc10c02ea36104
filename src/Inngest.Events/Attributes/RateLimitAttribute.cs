namespace Inngest.Events;

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
