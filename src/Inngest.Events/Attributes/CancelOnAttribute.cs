namespace Inngest.Events;

/// <summary>Cancels a running run when a <typeparamref name="T"/> event arrives (and <see cref="If"/> holds). At most five.</summary>
/// <typeparam name="T">The cancelling event type.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CancelOnAttribute<T> : Attribute
    where T : IEventData<T>
{
    /// <summary>A condition over <c>event</c> (the run's trigger) and <c>async</c> (the incoming event), e.g. <c>event.data.userId == async.data.userId</c>.</summary>
    public string? If { get; set; }

    /// <summary>How long after the run starts the cancellation stays armed.</summary>
    public string? Timeout { get; set; }
}
