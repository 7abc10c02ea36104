namespace Inngest.Events;

/// <summary>Cancels runs that wait too long to start, or take too long to finish.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TimeoutsAttribute : Attribute
{
    /// <summary>The longest time a run may wait in the queue before its first attempt.</summary>
    public string? Start { get; set; }

    /// <summary>The longest time from the first attempt to completion.</summary>
    public string? Finish { get; set; }
}
