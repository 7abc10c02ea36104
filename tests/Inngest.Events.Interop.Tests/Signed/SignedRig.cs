using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>
/// One <see cref="SignedRotation"/> in cloud mode: two engines (dev servers with the rotation's server key, announcing
/// themselves as <c>cloud</c>, so they verify every answer), the official JS SDK app (<c>node serve.mjs</c> with
/// <c>INNGEST_DEV=0</c>) and our <c>MapInngest</c> app, each with the rotation's app keys and synced with its own engine
/// out-of-band (the app's register request must get past the refusal of its primary key).
/// </summary>
internal sealed class SignedRig : IAsyncDisposable
{
    public const string EventKey = "interop-signed-event-key";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<HttpClient> _clients = [];

    private SignedRig(SignedRotation rotation) => Rotation = rotation;

    public SignedRotation Rotation { get; }

    public SignedSide Js { get; private set; } = null!;

    public SignedSide Dotnet { get; private set; } = null!;

    public IReadOnlyList<SignedSide> Sides => [Js, Dotnet];

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <param name="rotation">The keys.</param>
    /// <param name="node">The path of <c>node</c>.</param>
    /// <param name="start">
    /// Where both engines' fake clocks start: now, because the apps check a signature's time against their real clocks
    /// (five minutes either way), and the engines check the apps' signatures against theirs. The clocks do not move
    /// in this leg (its scenarios have no timers that must fire).
    /// </param>
    public static async Task<SignedRig> StartAsync(SignedRotation rotation, string node, DateTimeOffset start)
    {
        var rig = new SignedRig(rotation);
        try
        {
            var (jsEngine, jsTraffic, jsGate) = await rig.StartEngineAsync(start);
            var js = await JsSdkProcess.StartAsync(node, new Dictionary<string, string>
            {
                ["INNGEST_DEV"] = "0",
                ["INNGEST_BASE_URL"] = jsEngine.BaseUrl.AbsoluteUri,
                ["INNGEST_EVENT_KEY"] = EventKey,
                ["INNGEST_ALLOW_IN_BAND_SYNC"] = "false",
                ["INNGEST_SIGNING_KEY"] = rotation.AppKey,
                ["INNGEST_SIGNING_KEY_FALLBACK"] = rotation.AppFallback,
                ["INNGEST_STREAMING"] = rotation.Streaming ? "true" : "false",
            });
            rig._owned.Add(js);
            rig.Js = new SignedSide("the JS SDK", jsEngine, jsTraffic, jsGate, js.ServeUrl, () => js.Log);

            var (dotnetEngine, dotnetTraffic, dotnetGate) = await rig.StartEngineAsync(start);
            var engineUrl = dotnetEngine.BaseUrl;
            var dotnet = await DotnetServeApp.StartAsync(
                o =>
                {
                    o.IsDev = false;
                    o.BaseUrl = engineUrl;
                    o.EventKey = EventKey;
                },
                new Dictionary<string, string?>
                {
                    ["INNGEST_ALLOW_IN_BAND_SYNC"] = "false",
                    ["INNGEST_SIGNING_KEY"] = rotation.AppKey,
                    ["INNGEST_SIGNING_KEY_FALLBACK"] = rotation.AppFallback,
                    ["INNGEST_STREAMING"] = rotation.Streaming ? "true" : "false",
                });
            rig._owned.Add(dotnet);
            rig.Dotnet = new SignedSide("MapInngest", dotnetEngine, dotnetTraffic, dotnetGate, dotnet.ServeUrl, () => string.Empty);

            foreach (var side in rig.Sides)
            {
                side.Sync = await side.Engine.Engine.RegisterAppAsync(side.ServeUrl);
            }

            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task<(DevServerHost Engine, TrafficRecorder Traffic, RegisterGate Gate)> StartEngineAsync(DateTimeOffset start)
    {
        var traffic = new TrafficRecorder([SignedRotation.OldKey, SignedRotation.NewKey], SignedRotation.StrangerKey);
        var client = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(client);
        var forbidden = Rotation.RefusedWith == 403 ? SigningKeys.HashForBearer(Rotation.AppKey) : null;
        var gate = new RegisterGate(forbidden);
        var engine = await DevServerHost.StartAsync(
            start: start,
            http: new InngestEngineHttpOptions
            {
                SigningKey = Rotation.EngineKey,
                ServerKind = InngestHeaders.CloudServerKind,
                HttpClient = client,
            },
            front: gate.Install);
        _owned.Add(engine);
        return (engine, traffic, gate);
    }

    /// <summary>Sends one event to a side's engine's event API, as any Inngest client does.</summary>
    public async Task SendAsync(SignedSide side, JsonObject evt)
    {
        using var content = new StringContent(new JsonArray(evt.DeepClone()).ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(side.Engine.BaseUrl, $"e/{EventKey}"), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The engine's event API answered {(int)response.StatusCode}: {body}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
