using Inngest.Events.DevServer;
using Inngest.Events.DevServer.Handlers;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoints that make the embedded engine a local Inngest server for any SDK.</summary>
public static class InngestDevServerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, on the engine registered by <c>UseEmbeddedEngine()</c>: the event API <c>POST /e/{key}</c> (so any Inngest
    /// client can send events: point it at this app with <c>INNGEST_DEV=http://localhost:8288</c>), app sync
    /// <c>POST /fn/register</c> (so any SDK's serve endpoint can sync its functions, which the engine then calls over
    /// HTTP), <c>GET /dev</c> (apps, functions and runs) and <c>GET /health</c>. Apps can also be synced from code with
    /// <see cref="InngestEngine.RegisterAppAsync"/>. Like the Inngest dev server, this is for development and tests:
    /// the engine keeps its state in memory.
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
        var group = endpoints.MapGroup(string.Empty);
        group.MapPost("/e/{key}", events.HandleAsync);
        group.MapPost("/e", events.HandleAsync);
        group.MapPost("/fn/register", register.HandleAsync);
        group.MapGet("/dev", info.InfoAsync);
        group.MapGet("/health", info.HealthAsync);
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
