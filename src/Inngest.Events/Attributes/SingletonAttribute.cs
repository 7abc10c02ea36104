namespace Inngest.Events;

/// <summary>One active run at a time (per key).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SingletonAttribute(SingletonMode mode) : Attribute
{
    /// <summary>The mode.</summary>
    public SingletonMode Mode { get; } = mode;

    /// <summary>An expression whose value groups runs.</summary>
    public string? Key { get; set; }
}
