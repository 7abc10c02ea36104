namespace Inngest.Events;

/// <summary>The optional envelope fields of a send: <c>new() { Id = $"invoice-paid-{invoiceId}" }</c>.</summary>
public sealed record EventOptions
{
    /// <summary>The dedup id; see <see cref="InngestEvent.Id"/>.</summary>
    public string? Id { get; init; }

    /// <summary>When the event happened; a future time delays the runs it triggers.</summary>
    public DateTimeOffset? Ts { get; init; }

    /// <summary>The schema version; overrides <see cref="EventAttribute.Version"/>.</summary>
    public string? V { get; init; }
}
