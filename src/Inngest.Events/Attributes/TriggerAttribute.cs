namespace Inngest.Events;

/// <summary>
/// An event trigger of an <see cref="InngestFunctionAttribute"/> method, in addition to (or instead of) the type of
/// its event parameter. A function may have up to 10 triggers.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class TriggerAttribute<T> : Attribute
    where T : IEventData<T>
{
    /// <summary>An expression that must be true for the event to start a run, e.g. <c>event.data.plan == 'pro'</c>.</summary>
    public string? If { get; set; }
}
