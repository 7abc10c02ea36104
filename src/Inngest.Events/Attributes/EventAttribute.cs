namespace Inngest.Events;

/// <summary>
/// Declares a type as the data of an Inngest event. The source generator implements
/// <see cref="IEventData{TSelf}"/> on the type: its event name, its version and a reflection-free JSON serializer.
/// The type must be <c>partial</c>.
/// </summary>
/// <param name="name">The event name, by convention <c>domain/noun.verb</c> in the past tense, e.g. <c>billing/invoice.paid</c>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class EventAttribute(string name) : Attribute
{
    /// <summary>The event name sent to Inngest.</summary>
    public string Name { get; } = name;

    /// <summary>The schema version sent as the event's <c>v</c> field, e.g. <c>2024-01-15.1</c>.</summary>
    public string? Version { get; set; }

    /// <summary>
    /// A dedup-id template applied when a send gives no id, e.g. <c>invoice-paid-{InvoiceId}</c>.
    /// Each <c>{Placeholder}</c> names a property of the event type; <c>{{</c> and <c>}}</c> write literal braces.
    /// </summary>
    public string? Id { get; set; }
}
