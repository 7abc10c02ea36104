using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Settings of the Inngest event client. Every property that is left unset is filled from the standard Inngest
/// environment variables (<c>INNGEST_EVENT_KEY</c>, <c>INNGEST_DEV</c>, <c>INNGEST_BASE_URL</c>,
/// <c>INNGEST_EVENT_API_BASE_URL</c>, <c>INNGEST_ENV</c>), so most apps set nothing in code.
/// </summary>
/// <remarks>
/// <para>Mode: <see cref="IsDev"/>, else <see cref="DevServerUrl"/> (set means dev), else <c>INNGEST_DEV</c>
/// (<c>1</c>/<c>true</c> dev, <c>0</c>/<c>false</c> cloud, a URL dev at that origin), else cloud.</para>
/// <para>Event API origin: <see cref="EventApiBaseUrl"/>, <see cref="BaseUrl"/>, <see cref="DevServerUrl"/> (dev mode),
/// <c>INNGEST_EVENT_API_BASE_URL</c>, <c>INNGEST_BASE_URL</c>, the <c>INNGEST_DEV</c> URL (dev mode), and finally
/// <c>https://inn.gs/</c> in cloud mode or <c>http://localhost:8288/</c> in dev mode.</para>
/// </remarks>
public sealed class InngestOptions
{
    /// <summary>The default of <see cref="MaxEventSizeBytes"/>: 3 MiB, the largest event Inngest accepts on paid plans.</summary>
    public const int DefaultMaxEventSizeBytes = EventRules.MaxEventSizeBytes;

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 512 KiB.</summary>
    public const int DefaultMaxRequestBodyBytes = 512 * 1024;

    /// <summary>The default and largest value of <see cref="MaxEventsPerRequest"/>: the event API rejects larger batches.</summary>
    public const int DefaultMaxEventsPerRequest = EventRules.MaxEventsPerRequest;

    /// <summary>The app id (the Inngest client id) that this app's functions are registered under.</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// The event key that authorizes sends (<c>POST /e/{key}</c>); <c>INNGEST_EVENT_KEY</c> when unset. Required in cloud
    /// mode; in dev mode a placeholder is sent when there is none.
    /// </summary>
    public string? EventKey { get; set; }

    /// <summary>The origin of the event API, e.g. <c>https://inn.gs/</c>; wins over every other URL setting.</summary>
    public Uri? EventApiBaseUrl { get; set; }

    /// <summary>The origin of both the Inngest API and the event API, e.g. for a self-hosted <c>inngest start</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The Inngest branch environment, sent as <c>X-Inngest-Env</c>; <c>INNGEST_ENV</c> when unset.</summary>
    public string? Env { get; set; }

    /// <summary>
    /// <see langword="true"/> to send to an Inngest dev server, <see langword="false"/> to send to Inngest Cloud;
    /// when unset the mode comes from <see cref="DevServerUrl"/> and <c>INNGEST_DEV</c>, and is cloud otherwise.
    /// </summary>
    public bool? IsDev { get; set; }

    /// <summary>The origin of the Inngest dev server (default <c>http://localhost:8288/</c>); setting it selects dev mode unless <see cref="IsDev"/> is <see langword="false"/>.</summary>
    public Uri? DevServerUrl { get; set; }

    /// <summary>
    /// The largest serialized event the client sends; a larger one fails validation before anything is sent.
    /// Defaults to 3 MiB (paid plans and self-hosted Inngest); set <c>256 * 1024</c> to match the free plan's 256 KiB.
    /// </summary>
    public int MaxEventSizeBytes { get; set; } = DefaultMaxEventSizeBytes;

    /// <summary>
    /// The largest request body, counting the array's brackets and commas, that a batch is split into. An event that is
    /// alone larger than this (but within <see cref="MaxEventSizeBytes"/>) is sent in a request of its own.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The most events sent in one request (1 to 5000); larger batches are split.</summary>
    public int MaxEventsPerRequest { get; set; } = DefaultMaxEventsPerRequest;

    /// <summary>How failed requests (network errors, 5xx, 429) are retried.</summary>
    public InngestRetryOptions Retry { get; set; } = new();
}
