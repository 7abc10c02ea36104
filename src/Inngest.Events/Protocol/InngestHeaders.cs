namespace Inngest.Events.Protocol;

/// <summary>The HTTP headers of the Inngest protocol and the values they carry (docs/protocol.md#headers).</summary>
internal static class InngestHeaders
{
    /// <summary>The SDK's identity, <c>{language}:v{version}</c>, on every request to and every response from an SDK.</summary>
    public const string Sdk = "X-Inngest-SDK";

    /// <summary>The execution version of a call response.</summary>
    public const string ReqVersion = "X-Inngest-Req-Version";

    /// <summary>The HMAC signature, <c>t={unix seconds}&amp;s={hex}</c>.</summary>
    public const string Signature = "X-Inngest-Signature";

    /// <summary><c>dev</c> or <c>cloud</c>: which kind of Inngest server sent the request.</summary>
    public const string ServerKind = "X-Inngest-Server-Kind";

    /// <summary>On a register request: the server kind the SDK was synced by, which the server checks against its own.</summary>
    public const string ExpectedServerKind = "X-Inngest-Expected-Server-Kind";

    /// <summary>The web framework serving the functions.</summary>
    public const string Framework = "X-Inngest-Framework";

    /// <summary>The branch environment.</summary>
    public const string Env = "X-Inngest-Env";

    /// <summary><c>true</c> or <c>false</c>: whether a failed call may be retried.</summary>
    public const string NoRetry = "X-Inngest-No-Retry";

    /// <summary>When to retry: whole seconds or an RFC 3339 time.</summary>
    public const string RetryAfter = "Retry-After";

    /// <summary><see cref="InBand"/> or <see cref="OutOfBand"/>.</summary>
    public const string SyncKind = "X-Inngest-Sync-Kind";

    /// <summary>On an event API request: <c>{unix ms},{base64 of 10 random bytes}</c>, from which the server derives the events' ids.</summary>
    public const string EventIdSeed = "x-inngest-event-id-seed";

    /// <summary>On a call request: the run id.</summary>
    public const string RunId = "X-Run-ID";

    /// <summary>The standard <c>User-Agent</c> header, which the SDKs set to their identity too.</summary>
    public const string UserAgent = "User-Agent";

    /// <summary>The execution version this SDK answers with.</summary>
    public const string ExecutionVersion = "2";

    /// <summary><see cref="ExecutionVersion"/> as the number a streamed answer's <c>version</c> carries.</summary>
    public const int ExecutionVersionNumber = 2;

    /// <summary>The <see cref="SyncKind"/> of a sync answered in the PUT's response.</summary>
    public const string InBand = "in_band";

    /// <summary>The <see cref="SyncKind"/> of a sync done by a register request to the Inngest API.</summary>
    public const string OutOfBand = "out_of_band";

    /// <summary>The <see cref="ServerKind"/> of the Inngest dev server.</summary>
    public const string DevServerKind = "dev";

    /// <summary>The <see cref="ServerKind"/> of Inngest Cloud and self-hosted Inngest.</summary>
    public const string CloudServerKind = "cloud";
}
