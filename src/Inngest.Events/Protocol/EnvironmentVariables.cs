namespace Inngest.Events.Protocol;

/// <summary>
/// The <c>INNGEST_*</c> environment variables the official SDKs read, which the client and the serve endpoint read too
/// (docs/protocol.md#configuration).
/// </summary>
internal static class EnvironmentVariables
{
    /// <summary>The key events are sent with.</summary>
    public const string EventKey = "INNGEST_EVENT_KEY";

    /// <summary>The key requests from Inngest are signed with.</summary>
    public const string SigningKey = "INNGEST_SIGNING_KEY";

    /// <summary>The previous signing key, still accepted while keys are rotated.</summary>
    public const string SigningKeyFallback = "INNGEST_SIGNING_KEY_FALLBACK";

    /// <summary><c>1</c>/<c>true</c> for the dev server, <c>0</c>/<c>false</c> for Inngest Cloud, or the dev server's URL.</summary>
    public const string Dev = "INNGEST_DEV";

    /// <summary>The branch environment.</summary>
    public const string Env = "INNGEST_ENV";

    /// <summary>The origin of both the Inngest API and the event API.</summary>
    public const string BaseUrl = "INNGEST_BASE_URL";

    /// <summary>The origin of the Inngest API (sync, run state).</summary>
    public const string ApiBaseUrl = "INNGEST_API_BASE_URL";

    /// <summary>The origin of the event API.</summary>
    public const string EventApiBaseUrl = "INNGEST_EVENT_API_BASE_URL";

    /// <summary>The origin the serve endpoint advertises at sync.</summary>
    public const string ServeOrigin = "INNGEST_SERVE_ORIGIN";

    /// <summary>The older name of <see cref="ServeOrigin"/>; a bare host means http.</summary>
    public const string ServeHost = "INNGEST_SERVE_HOST";

    /// <summary>The path the serve endpoint advertises at sync.</summary>
    public const string ServePath = "INNGEST_SERVE_PATH";

    /// <summary><c>false</c> refuses in-band sync.</summary>
    public const string AllowInBandSync = "INNGEST_ALLOW_IN_BAND_SYNC";

    /// <summary>Streamed call responses (keep-alive bytes, then the answer).</summary>
    public const string Streaming = "INNGEST_STREAMING";
}
