namespace Inngest.Events.AspNetCore;

/// <summary>
/// Settings of the serve endpoint (<c>app.MapInngest("/api/inngest")</c>). Every property left unset is read from
/// configuration under the standard Inngest variable names (<c>INNGEST_SIGNING_KEY</c>, <c>INNGEST_SIGNING_KEY_FALLBACK</c>,
/// <c>INNGEST_SERVE_ORIGIN</c>, <c>INNGEST_SERVE_PATH</c>, <c>INNGEST_API_BASE_URL</c>, <c>INNGEST_BASE_URL</c>,
/// <c>INNGEST_ALLOW_IN_BAND_SYNC</c>), so environment variables, appsettings.json and user secrets all work. The mode
/// (cloud or dev), app id, event key and environment come from <see cref="InngestOptions"/> and <c>INNGEST_DEV</c>,
/// <c>INNGEST_EVENT_KEY</c>, <c>INNGEST_ENV</c>, as for the client.
/// </summary>
public sealed class InngestServeOptions
{
    /// <summary>
    /// The signing key (<c>signkey-&lt;env&gt;-&lt;hex&gt;</c>) that verifies Inngest's requests and authenticates syncs.
    /// Required in cloud mode; <c>INNGEST_SIGNING_KEY</c> when unset.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The previous or next signing key during a key rotation; tried whenever the primary fails. <c>INNGEST_SIGNING_KEY_FALLBACK</c> when unset.</summary>
    public string? SigningKeyFallback { get; set; }

    /// <summary>
    /// The origin advertised to Inngest when syncing, e.g. <c>https://app.example.com</c> or
    /// <c>http://host.docker.internal:5000</c>, instead of the origin the sync request arrived at. <c>INNGEST_SERVE_ORIGIN</c> when unset.
    /// </summary>
    public string? ServeOrigin { get; set; }

    /// <summary>The path advertised to Inngest when syncing, instead of the path the sync request arrived at. <c>INNGEST_SERVE_PATH</c> when unset.</summary>
    public string? ServePath { get; set; }

    /// <summary>
    /// The origin of the Inngest API that syncs go to (<c>{ApiBaseUrl}/fn/register</c>) and large run state is loaded
    /// from. When unset: <c>INNGEST_API_BASE_URL</c>, <c>InngestOptions.BaseUrl</c>, <c>INNGEST_BASE_URL</c>, the dev server
    /// URL in dev mode, else <c>https://api.inngest.com/</c> (cloud) or <c>http://localhost:8288/</c> (dev).
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>Whether Inngest may sync in-band (a signed <c>PUT</c> answered with the app's config). Default true; <c>INNGEST_ALLOW_IN_BAND_SYNC</c> when unset.</summary>
    public bool? AllowInBandSync { get; set; }

    /// <summary>Whether responses to verified requests carry an <c>X-Inngest-Signature</c> made with the key that verified the request. Default true.</summary>
    public bool SignResponses { get; set; } = true;

    /// <summary>The app version reported at sync (<c>appVersion</c>), e.g. a build number; optional.</summary>
    public string? AppVersion { get; set; }

    /// <summary>
    /// Whether call requests are answered as a stream (docs/protocol.md#call-responses): <c>201</c> at once, a space every
    /// <see cref="StreamingHeartbeat"/> while the function runs, then the real answer as
    /// <c>{"status","headers","body"}</c>. For hosts that cut idle responses (serverless platforms, some proxies) while a
    /// step runs longer than their timeout. Default false; <c>INNGEST_STREAMING</c> when unset. A streamed answer to a
    /// verified call is signed inside its final value (<c>headers</c>, over <c>body</c>), as the official SDKs do, since
    /// the <c>201</c>'s own headers leave before the answer exists.
    /// </summary>
    public bool? Streaming { get; set; }

    /// <summary>How often a streamed answer writes a keep-alive space. Default 3 seconds, like the official SDKs.</summary>
    public TimeSpan StreamingHeartbeat { get; set; } = TimeSpan.FromSeconds(3);

    internal InngestServeOptions Clone() => (InngestServeOptions)MemberwiseClone();
}
