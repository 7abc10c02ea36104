using Inngest.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
}
