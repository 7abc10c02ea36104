using Inngest.Events.DevServer;
using Inngest.Events.DevServer.Api;
using Inngest.Events.DevServer.Handlers;
using Inngest.Events.DevServer.Ui;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoints that make the embedded engine a local Inngest server for any SDK.</summary>
public static class InngestDevServerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, on the engine registered by <c>UseEmbeddedEngine()</c>: the event API <c>POST /e/{key}</c> (so any Inngest
    /// client can send events: point it at this app with <c>INNGEST_DEV=http://localhost:8288</c>), app sync
    /// <c>POST /fn/register</c> (so any SDK's serve endpoint can sync its functions, which the engine then calls over
    /// HTTP), Inngest's REST API (<c>/v1/events</c>, <c>/v1/runs/{runId}</c>, <c>/v1/cancellations</c>), the dev
    /// server UI at <c>/</c> (runs with their timelines, events, apps; live while open), <c>GET /dev</c> and
    /// <c>GET /health</c>. Apps can also be synced from code with <see cref="InngestEngine.RegisterAppAsync"/>, or by
    /// URL with <see cref="InngestDevServerOptions.AppUrls"/>. Like the Inngest dev server, this is for development and
    /// tests: map it at the root of an app of its own, and do not expose it (the UI has no login).
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <param name="configure">Adjusts <see cref="InngestDevServerOptions"/> after the registered options are applied.</param>
    /// <returns>The group of the endpoints, for further conventions.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="InngestEngine"/> is registered.</exception>
    public static RouteGroupBuilder MapInngestDevServer(this IEndpointRouteBuilder endpoints, Action<InngestDevServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var engine = services.GetService<InngestEngine>() ?? throw new InvalidOperationException(
            "MapInngestDevServer needs the embedded engine: call services.AddInngest(...).UseEmbeddedEngine() first.");
        var registered = services.GetService<IOptions<InngestDevServerOptions>>()?.Value;
        var options = new InngestDevServerOptions
        {
            SigningKey = registered?.SigningKey,
            SigningKeyFallback = registered?.SigningKeyFallback,
        };
        foreach (var key in registered?.EventKeys ?? [])
        {
            options.EventKeys.Add(key);
        }

        foreach (var url in registered?.AppUrls ?? [])
        {
            options.AppUrls.Add(url);
        }

        options.PollInterval = registered is null ? options.PollInterval : registered.PollInterval;

        configure?.Invoke(options);
        Validate(options.SigningKey, nameof(InngestDevServerOptions.SigningKey));
        Validate(options.SigningKeyFallback, nameof(InngestDevServerOptions.SigningKeyFallback));
        if (options.SigningKey is not null || options.SigningKeyFallback is not null)
        {
            var http = engine.HttpOptions;
            engine.HttpOptions = new InngestEngineHttpOptions
            {
                SigningKey = options.SigningKey ?? http.SigningKey,
                SigningKeyFallback = options.SigningKeyFallback ?? http.SigningKeyFallback,
                ServerKind = http.ServerKind,
                CallTimeout = http.CallTimeout,
                HttpClient = http.HttpClient,
            };
        }

        var events = new EventApiHandler(engine, options);
        var register = new RegisterHandler(engine, options);
        var info = new DevInfoHandler(engine);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Inngest.Events.DevServer") ?? NullLogger.Instance;
        var api = new RestApiHandler(engine, options, logger);
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var syncer = new AppSyncer(engine, new AppSyncLog(), logger);
        var ui = new UiHandler(engine, syncer, logger);
        var live = new LiveUpdates(engine, stopping);
        var group = endpoints.MapGroup(string.Empty);
        group.MapPost("/e/{key}", events.HandleAsync);
        group.MapPost("/e", events.HandleAsync);
        group.MapPost("/fn/register", register.HandleAsync);
        group.MapGet("/dev", info.InfoAsync);
        group.MapGet("/health", info.HealthAsync);

        // Inngest's REST API v1.
        group.MapGet("/v1/events", api.Guard(api.ListEventsAsync));
        group.MapGet("/v1/events/{eventId}", api.Guard(api.GetEventAsync));
        group.MapGet("/v1/events/{eventId}/runs", api.Guard(api.GetEventRunsAsync));
        group.MapGet("/v1/runs/{runId}", api.Guard(api.GetRunAsync));
        group.MapDelete("/v1/runs/{runId}", api.Guard(api.CancelRunAsync));
        group.MapPost("/v1/cancellations", api.Guard(api.CreateCancellationAsync));
        group.Map("/v1/{**path}", api.Guard(api.NotFoundAsync));

        // The UI.
        group.MapGet("/", ui.Guard(ui.RunsAsync));
        group.MapGet("/runs", ui.Guard(ui.RunsAsync));
        group.MapGet("/runs/{runId}", ui.Guard(ui.RunAsync));
        group.MapGet("/runs/{runId}/history.json", ui.Guard(ui.ExportAsync));
        group.MapPost("/runs/{runId}/cancel", ui.Guard(ui.CancelAsync));
        group.MapPost("/runs/{runId}/rerun", ui.Guard(ui.RerunAsync));
        group.MapGet("/events", ui.Guard(ui.EventsAsync));
        group.MapGet("/events/send", ui.Guard(ui.SendFormAsync));
        group.MapPost("/events/send", ui.Guard(ui.SendAsync));
        group.MapGet("/events/{eventId}", ui.Guard(ui.EventAsync));
        group.MapGet("/apps", ui.Guard(ui.AppsAsync));
        group.MapPost("/apps/sync", ui.Guard(ui.SyncAsync));
        group.MapGet("/ui/live", live.StreamAsync);
        group.MapGet("/ui/app.css", context => UiHandler.AssetAsync(context, UiAssets.Css, "text/css; charset=utf-8"));
        group.MapGet("/ui/app.js", context => UiHandler.AssetAsync(context, UiAssets.Script, "text/javascript; charset=utf-8"));

        // The apps given by URL sync once the server listens, then every poll interval, as the Inngest dev server's -u.
        if (options.AppUrls.Count > 0)
        {
            var urls = options.AppUrls.ToArray();
            var poll = options.PollInterval;
            var lifetime = services.GetService<IHostApplicationLifetime>();
            if (lifetime is null)
            {
                _ = syncer.PollAsync(urls, poll, stopping);
            }
            else
            {
                lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => syncer.PollAsync(urls, poll, stopping), CancellationToken.None));
            }
        }

        return group;
    }

    /// <summary>A key register requests are checked against must hash (its text after the prefix is hex); refuse it at start, not at every sync.</summary>
    private static void Validate(string? signingKey, string option)
    {
        if (signingKey is null)
        {
            return;
        }

        try
        {
            _ = SigningKeys.HashForBearer(signingKey);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"InngestDevServerOptions.{option} is not usable: {exception.Message}", exception);
        }
    }
}
