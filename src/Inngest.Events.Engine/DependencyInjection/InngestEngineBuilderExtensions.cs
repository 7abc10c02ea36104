using Inngest.Events;
using Inngest.Events.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs Inngest functions in-process.</summary>
public static class InngestEngineBuilderExtensions
{
    /// <summary>
    /// Registers an <see cref="InngestEngine"/> (a singleton) with the functions of every registered
    /// <see cref="InngestFunctionRegistry"/>, makes the client send to it instead of Inngest's event API, and registers a
    /// hosted service that runs it in the background. The app id is <see cref="InngestEngineOptions.AppId"/>, else
    /// <see cref="InngestOptions.AppId"/>, else <c>app</c>; its clock is the registered <see cref="TimeProvider"/>, if any.
    /// </summary>
    /// <param name="builder">The builder <c>AddInngest</c> returned.</param>
    /// <param name="configure">Sets <see cref="InngestEngineOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static IInngestBuilder UseEmbeddedEngine(this IInngestBuilder builder, Action<InngestEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<InngestEngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(static provider =>
        {
            return new InngestEngine(
                InngestFunctionRegistry.Merge(provider.GetServices<InngestFunctionRegistry>()),
                provider.GetRequiredService<IOptions<InngestEngineOptions>>().Value,
                provider.GetService<TimeProvider>(),
                provider,
                provider.GetService<ILoggerFactory>(),
                provider.GetRequiredService<IOptions<InngestOptions>>().Value);
        });
        builder.UseEventTransport(static provider => provider.GetRequiredService<InngestEngine>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InngestEngineHostedService>());
        return builder;
    }
}
