using Inngest.Events;
using Inngest.Events.AspNetCore;
using Inngest.Events.AspNetCore.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Inngest serve endpoint.</summary>
public static class InngestEndpointRouteBuilderExtensions
{
    /// <summary>The conventional path of the serve endpoint, which the Inngest dev server also discovers.</summary>
    public const string DefaultPattern = "/api/inngest";

    /// <summary>The name of the <see cref="HttpClient"/> the endpoint syncs and loads run state with, for further configuration.</summary>
    public const string HttpClientName = "Inngest.Events.AspNetCore";

    /// <summary>
    /// Serves the functions of every registered <see cref="InngestFunctionRegistry"/> (the generated <c>AddFunctions()</c>)
    /// to Inngest at <paramref name="pattern"/>, following the serve protocol: <c>GET</c> introspection, <c>PUT</c> sync
    /// (out-of-band to <c>{apiBase}/fn/register</c>, or in-band), and <c>POST</c> call requests (and trust probes), with
    /// request signatures verified over the raw body. The app id is <see cref="InngestOptions.AppId"/>; events sent by
    /// steps go through the registered <see cref="IInngestClient"/>.
    /// </summary>
    /// <param name="endpoints">The app's endpoint route builder.</param>
    /// <param name="pattern">The route, <c>/api/inngest</c> by default.</param>
    /// <param name="configure">Adjusts <see cref="InngestServeOptions"/> after the registered options are applied.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InngestConfigurationException">
    /// A setting is missing or invalid: no app id, an invalid URL, or cloud mode without a signing key (every request would be refused).
    /// </exception>
    public static IEndpointConventionBuilder MapInngest(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern, Action<InngestServeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var handler = ServeHandlerFactory.Create(endpoints.ServiceProvider, configure);
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("Inngest serve endpoint");
    }
}
