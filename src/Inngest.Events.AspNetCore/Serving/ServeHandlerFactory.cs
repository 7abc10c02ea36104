using Inngest.Events.Runner;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>Builds the endpoint from the app's container: settings, the merged registries, the runner, clock, logger and HTTP client.</summary>
internal static class ServeHandlerFactory
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient());

    /// <exception cref="InngestConfigurationException">A setting is missing or invalid (e.g. cloud mode without a signing key).</exception>
    public static ServeHandler Create(IServiceProvider services, Action<InngestServeOptions>? configure)
    {
        var serveOptions = (services.GetService<IOptions<InngestServeOptions>>()?.Value ?? new InngestServeOptions()).Clone();
        configure?.Invoke(serveOptions);
        var clientOptions = services.GetService<IOptions<InngestOptions>>()?.Value ?? new InngestOptions();
        var configuration = services.GetService<IConfiguration>();
        Func<string, string?> variable = configuration is null ? Environment.GetEnvironmentVariable : name => configuration[name];

        var settings = ServeSettingsResolver.Resolve(serveOptions, clientOptions, clientOptions.AppId, variable);
        var registry = InngestFunctionRegistry.Merge(services.GetServices<InngestFunctionRegistry>());
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var runner = new FunctionRunner(services, registry, settings.AppId, SendAsync, loggerFactory);
        var httpClientFactory = services.GetService<IHttpClientFactory>();
        Func<HttpClient> httpClient = httpClientFactory is null
            ? () => SharedClient.Value
            : () => httpClientFactory.CreateClient(Microsoft.AspNetCore.Builder.InngestEndpointRouteBuilderExtensions.HttpClientName);

        return new ServeHandler(
            settings,
            runner,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            loggerFactory.CreateLogger(ServeTelemetry.SourceName),
            httpClient);

        async Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<InngestEvent> events, CancellationToken cancellationToken)
        {
            var client = services.GetService<IInngestClient>() ?? throw new InvalidOperationException(
                "A step sends events, but no Inngest client is registered: call services.AddInngest(...).");
            return (await client.SendAsync(events, cancellationToken).ConfigureAwait(false)).Ids;
        }
    }
}
