using Inngest.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures what <c>AddInngest</c> registered.</summary>
public static class InngestBuilderExtensions
{
    /// <summary>
    /// Makes the client deliver events to the transport <paramref name="factory"/> creates (a singleton) instead of
    /// Inngest's HTTP event API, e.g. to an in-process engine or a test double.
    /// </summary>
    /// <param name="builder">The builder <c>AddInngest</c> returned.</param>
    /// <param name="factory">Creates the transport.</param>
    /// <returns>The same builder.</returns>
    public static IInngestBuilder UseEventTransport(this IInngestBuilder builder, Func<IServiceProvider, IEventTransport> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>
    /// Registers <paramref name="registry"/> (a singleton <see cref="InngestFunctionRegistry"/>; an app may register
    /// several, one per assembly with functions) for the engine and the serve endpoint to run.
    /// </summary>
    /// <param name="builder">The builder <c>AddInngest</c> returned.</param>
    /// <param name="registry">The functions.</param>
    /// <returns>The same builder.</returns>
    public static IInngestBuilder AddFunctionRegistry(this IInngestBuilder builder, InngestFunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registry);
        builder.Services.AddSingleton(registry);
        return builder;
    }

    /// <summary>
    /// Registers the registry <paramref name="createRegistry"/> makes for the app id of <see cref="InngestOptions.AppId"/>
    /// (a singleton, created when first resolved). The generated <c>AddFunctions()</c> calls this.
    /// </summary>
    /// <param name="builder">The builder <c>AddInngest</c> returned.</param>
    /// <param name="createRegistry">Creates the registry for an app id.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InngestConfigurationException">When resolved: <see cref="InngestOptions.AppId"/> is not set.</exception>
    public static IInngestBuilder AddFunctionRegistry(this IInngestBuilder builder, Func<string, InngestFunctionRegistry> createRegistry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(createRegistry);
        builder.Services.AddSingleton(provider =>
        {
            var appId = provider.GetRequiredService<IOptions<InngestOptions>>().Value.AppId;
            if (string.IsNullOrWhiteSpace(appId))
            {
                throw new InngestConfigurationException(
                    "Inngest functions need an app id: set InngestOptions.AppId (for example services.AddInngest(o => o.AppId = \"my-app\")). " +
                    "Inngest knows each function as {appId}-{functionId}.");
            }

            return createRegistry(appId);
        });
        return builder;
    }
}
