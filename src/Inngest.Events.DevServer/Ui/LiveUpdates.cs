using System.Globalization;
using System.Text;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Ui;

/// <summary>
/// <c>GET /ui/live</c>: Server-Sent Events, one <c>change</c> event each time the engine commits a change (a new event,
/// a run queued, started, stepped or ended, an app synced), and a comment every 15 seconds to keep the connection open.
/// The pages' script then fetches the page again and swaps its <c>data-live</c> parts. Ends when the client goes or the
/// app stops.
/// </summary>
internal sealed class LiveUpdates(InngestEngine engine, CancellationToken stopping)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);

    public async Task StreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = stop.Token;
        try
        {
            // The signal is taken before the page hears "ready", so a change made after that is never missed.
            var next = engine.NextChange;
            await WriteAsync(response, "retry: 1000\nevent: ready\ndata: 0\n\n", token).ConfigureAwait(false);
            var changes = 0L;
            var keepAlive = Task.Delay(KeepAlive, token);
            while (!token.IsCancellationRequested)
            {
                var woke = await Task.WhenAny(next, keepAlive).ConfigureAwait(false);
                if (token.IsCancellationRequested)
                {
                    break;
                }

                if (woke == next)
                {
                    next = engine.NextChange;
                    await WriteAsync(response, $"event: change\ndata: {(++changes).ToString(CultureInfo.InvariantCulture)}\n\n", token).ConfigureAwait(false);

                    // A busy engine commits thousands of times a second: tell the page at most ten times a second (the
                    // signal taken above still catches what happens meanwhile).
                    await Task.Delay(Coalesce, token).ConfigureAwait(false);
                }
                else
                {
                    await WriteAsync(response, ": keep-alive\n\n", token).ConfigureAwait(false);
                    keepAlive = Task.Delay(KeepAlive, token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException || token.IsCancellationRequested)
        {
            // The page closed or the server is stopping.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken token)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), token).ConfigureAwait(false);
        await response.Body.FlushAsync(token).ConfigureAwait(false);
    }
}
