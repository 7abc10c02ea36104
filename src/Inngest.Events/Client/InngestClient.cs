using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inngest.Events;

/// <summary>
/// The Inngest event client: validates events against the event API's rules, serializes each once with its generated
/// serializer, and hands the batch to an <see cref="IEventTransport"/> (Inngest's HTTP event API unless another is given).
/// </summary>
/// <remarks>
/// In an app with dependency injection, register it with <c>services.AddInngest()</c> and inject <see cref="IInngestClient"/>.
/// Without it, create one per app and reuse it: <c>new InngestClient(new InngestOptions { EventKey = "..." })</c>.
/// It is thread-safe.
/// </remarks>
public sealed class InngestClient : IInngestClient, IDisposable
{
    private readonly IEventTransport transport;
    private readonly int maxEventSizeBytes;
    private readonly HttpClient? ownedHttpClient;
    private volatile bool disposed;

    /// <summary>
    /// Creates a client that sends over its own <see cref="HttpClient"/>, with retries as <see cref="InngestOptions.Retry"/> says.
    /// Unset options are read from the <c>INNGEST_*</c> environment variables.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock for retry delays and id seeds; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an invalid value.</exception>
    public InngestClient(InngestOptions options, TimeProvider? timeProvider = null, ILogger<InngestClient>? logger = null)
        : this(options, InngestEnvironment.Process.GetVariable, timeProvider, logger, primaryHandler: null)
    {
    }

    /// <summary>
    /// Creates a client that sends over <paramref name="httpClient"/> as it is: retries are up to its handlers (the client
    /// that <c>AddInngest</c> registers has them). The caller keeps ownership of <paramref name="httpClient"/>.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="options">The settings; unset ones are read from the <c>INNGEST_*</c> environment variables.</param>
    /// <param name="timeProvider">The clock for id seeds; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">The client's logger.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an invalid value.</exception>
    public InngestClient(HttpClient httpClient, IOptions<InngestOptions> options, TimeProvider? timeProvider = null, ILogger<InngestClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        InngestOptions value = options.Value;
        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(value, InngestEnvironment.Process.GetVariable);
        transport = new HttpEventTransport(() => httpClient, resolved, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
        maxEventSizeBytes = value.MaxEventSizeBytes;
    }

    /// <summary>
    /// Creates a client that delivers validated, serialized events to <paramref name="transport"/>, e.g. an in-process engine.
    /// </summary>
    /// <param name="transport">Where events go.</param>
    /// <param name="options">The settings; only <see cref="InngestOptions.MaxEventSizeBytes"/> applies here. Defaults when null.</param>
    /// <exception cref="InngestConfigurationException">A setting has an invalid value.</exception>
    public InngestClient(IEventTransport transport, InngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new InngestOptions();
        InngestOptionsResolver.ValidateLimits(options);
        this.transport = transport;
        maxEventSizeBytes = options.MaxEventSizeBytes;
    }

    /// <summary>The client with its own retrying HTTP client; the environment lookup and the socket handler are injectable for tests.</summary>
    internal InngestClient(
        InngestOptions options,
        Func<string, string?> getEnvironmentVariable,
        TimeProvider? timeProvider,
        ILogger? logger,
        HttpMessageHandler? primaryHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(options, getEnvironmentVariable);
        TimeProvider time = timeProvider ?? TimeProvider.System;
        ILogger log = logger ?? NullLogger.Instance;
        var retryHandler = new RetryingHttpHandler(InngestRetryPipeline.Build(options.Retry, time, log))
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        HttpClient client = new(retryHandler);
        ownedHttpClient = client;
        transport = new HttpEventTransport(() => client, resolved, time, log);
        maxEventSizeBytes = options.MaxEventSizeBytes;
    }

    /// <summary>The transport events go to.</summary>
    internal IEventTransport Transport => transport;

    /// <inheritdoc />
    public Task<SendEventsResult> SendAsync<TData>(TData data, EventOptions? options = null, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(data);
        var evt = new Event<TData>(data) { Id = options?.Id, Ts = options?.Ts, V = options?.V };
        return SendAsync([evt], cancellationToken);
    }

    /// <inheritdoc />
    public Task<SendEventsResult> SendAsync<TData>(Event<TData> evt, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(evt);
        return SendAsync([evt], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SendEventsResult> SendAsync(IReadOnlyList<InngestEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ObjectDisposedException.ThrowIf(disposed, this);

        // Every event is validated and serialized before the transport sees any of them: an invalid event sends nothing.
        SerializedEvents serialized = EventBatchWriter.Write(events, maxEventSizeBytes);
        cancellationToken.ThrowIfCancellationRequested();
        return await transport.SendAsync(serialized, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the HTTP client this instance created, if any; a given <see cref="HttpClient"/> or transport is left alone.</summary>
    public void Dispose()
    {
        disposed = true;
        ownedHttpClient?.Dispose();
    }
}
