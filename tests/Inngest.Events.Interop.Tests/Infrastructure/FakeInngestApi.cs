using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>
/// A fake Inngest API on Kestrel at 127.0.0.1 (a free port), for both SDKs: the event API (<c>POST /e/{key}</c>, answered
/// <c>{"ids":[...],"status":200}</c> with ids derived from the events, so both SDKs get the same ids for the same
/// events) and the sync endpoint (<c>POST /fn/register</c>, answered <c>{"ok":true,"modified":false}</c>).
/// Every request is recorded.
/// </summary>
internal sealed class FakeInngestApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ApiRequest> _requests = new();
    private int _count;

    private FakeInngestApi(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The origin, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<ApiRequest> Requests => _requests.OrderBy(r => r.Index).ToArray();

    public static async Task<FakeInngestApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeInngestApi? api = null;
        app.Run(context => api!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        api = new FakeInngestApi(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return api;
    }

    /// <summary>The id the fake gives an event: <c>sent-{id}</c>, or <c>sent-{name}#{index in the request}</c> without one.</summary>
    public static string IdFor(JsonNode? evt, int index)
        => evt?["id"]?.GetValue<string>() is { Length: > 0 } id ? $"sent-{id}" : $"sent-{evt?["name"]?.GetValue<string>()}#{index}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var request = new ApiRequest(
            Interlocked.Increment(ref _count) - 1,
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray());
        _requests.Enqueue(request);

        context.Response.ContentType = "application/json";
        if (request.Method == "POST" && request.Path.StartsWith("/e/", StringComparison.Ordinal))
        {
            var body = request.Json();
            var events = body is JsonArray array ? array : new JsonArray(body?.DeepClone());
            var ids = new JsonArray(events.Select((e, i) => (JsonNode?)IdFor(e, i)).ToArray());
            await context.Response.WriteAsync(new JsonObject { ["ids"] = ids, ["status"] = 200 }.ToJsonString()).ConfigureAwait(false);
            return;
        }

        if (request.Method == "POST" && request.Path == "/fn/register")
        {
            await context.Response.WriteAsync("""{"ok":true,"modified":false}""").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("""{"error":"not found"}""").ConfigureAwait(false);
    }
}
