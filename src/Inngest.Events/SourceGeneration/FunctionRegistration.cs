using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inngest.Events.SourceGeneration;

/// <summary>
/// What the generated <c>AddFunctions()</c> calls. Not meant to be called by hand (register a registry you built
/// with <see cref="InngestBuilderExtensions.AddFunctionRegistry(IInngestBuilder, InngestFunctionRegistry)"/>); the
/// API may change between versions.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FunctionRegistration
{
    /// <summary>
    /// Registers the registry <paramref name="createRegistry"/> makes for the app id of <see cref="InngestOptions.AppId"/>
    /// (a singleton, created when first resolved).
    /// </summary>
    /// <param name="builder">The builder <c>AddInngest</c> returned.</param>
    /// <param name="createRegistry">Creates the registry for an app id.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="InngestConfigurationException">When resolved: <see cref="InngestOptions.AppId"/> is not set.</exception>
    public static IInngestBuilder AddFunctionRegistry(IInngestBuilder builder, Func<string, InngestFunctionRegistry> createRegistry)
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
