namespace Inngest.Events.Testing;

public sealed partial class InngestTestHost
{
    /// <summary>
    /// Sends <paramref name="data"/> as an event from the outside world and runs what it starts as far as it goes without
    /// virtual time passing. Returns the id the engine gave the event.
    /// </summary>
    /// <exception cref="InngestEventValidationException">The event breaks a rule of the event API.</exception>
    /// <exception cref="InngestAssertionException">A mock did not fit its step.</exception>
    public async Task<string> SendAsync<T>(T data, EventOptions? options = null)
        where T : IEventData<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        var ids = await SendAsync([new Event<T>(data) { Id = options?.Id, Ts = options?.Ts, V = options?.V }]).ConfigureAwait(false);
        return ids[0];
    }

    /// <summary>Sends one event envelope, as <see cref="SendAsync{T}(T, EventOptions?)"/> does.</summary>
    public async Task<string> SendAsync<T>(Event<T> evt)
        where T : IEventData<T>
    {
        ArgumentNullException.ThrowIfNull(evt);
        var ids = await SendAsync([evt]).ConfigureAwait(false);
        return ids[0];
    }

    /// <summary>Sends events (of any types) in one request, as <see cref="SendAsync{T}(T, EventOptions?)"/> does; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<InngestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = await SendCoreAsync(events).ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
        return ids;
    }

    private async Task<IReadOnlyList<string>> SendCoreAsync(IReadOnlyList<InngestEvent> events)
    {
        var ids = await Engine.SendAsync(events).ConfigureAwait(false);
        lock (_sentByTest)
        {
            _sentByTest.UnionWith(ids);
        }

        return ids;
    }
}
