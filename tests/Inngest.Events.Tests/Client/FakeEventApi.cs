using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Tests.Client;

/// <summary>
/// A fake Inngest event API on a real Kestrel server at 127.0.0.1 on a free port. It records every request and answers
/// through <see cref="Respond"/>, which defaults to 200 with one id per event (<c>"{request index}:{event index}"</c>).
/// </summary>
internal sealed class FakeEventApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
    private int requestCount;

    private FakeEventApi(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Answers a request; runs after the request is recorded.</summary>
    public Func<RecordedRequest, HttpContext, Task> Respond { get; set; } = OkAsync;

    public IReadOnlyList<RecordedRequest> Requests => requests.OrderBy(r => r.Index).ToArray();

    public static async Task<FakeEventApi> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        WebApplication app = builder.Build();
        FakeEventApi? api = null;
        app.Run(context => api!.HandleAsync(context));
        await app.StartAsync();
        api = new FakeEventApi(app, new Uri(app.Urls.Single()));
        return api;
    }

    /// <summary>Completes when <paramref name="count"/> requests have been recorded.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (waiters)
        {
            if (requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Answers 200 <c>{"ids":[..],"status":200}</c> with one id per event of the body.</summary>
    public static Task OkAsync(RecordedRequest request, HttpContext context) =>
        JsonAsync(context, 200, new { ids = IdsFor(request), status = 200 });

    public static string[] IdsFor(RecordedRequest request) =>
        Enumerable.Range(0, request.Events.Count).Select(i => $"{request.Index}:{i}").ToArray();

    public static async Task JsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(
            Interlocked.Increment(ref requestCount) - 1,
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            headers,
            body.ToArray());
        requests.Enqueue(request);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => requests.Count >= w.Count).ToArray())
            {
                waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }

        await Respond(request, context);
    }
}
