namespace Inngest.Events.AspNetCore.Serving;

/// <summary>The headers of the serve protocol (design/inngest-protocol.md §3.1).</summary>
internal static class InngestHeaders
{
    public const string Sdk = "X-Inngest-SDK";
    public const string ReqVersion = "X-Inngest-Req-Version";
    public const string Signature = "X-Inngest-Signature";
    public const string ServerKind = "X-Inngest-Server-Kind";
    public const string ExpectedServerKind = "X-Inngest-Expected-Server-Kind";
    public const string Framework = "X-Inngest-Framework";
    public const string Env = "X-Inngest-Env";
    public const string NoRetry = "X-Inngest-No-Retry";
    public const string RetryAfter = "Retry-After";
    public const string SyncKind = "X-Inngest-Sync-Kind";

    /// <summary>The execution version this SDK answers with.</summary>
    public const string ExecutionVersion = "2";

    /// <summary><see cref="ExecutionVersion"/> as the number a streamed answer's <c>version</c> carries.</summary>
    public const int ExecutionVersionNumber = 2;

    public const string InBand = "in_band";
    public const string OutOfBand = "out_of_band";
}
