using System.Reflection;
using Inngest.Events.Generated;
using Inngest.Events.Interop.Tests.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>
/// Our serve endpoint for the interop functions: an ASP.NET Core app on Kestrel at 127.0.0.1 (a free port) with the
/// generated <c>AddFunctions()</c> and <c>app.MapInngest("/api/inngest")</c>, in dev mode (unsigned, like the JS side).
/// Configuration holds only what the test sets; no <c>INNGEST_*</c> variable of the machine is read.
/// </summary>
internal sealed class DotnetServeApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DotnetServeApp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        ServeUrl = new Uri(baseUrl, "api/inngest");
    }

    /// <summary>The <c>X-Inngest-SDK</c> value our endpoint answers with: <c>dotnet:v{version of Inngest.Events}</c>.</summary>
    public static string SdkHeader { get; } = "dotnet:v" + Version(typeof(InngestOptions).Assembly);

    /// <summary>The serve endpoint, <c>http://127.0.0.1:{port}/api/inngest</c>.</summary>
    public Uri ServeUrl { get; }

    /// <param name="client">The client options: where events sent from steps go, where syncs go.</param>
    /// <param name="config">Configuration values, e.g. <c>INNGEST_ALLOW_IN_BAND_SYNC</c>.</param>
    public static async Task<DotnetServeApp> StartAsync(Action<InngestOptions> client, IReadOnlyDictionary<string, string?>? config = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(config ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddInngest(o =>
            {
                o.AppId = InteropFunctions.AppId;
                o.IsDev = true;
                client(o);
            })
            .AddFunctions();
        var app = builder.Build();
        app.MapInngest();
        await app.StartAsync().ConfigureAwait(false);
        return new DotnetServeApp(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static string Version(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty;
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
