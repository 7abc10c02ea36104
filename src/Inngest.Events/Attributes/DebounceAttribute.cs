namespace Inngest.Events;

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
