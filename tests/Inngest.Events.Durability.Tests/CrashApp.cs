using Inngest.Events.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Durability.Tests;

/// <summary>
/// The crash test's app: <see cref="CrashFunctions"/> served by <c>app.MapInngest()</c> on Kestrel at 127.0.0.1 (a free
/// port), in dev mode, syncing out-of-band with the dev server at <c>devServer</c>. It counts the requests it is
/// handling, so the test can tell when nothing a killed dev server sent is still running.
/// </summary>
internal sealed class CrashApp : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly WebApplication _app;
    private int _inFlight;
    private TaskCompletionSource _idle = NewIdle(done: true);

    private CrashApp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        ServeUrl = new Uri(baseUrl, "api/inngest");
    }

    public const string AppId = "crash-app";

    public Uri ServeUrl { get; }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public static async Task<CrashApp> StartAsync(Uri devServer, StepLedger ledger)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["INNGEST_ALLOW_IN_BAND_SYNC"] = "false" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(ledger);
        builder.Services.AddInngest(o =>
            {
                o.AppId = AppId;
                o.IsDev = true;
                o.DevServerUrl = devServer;
            })
            .AddFunctions();
        var app = builder.Build();
        CrashApp? self = null;
        app.Use(async (context, next) =>
        {
            self!.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                self.Leave();
            }
        });
        app.MapInngest();
        await app.StartAsync();
        self = new CrashApp(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return self;
    }

    /// <summary>Completes once no request is being handled (what a killed dev server sent has finished running).</summary>
    public Task DrainAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _idle = NewIdle(done: false);
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool done)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (done)
        {
            idle.TrySetResult();
        }

        return idle;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
