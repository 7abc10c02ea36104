using System.Text.Json;

namespace Inngest.Events;

/// <summary>
/// An event of any data type, ready to send: the non-generic base of <see cref="Event{TData}"/>, so that one
/// batch can hold events of different types.
/// </summary>
public abstract record InngestEvent
{
    private protected InngestEvent()
    {
    }

    /// <summary>The event name.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The dedup id: Inngest starts at most one run per function for events with the same id within 24 hours.
    /// Make it specific to this occurrence of this event, e.g. <c>invoice-paid-{invoiceId}</c>.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>When the event happened. A time in the future delays the runs it triggers until then.</summary>
    public DateTimeOffset? Ts { get; init; }

    /// <summary>The event's schema version (<c>v</c>).</summary>
    public string? V { get; init; }

    /// <summary>The id that goes on the wire: <see cref="Id"/>, else the type's id template, else none.</summary>
    internal abstract string? EffectiveId { get; }

    /// <summary>The version that goes on the wire: <see cref="V"/>, else the type's version, else none.</summary>
    internal abstract string? EffectiveVersion { get; }

    /// <summary>Writes the event's <c>data</c> object with the generated serializer.</summary>
    internal abstract void WriteData(Utf8JsonWriter writer);
}
