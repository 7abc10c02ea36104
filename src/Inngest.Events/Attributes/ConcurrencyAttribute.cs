namespace Inngest.Events;

/// <summary>Limits concurrently executing steps, optionally per key. At most two per function.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ConcurrencyAttribute(int limit) : Attribute
{
    /// <summary>The limit.</summary>
    public int Limit { get; } = limit;

    /// <summary>An expression whose value groups runs, e.g. <c>event.data.userId</c>.</summary>
    public string? Key { get; set; }

    /// <summary>The scope; <see cref="ConcurrencyScope.Fn"/> unless set.</summary>
    public ConcurrencyScope Scope { get; set; }
}
