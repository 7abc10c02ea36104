using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>
/// The serve endpoint (docs/protocol.md#the-serve-endpoint): one URL, where GET introspects, PUT syncs and POST runs a call
/// request (or answers a trust probe). The body is read as raw bytes before anything parses it, because signatures
/// are over exactly those bytes. Every response carries <c>X-Inngest-SDK</c> and <c>X-Inngest-Req-Version: 2</c>.
/// </summary>
internal sealed partial class ServeHandler(
    ServeSettings settings,
    FunctionRunner runner,
    TimeProvider time,
    ILogger logger,
    Func<HttpClient> httpClient)
{
    /// <summary>The framework this endpoint reports to Inngest (<c>X-Inngest-Framework</c>, <c>framework</c> of a sync).</summary>
    public const string Framework = "aspnetcore";

    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    public ServeSettings Settings => settings;

    public FunctionRunner Runner => runner;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var auth = ServeAuthentication.Check(settings, request.Headers[InngestHeaders.Signature].ToString(), body, time.GetUtcNow());

        ServeResponse response;
        if (HttpMethods.IsGet(request.Method))
        {
            response = Introspect(request, auth);
        }
        else if (HttpMethods.IsPut(request.Method))
        {
            response = await SyncAsync(request, body, auth, context.RequestAborted).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            if (settings.Streaming && auth.Allowed && request.Query[ServeQuery.Probe].Count == 0)
            {
                await StreamAsync(context, PostAsync(request, body, auth, context.RequestAborted), auth.KeyUsed).ConfigureAwait(false);
                return;
            }

            response = await PostAsync(request, body, auth, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            response = ServeResponse.Message(405, "Method not allowed; the Inngest endpoint answers GET, PUT and POST.") with
            {
                Headers = [new("Allow", "GET, PUT, POST")],
            };
        }

        await WriteAsync(context.Response, response, auth.KeyUsed).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length and < int.MaxValue ? (int)length : 4096);
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private async Task WriteAsync(HttpResponse response, ServeResponse serve, string? keyUsed)
    {
        response.StatusCode = serve.StatusCode;
        var headers = response.Headers;
        headers[InngestHeaders.Sdk] = InngestSdk.Identifier;
        headers[InngestHeaders.ReqVersion] = InngestHeaders.ExecutionVersion;
        headers.ContentType = "application/json";
        foreach (var (name, value) in serve.Headers)
        {
            headers[name] = value;
        }

        if (keyUsed is not null && settings.SignResponses)
        {
            headers[InngestHeaders.Signature] = RequestSignature.CreateHeader(serve.Body, keyUsed, time.GetUtcNow());
        }

        response.ContentLength = serve.Body.Length;
        if (serve.Body.Length > 0)
        {
            await response.Body.WriteAsync(serve.Body).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A streamed answer (<see cref="InngestServeOptions.Streaming"/>): <c>201</c> with the protocol headers at once, a
    /// space every <see cref="ServeSettings.StreamingHeartbeat"/> so idle-timeouts of the host do not cut the call, then
    /// the real answer as <c>{"status","headers","body","version"}</c> with the body as a string of JSON, the shape the
    /// official SDKs stream. Leading whitespace is insignificant to a JSON reader, so the whole stream is one JSON value.
    /// The answer's signature travels in those headers, over the body string, as the JS SDK sends it: the 201's own
    /// headers left before the answer existed.
    /// </summary>
    private async Task StreamAsync(HttpContext context, Task<ServeResponse> call, string? keyUsed)
    {
        var response = context.Response;
        response.StatusCode = 201;
        response.Headers[InngestHeaders.Sdk] = InngestSdk.Identifier;
        response.Headers[InngestHeaders.ReqVersion] = InngestHeaders.ExecutionVersion;
        response.Headers.ContentType = "application/json";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);

        // Kestrel holds the headers until the first body bytes; the 201 must go out now, not with the first keep-alive.
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        while (true)
        {
            var heartbeat = Task.Delay(settings.StreamingHeartbeat, time, context.RequestAborted);
            if (await Task.WhenAny(call, heartbeat).ConfigureAwait(false) == call)
            {
                break;
            }

            if (context.RequestAborted.IsCancellationRequested)
            {
                await call.ConfigureAwait(false);
                return;
            }

            await response.Body.WriteAsync(KeepAlive, context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var answer = await call.ConfigureAwait(false);
        var envelope = ServeResponse.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", answer.StatusCode);
            writer.WriteStartObject("headers");
            writer.WriteString("Content-Type", "application/json");
            writer.WriteString(InngestHeaders.Sdk, InngestSdk.Identifier);
            writer.WriteString(InngestHeaders.ReqVersion, InngestHeaders.ExecutionVersion);
            foreach (var (name, value) in answer.Headers)
            {
                writer.WriteString(name, value);
            }

            if (keyUsed is not null && settings.SignResponses)
            {
                writer.WriteString(InngestHeaders.Signature, RequestSignature.CreateHeader(answer.Body, keyUsed, time.GetUtcNow()));
            }

            writer.WriteEndObject();
            writer.WriteString("body", System.Text.Encoding.UTF8.GetString(answer.Body));
            writer.WriteNumber("version", InngestHeaders.ExecutionVersionNumber);
            writer.WriteEndObject();
        });
        await response.Body.WriteAsync(envelope, context.RequestAborted).ConfigureAwait(false);
    }

    private static readonly byte[] KeepAlive = " "u8.ToArray();

    /// <summary>The URL the request arrived at, without its query.</summary>
    private static Uri RequestUrl(HttpRequest request)
        => new(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path));

    /// <summary>
    /// The serve URL to advertise: <paramref name="url"/> with <c>INNGEST_SERVE_ORIGIN</c> and <c>INNGEST_SERVE_PATH</c>
    /// applied, without a query (a <c>deployId</c> never belongs in it).
    /// </summary>
    private Uri AdvertisedUrl(Uri url)
    {
        var origin = settings.ServeOrigin ?? url;
        var path = settings.ServePath ?? url.AbsolutePath;
        var builder = new UriBuilder(origin.GetLeftPart(UriPartial.Authority)) { Path = path, Query = string.Empty };
        return builder.Uri;
    }
}
