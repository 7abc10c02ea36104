namespace Inngest.Events;

/// <summary>
/// Sends typed events to Inngest. Every event of a call is validated and serialized before anything is sent, so an
/// invalid event fails the call with <see cref="InngestEventValidationException"/> and no event reaches Inngest.
/// </summary>
/// <remarks>Inside an Inngest function, send events with <c>step.SendEventAsync</c> instead, so that a retried run does not send them again.</remarks>
public interface IInngestClient
{
    /// <summary>Sends one event with <paramref name="data"/> as its data: <c>await inngest.SendAsync(new InvoicePaid(...), new() { Id = ... })</c>.</summary>
    /// <typeparam name="TData">An <see cref="EventAttribute"/> type; its name is the event name.</typeparam>
    /// <param name="data">The event data.</param>
    /// <param name="options">The optional dedup id, timestamp and version.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id Inngest assigned to the event.</returns>
    /// <exception cref="InngestEventValidationException">The event breaks a rule of the event API; nothing was sent.</exception>
    /// <exception cref="InngestConfigurationException">The client is not configured to send (e.g. no event key in cloud mode).</exception>
    /// <exception cref="InngestSendException">Inngest did not accept the event.</exception>
    Task<SendEventsResult> SendAsync<TData>(TData data, EventOptions? options = null, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>;

    /// <summary>Sends one event envelope.</summary>
    /// <typeparam name="TData">The event data type.</typeparam>
    /// <param name="evt">The event.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id Inngest assigned to the event.</returns>
    /// <exception cref="InngestEventValidationException">The event breaks a rule of the event API; nothing was sent.</exception>
    /// <exception cref="InngestConfigurationException">The client is not configured to send (e.g. no event key in cloud mode).</exception>
    /// <exception cref="InngestSendException">Inngest did not accept the event.</exception>
    Task<SendEventsResult> SendAsync<TData>(Event<TData> evt, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>;

    /// <summary>
    /// Sends a batch of events of any types, split into as many requests as the size and count limits need.
    /// </summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The ids Inngest assigned, in the order of <paramref name="events"/>.</returns>
    /// <exception cref="InngestEventValidationException">An event breaks a rule of the event API; nothing was sent.</exception>
    /// <exception cref="InngestConfigurationException">The client is not configured to send (e.g. no event key in cloud mode).</exception>
    /// <exception cref="InngestSendException">
    /// Inngest did not accept every event; the exception tells which were accepted (with their ids) and which were not.
    /// </exception>
    Task<SendEventsResult> SendAsync(IReadOnlyList<InngestEvent> events, CancellationToken cancellationToken = default);
}
