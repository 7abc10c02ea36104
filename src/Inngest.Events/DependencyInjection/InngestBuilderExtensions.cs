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
}
