using System.Net.Http.Headers;

namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>
/// An SDK served over HTTP (the JS SDK's <c>inngest/node</c> handler; later our MapInngest): a POST with the call
/// request's JSON to <c>{serve url}?fnId=..&amp;stepId=..</c>, with the headers Inngest's executor sends in dev mode.
/// </summary>
internal sealed class HttpSdkEndpoint(string name, HttpClient http, Uri serveUrl) : ISdkEndpoint
{
    public string Name { get; } = name;

    public async Task<SdkResponse> CallAsync(string compositeFunctionId, CallRequest request, CancellationToken cancellationToken)
    {
        var url = new UriBuilder(serveUrl)
        {
            Query = $"fnId={Uri.EscapeDataString(compositeFunctionId)}&stepId={Uri.EscapeDataString(request.Ctx.StepId)}",
        }.Uri;
        using var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(Serialize(request)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("X-Inngest-Server-Kind", "dev");
        message.Headers.TryAddWithoutValidation("X-Run-ID", request.Ctx.RunId);
        message.Headers.TryAddWithoutValidation("X-Inngest-Step-ID", request.Ctx.StepId);
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new SdkResponse((int)response.StatusCode, headers, body);
    }

    public static byte[] Serialize(CallRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return buffer.ToArray();
    }
}
