using System.Net;
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

    /// <summary>Adds <c>X-Inngest-Server-Kind</c> and, with a signing key, <c>X-Inngest-Signature</c> over <paramref name="body"/>.</summary>
    public void Prepare(HttpRequestMessage message, ReadOnlySpan<byte> body)
    {
        var current = Options;
        message.Headers.TryAddWithoutValidation(ServerKindHeader, current.ServerKind);
        if (!string.IsNullOrEmpty(current.SigningKey))
        {
            message.Headers.TryAddWithoutValidation(RequestSignature.HeaderName, RequestSignature.CreateHeader(body, current.SigningKey, time.GetUtcNow()));
        }
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
