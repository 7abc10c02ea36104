using System.Net;
using System.Net.Http.Headers;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Http;

/// <summary>The engine's HTTP side: the client it calls apps with, and the headers and signature every request to an app carries.</summary>
internal sealed class EngineHttpClient(Func<InngestEngineHttpOptions> options, TimeProvider time) : IDisposable
{
    public const string ServerKindHeader = InngestHeaders.ServerKind;

    private readonly object _gate = new();
    private HttpClient? _owned;

    public InngestEngineHttpOptions Options => options();

    public HttpClient Client
    {
        get
        {
            if (Options.HttpClient is { } client)
            {
                return client;
            }

            lock (_gate)
            {
                return _owned ??= new HttpClient(new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    AllowAutoRedirect = false,
                })
                {
                    Timeout = Timeout.InfiniteTimeSpan,
                };
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="message"/> <paramref name="json"/> as its JSON body with <c>X-Inngest-Server-Kind</c> and,
    /// with a signing key, <c>X-Inngest-Signature</c>. A signed body is sent in its canonical form (RFC 8785), as
    /// Inngest's server sends it, because SDKs verify the signature over that form: the JS SDK over
    /// <c>canonicalize(JSON.parse(body))</c>, the Go SDK over the JCS transform of the body.
    /// </summary>
    public void Prepare(HttpRequestMessage message, byte[] json)
    {
        var current = Options;
        var signed = !string.IsNullOrEmpty(current.SigningKey);
        var body = signed ? CanonicalJson.Transform(json) : json;
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation(ServerKindHeader, current.ServerKind);
        if (signed)
        {
            message.Headers.TryAddWithoutValidation(RequestSignature.HeaderName, RequestSignature.CreateHeader(body, current.SigningKey!, time.GetUtcNow()));
        }
    }

    /// <summary>
    /// In cloud mode (<see cref="InngestEngineHttpOptions.ServerKind"/> <c>cloud</c>), the check every answer of an app
    /// must pass: signed with the engine's key or its fallback, now. Null in dev mode, where SDKs do not sign.
    /// </summary>
    public ResponseSignatureCheck? ResponseCheck()
    {
        var current = Options;
        return current.ServerKind == InngestHeaders.CloudServerKind
            ? new ResponseSignatureCheck(current.SigningKey, current.SigningKeyFallback, time.GetUtcNow())
            : null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _owned?.Dispose();
            _owned = null;
        }
    }
}
