namespace Inngest.Events;

/// <summary>At most one run per value of the expression in 24 hours, e.g. <c>event.data.orderId</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IdempotencyAttribute(string key) : Attribute
{
    /// <summary>The expression.</summary>
    public string Key { get; } = key;
}
