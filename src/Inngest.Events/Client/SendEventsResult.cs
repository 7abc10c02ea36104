namespace Inngest.Events;

/// <summary>The outcome of a successful send: the ids Inngest assigned to the events.</summary>
public sealed class SendEventsResult
{
    /// <summary>Creates a result holding <paramref name="ids"/>.</summary>
    /// <param name="ids">The server-assigned ids, one per event, in the order the events were given.</param>
    public SendEventsResult(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Ids = ids;
    }

    /// <summary>
    /// The internal ids (ULIDs) Inngest assigned, one per event in the order they were given. They are not the events'
    /// own <see cref="InngestEvent.Id"/> dedup ids.
    /// </summary>
    public IReadOnlyList<string> Ids { get; }
}
