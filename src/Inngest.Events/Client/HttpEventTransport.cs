using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events;

/// <summary>
/// Delivers events to Inngest's HTTP event API: <c>POST {eventApi}/e/{key}</c> with a JSON array body
/// (docs/protocol.md#event-api). Splits a batch into requests within the body-size and count limits, sends them in
/// order, and stops at the first failure, reporting which events were accepted. Retries are not done here but by the
/// <see cref="HttpClient"/>'s resilience handler, which resends the same request (same body, same seed).
/// </summary>
internal sealed class HttpEventTransport : IEventTransport
{
    private readonly Func<HttpClient> httpClient;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly SentEventIds? sentIds;

    /// <param name="httpClient">Gives the client for a send: a factory client (DI) or the client's own.</param>
    /// <param name="options">The resolved settings.</param>
    /// <param name="timeProvider">The clock of the id seed.</param>
    /// <param name="logger">The client's logger.</param>
    public HttpEventTransport(Func<HttpClient> httpClient, ResolvedInngestOptions options, TimeProvider timeProvider, ILogger logger)
    {
        this.httpClient = httpClient;
        Options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;

        // In dev mode the client says when an id it sent comes back with another event, which Inngest would not run
        // for the functions the first one started (the embedded engine says the same when it skips such an event).
        sentIds = options.IsDev ? new SentEventIds() : null;
    }

    public ResolvedInngestOptions Options { get; }

    public async Task<SendEventsResult> SendAsync(SerializedEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        Uri url = Options.EventUrl ?? throw MissingEventKey(Options);
        if (events.Count == 0)
        {
            return new SendEventsResult([]);
        }

        List<EventRequestRange> requests = EventRequestSplitter.Split(events, Options.MaxRequestBodyBytes, Options.MaxEventsPerRequest);
        ClientLog.Sending(logger, events.Count, Options.EventApiBaseUrl, requests.Count);

        HttpClient client = httpClient();
        var ids = new List<string>(events.Count);
        foreach (EventRequestRange range in requests)
        {
            try
            {
                await SendRequestAsync(client, url, events, range, ids, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && ids.Count > 0)
            {
                // Cancellation keeps its usual exception; the accepted part of the call is at least in the log.
                ClientLog.CancelledAfterPartialSend(logger, ids.Count, events.Count, string.Join(", ", ids));
                throw;
            }
        }

        return new SendEventsResult(ids);
    }

    private async Task SendRequestAsync(
        HttpClient client,
        Uri url,
        SerializedEvents events,
        EventRequestRange range,
        List<string> ids,
        CancellationToken cancellationToken)
    {
        // One seed per request body: Inngest derives the body's event ids from it, and retries resend this same message.
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new JsonArrayContent(events.GetArrayElements(range.Start, range.Count)),
        };
        InngestSdk.AddTo(request.Headers);
        request.Headers.TryAddWithoutValidation(InngestHeaders.EventIdSeed, EventIdSeed.Create(timeProvider));
        if (Options.Env is { } env)
        {
            request.Headers.TryAddWithoutValidation(InngestHeaders.Env, env);
        }

        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw SendFailure.FromException(events, ids.ToArray(), exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed.
            throw SendFailure.FromException(events, ids.ToArray(), exception);
        }

        using (response)
        {
            EventApiResponse parsed = EventApiResponse.Parse(body);
            IReadOnlyList<string> accepted = parsed.AcceptedPrefix(range.Count);
            ids.AddRange(accepted);
            WarnOfReusedIds(events, range.Start, accepted.Count);
            if (response.IsSuccessStatusCode && string.IsNullOrEmpty(parsed.Error) && accepted.Count == range.Count)
            {
                return;
            }

            string? serverError = parsed.ServerError;
            if (response.IsSuccessStatusCode && serverError is null)
            {
                serverError = $"the response has {accepted.Count} id(s) for the {range.Count} event(s) of the request";
            }

            throw SendFailure.FromResponse(events, ids.ToArray(), response.StatusCode, serverError);
        }
    }

    private void WarnOfReusedIds(SerializedEvents events, int start, int count)
    {
        if (sentIds is null)
        {
            return;
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        for (int i = start; i < start + count; i++)
        {
            if (sentIds.Record(events.GetName(i), events.GetJson(i).Span, now) is { } reuse)
            {
                ClientLog.EventIdReused(logger, events.GetName(i), reuse.Id, TimeStrings.Format(reuse.Ago), reuse.FirstUsedBy);
            }
        }
    }

    private static InngestConfigurationException MissingEventKey(ResolvedInngestOptions options) =>
        new($"Cannot send events: no Inngest event key is configured, and the client is in cloud mode ({options.ModeSource}). " +
            $"Set InngestOptions.EventKey or the {EnvironmentVariables.EventKey} environment variable to an event key " +
            "from the Inngest dashboard; or, to send to a local Inngest dev server, set InngestOptions.IsDev = true or " +
            $"{EnvironmentVariables.Dev}=1.");
}
