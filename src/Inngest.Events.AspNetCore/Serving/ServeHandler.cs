using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>
/// The serve endpoint (design/inngest-protocol.md §3): one URL, where GET introspects, PUT syncs and POST runs a call
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
        headers[InngestHeaders.Sdk] = SdkIdentity.Identifier;
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
