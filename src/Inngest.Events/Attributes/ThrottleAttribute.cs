namespace Inngest.Events;

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
