namespace Inngest.Events;

/// <summary>
/// Where an <see cref="InngestClient"/> delivers events once they are validated and serialized: Inngest's HTTP event
/// API by default, or an in-process engine. Implement it to plug in another destination or a test double.
/// </summary>
/// <remarks>
/// The client has already checked every event against the event API's rules (name, reserved prefix, timestamp range,
/// size) and serialized each exactly once, so a transport only delivers. On partial failure a transport throws
/// <see cref="InngestSendException"/> saying which events were accepted.
/// </remarks>
public interface IEventTransport
{
    /// <summary>Delivers <paramref name="events"/> and returns the ids assigned to them, in order.</summary>
    /// <param name="events">The serialized events; their memory is valid only until the returned task completes.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>One id per event, in the order of <paramref name="events"/>.</returns>
    Task<SendEventsResult> SendAsync(SerializedEvents events, CancellationToken cancellationToken);
}
