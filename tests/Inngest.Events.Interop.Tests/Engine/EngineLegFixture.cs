using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>
/// The engine leg: two embedded engines, each a local Inngest server on Kestrel (<see cref="DevServerHost"/>), one for
/// the official JS SDK (a second <c>node serve.mjs</c> whose <c>INNGEST_BASE_URL</c> is its engine) and one for our
/// serve endpoint (<c>MapInngest</c>, whose dev server URL is the other engine). Both apps sync the way they sync with
/// the Inngest dev server: the engine PUTs their URL, and they post their register request to the engine's
/// <c>/fn/register</c> (out-of-band; in-band sync is switched off on both so both take the same path). Events sent
/// from steps go to the engines' event API. Dev mode throughout: nothing is signed.
/// </summary>
public class EngineLegFixture : IAsyncLifetime
{
    public const string EventKey = "interop-engine-event-key";

    private DevServerHost? _jsEngine;
    private DevServerHost? _dotnetEngine;
    private JsSdkProcess? _js;
    private DotnetServeApp? _dotnet;

    internal DevServerHost JsEngine => _jsEngine ?? throw NotStarted();

    internal DevServerHost DotnetEngine => _dotnetEngine ?? throw NotStarted();

    internal JsSdkProcess Js => _js ?? throw NotStarted();

    internal DotnetServeApp Dotnet => _dotnet ?? throw NotStarted();

    internal AppSyncResult? JsSync { get; private set; }

    internal AppSyncResult? DotnetSync { get; private set; }

    internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>How many calls each engine runs at once (see <see cref="DevServerHost.StartAsync"/>).</summary>
    protected virtual int MaxConcurrency => 1;

    public async Task InitializeAsync()
    {
        _jsEngine = await DevServerHost.StartAsync(MaxConcurrency);
        _dotnetEngine = await DevServerHost.StartAsync(MaxConcurrency);
        var node = await NodeTooling.EnsureInstalledAsync();
        _js = await JsSdkProcess.StartAsync(node, new Dictionary<string, string>
        {
            ["INNGEST_BASE_URL"] = _jsEngine.BaseUrl.AbsoluteUri,
            ["INNGEST_EVENT_KEY"] = EventKey,
            ["INNGEST_ALLOW_IN_BAND_SYNC"] = "false",
        });
        var engineUrl = _dotnetEngine.BaseUrl;
        _dotnet = await DotnetServeApp.StartAsync(
            o =>
            {
                o.DevServerUrl = engineUrl;
                o.EventKey = EventKey;
            },
            new Dictionary<string, string?> { ["INNGEST_ALLOW_IN_BAND_SYNC"] = "false" });

        JsSync = await _jsEngine.Engine.RegisterAppAsync(_js.ServeUrl);
        DotnetSync = await _dotnetEngine.Engine.RegisterAppAsync(_dotnet.ServeUrl);
    }

    /// <summary>Sends events to an engine's event API, as any Inngest client does.</summary>
    internal async Task SendAsync(DevServerHost engine, JsonObject evt)
    {
        using var content = new StringContent(new JsonArray(evt.DeepClone()).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(engine.BaseUrl, $"e/{EventKey}"), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The engine's event API answered {(int)response.StatusCode}: {body}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_js is not null)
        {
            await _js.DisposeAsync();
        }

        if (_dotnet is not null)
        {
            await _dotnet.DisposeAsync();
        }

        if (_jsEngine is not null)
        {
            await _jsEngine.DisposeAsync();
        }

        if (_dotnetEngine is not null)
        {
            await _dotnetEngine.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The engine leg fixture has not started.");
}
