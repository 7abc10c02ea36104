namespace Inngest.Events;

// Function configuration, emitted into the function's config in the shape of the Inngest protocol. Durations are
// Inngest time strings ("30s", "5m", "2h", "7d"); keys and conditions are expressions over `event`.

/// <summary>How many times a failing step (or the function) is retried: 0 to 20, default 4 (five attempts).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RetriesAttribute(int retries) : Attribute
{
    /// <summary>The retry count.</summary>
    public int Retries { get; } = retries;
}
