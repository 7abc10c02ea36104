using Inngest.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Inngest event client.</summary>
public static class InngestServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the client sends with, for further configuration:
    /// <c>services.AddHttpClient(InngestServiceCollectionExtensions.HttpClientName).ConfigureHttpClient(...)</c>.
    /// </summary>
    public const string HttpClientName = "Inngest.Events";

    /// <summary>
    /// Registers <see cref="IInngestClient"/> (a singleton) sending to Inngest's HTTP event API through
    /// <see cref="System.Net.Http.IHttpClientFactory"/>, with retries of network errors, 5xx and 429 responses
    /// (honouring <c>Retry-After</c>, timed by the registered <see cref="TimeProvider"/> if there is one).
    /// Unset options are read from the <c>INNGEST_*</c> environment variables. Calling it again only adds <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="InngestOptions"/>; they can also be bound from configuration with the options pattern.</param>
    /// <returns>A builder for further Inngest configuration.</returns>
    public static IInngestBuilder AddInngest(this IServiceCollection services, Action<InngestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<InngestOptions> options = services.AddOptions<InngestOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = new InngestBuilder(services);
        if (services.Any(static descriptor => descriptor.ServiceType == typeof(InngestMarkerService)))
        {
            return builder;
        }

        services.AddSingleton<InngestMarkerService>();
        services.TryAddSingleton(InngestEnvironment.Process);
        services.AddHttpClient(HttpClientName)
            .AddResilienceHandler(InngestRetryPipeline.Name, static (pipeline, context) =>
            {
                IServiceProvider provider = context.ServiceProvider;
                TimeProvider timeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
                pipeline.TimeProvider = timeProvider;
                InngestOptions value = provider.GetRequiredService<IOptions<InngestOptions>>().Value;
                InngestRetryPipeline.AddRetry(pipeline, value.Retry, timeProvider, GetLogger(provider));
            });

        services.TryAddSingleton<IEventTransport>(static provider =>
        {
            ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(
                provider.GetRequiredService<IOptions<InngestOptions>>().Value,
                provider.GetRequiredService<InngestEnvironment>().GetVariable);
            IHttpClientFactory factory = provider.GetRequiredService<IHttpClientFactory>();
            return new HttpEventTransport(
                () => factory.CreateClient(HttpClientName),
                resolved,
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                GetLogger(provider));
        });

        services.TryAddSingleton<IInngestClient>(static provider => new InngestClient(
            provider.GetRequiredService<IEventTransport>(),
            provider.GetRequiredService<IOptions<InngestOptions>>().Value));

        return builder;
    }

    private static ILogger GetLogger(IServiceProvider provider) =>
        provider.GetService<ILogger<InngestClient>>() ?? (ILogger)NullLogger.Instance;
}
