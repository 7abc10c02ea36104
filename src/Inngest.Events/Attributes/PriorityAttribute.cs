namespace Inngest.Events;

/// <summary>Shifts runs in the queue by the seconds the expression returns (an integer, e.g. <c>event.data.plan == 'enterprise' ? 120 : 0</c>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PriorityAttribute(string run) : Attribute
{
    /// <summary>The expression.</summary>
    public string Run { get; } = run;
}
