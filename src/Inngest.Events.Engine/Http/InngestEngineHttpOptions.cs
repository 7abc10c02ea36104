using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

/// <summary>
/// How the engine talks to apps that serve functions over HTTP (any Inngest SDK's serve endpoint, such as
/// <c>MapInngest</c>): the key it signs call requests with and the server kind it announces.
/// </summary>
public sealed class InngestEngineHttpOptions
{
    /// <summary>
    /// The signing key (<c>signkey-&lt;env&gt;-&lt;hex&gt;</c>) the engine signs its requests to apps with
    /// (<c>X-Inngest-Signature</c>), and that register requests must authenticate with (<c>Bearer</c> hashed key).
    /// Null, the default, runs unsigned like the Inngest dev server; apps in cloud mode then refuse the engine's calls.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>A second key that register requests may also authenticate with, as during a key rotation.</summary>
    public string? SigningKeyFallback { get; set; }

    /// <summary>
    /// The <c>X-Inngest-Server-Kind</c> the engine sends (<c>dev</c> or <c>cloud</c>); register requests expecting another
    /// kind are refused. Default <c>dev</c>. With <c>cloud</c> the engine also takes an app's answer (to a call, or to an
    /// in-band sync) only when it is signed with <see cref="SigningKey"/> or <see cref="SigningKeyFallback"/>, as SDKs in
    /// cloud mode sign them; any other answer is a failed attempt.
    /// </summary>
    public string ServerKind { get; set; } = InngestHeaders.DevServerKind;

    /// <summary>How long one call request may take before it counts as a failed, retriable attempt. Default 15 minutes.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The client to call apps with; the engine creates (and disposes) its own when null.</summary>
    public HttpClient? HttpClient { get; set; }
}
