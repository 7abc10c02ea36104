using System.Collections.Concurrent;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>
/// The embedded engine as a local Inngest server (<c>MapInngestDevServer</c>: the event API <c>POST /e/{key}</c> and
/// <c>POST /fn/register</c>) on Kestrel at 127.0.0.1 (a free port), with no functions of its own, unsigned (dev) unless
/// the test gives it signing keys, on a fake clock, driven by the test: nothing runs in the background;
/// <see cref="SettleAsync"/> runs what is due and moves the clock from timer to timer.
/// </summary>
internal sealed class DevServerHost : IAsyncDisposable
{
    /// <summary>Where the fake clock starts (after the scenario events' <c>ts</c>, so they are in the past).</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;

    private DevServerHost(WebApplication app, Uri baseUrl, FakeTimeProvider time, ConcurrentQueue<RunTimelineEntry> timeline)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
        Timeline = timeline;
    }

    /// <summary>The server's origin, e.g. <c>http://127.0.0.1:41236/</c>: the base URL SDKs send events and syncs to.</summary>
    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Every timeline entry of every run, in the order the engine made them (the order runs started in, across runs).</summary>
    public ConcurrentQueue<RunTimelineEntry> Timeline { get; }

    public InngestEngine Engine => _app.Services.GetRequiredService<InngestEngine>();

    /// <param name="maxConcurrency">
    /// How many calls the engine runs at once. 1 (the default) makes the order of calls, and of completed steps, not
    /// depend on which SDK answers faster; flow-control scenarios need more, to show what their limits hold back.
    /// </param>
    /// <param name="start">Where the fake clock starts; <see cref="Start"/> when null.</param>
    /// <param name="http">The engine's HTTP options (signing keys, server kind, client); unsigned dev when null.</param>
    /// <param name="front">Adds middleware in front of the dev server's endpoints (to watch or refuse requests).</param>
    public static async Task<DevServerHost> StartAsync(
        int maxConcurrency = 1,
        DateTimeOffset? start = null,
        InngestEngineHttpOptions? http = null,
        Action<WebApplication>? front = null)
    {
        var timeline = new ConcurrentQueue<RunTimelineEntry>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var time = new FakeTimeProvider(start ?? Start);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddInngest(o => o.AppId = "interop-engine")
            .UseEmbeddedEngine(e =>
            {
                e.RunInBackground = false;
                e.MaxConcurrency = maxConcurrency;

                // Retries are due at once unless the function asks for a Retry-After.
                e.RetryBackoff = [TimeSpan.Zero];
                e.OnTimelineEntry = timeline.Enqueue;
            });
        var app = builder.Build();
        if (http is not null)
        {
            app.Services.GetRequiredService<InngestEngine>().HttpOptions = http;
        }

        front?.Invoke(app);
        app.MapInngestDevServer();
        await app.StartAsync().ConfigureAwait(false);
        return new DevServerHost(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"), time, timeline);
    }

    /// <summary>Runs everything due now, including work that becomes due meanwhile.</summary>
    public async Task RunAsync()
    {
        using var guard = new CancellationTokenSource(IdleTimeout);
        await Engine.RunUntilIdleAsync(guard.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs until <paramref name="done"/> holds: whatever is due, then the clock moves to the next timer (a retry
    /// after a Retry-After, a sleep, a wait's timeout) and so on; stops when no timer is left.
    /// </summary>
    public async Task SettleAsync(Func<InngestEngine, bool> done)
    {
        await RunAsync().ConfigureAwait(false);
        for (var moves = 0; !done(Engine) && Engine.NextDueAt is { } next; moves++)
        {
            if (moves > 1000)
            {
                throw new InvalidOperationException("The engine did not settle after 1000 timers.");
            }

            if (next > Time.GetUtcNow())
            {
                Time.SetUtcNow(next);
            }

            await RunAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
