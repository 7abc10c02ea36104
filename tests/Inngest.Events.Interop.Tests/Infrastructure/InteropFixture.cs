using Inngest.Events.Generated;
using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Functions;
using Inngest.Events.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>
/// Shared by every interop test: a fake Inngest API, the JS SDK's server (node, started once, with the npm packages
/// installed first if they are missing), our runner for the same functions, which sends the events of its
/// <c>SendEventAsync</c> steps with our <see cref="InngestClient"/> to the same fake API, and our serve endpoint
/// (<c>MapInngest</c> on Kestrel) for the same functions, in dev mode like the JS side, sending to the same fake API.
/// </summary>
public sealed class InteropFixture : IAsyncLifetime
{
    public const string EventKey = "interop-event-key";

    private FakeInngestApi? _api;
    private JsSdkProcess? _js;
    private HttpClient? _http;
    private InngestClient? _client;
    private FunctionRunner? _runner;
    private DotnetServeApp? _serve;

    internal FakeInngestApi Api => _api ?? throw NotStarted();

    internal JsSdkProcess Js => _js ?? throw NotStarted();

    internal HttpClient Http => _http ?? throw NotStarted();

    internal InngestClient Client => _client ?? throw NotStarted();

    internal FunctionRunner Runner => _runner ?? throw NotStarted();

    internal DotnetServeApp Serve => _serve ?? throw NotStarted();

    internal ISdkEndpoint JsEndpoint => new HttpSdkEndpoint("js", Http, Js.ServeUrl);

    internal ISdkEndpoint DotnetEndpoint => new RunnerSdkEndpoint(Runner);

    internal ISdkEndpoint DotnetHttpEndpoint => new HttpSdkEndpoint("dotnet-http", Http, Serve.ServeUrl);

    public async Task InitializeAsync()
    {
        _api = await FakeInngestApi.StartAsync();
        var node = await NodeTooling.EnsureInstalledAsync();
        _js = await JsSdkProcess.StartAsync(node, new Dictionary<string, string>
        {
            ["INNGEST_BASE_URL"] = _api.BaseUrl.AbsoluteUri,
            ["INNGEST_EVENT_KEY"] = EventKey,
        });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _client = new InngestClient(new InngestOptions
        {
            AppId = InteropFunctions.AppId,
            EventKey = EventKey,
            EventApiBaseUrl = _api.BaseUrl,
            IsDev = true,
        });
        var client = _client;
        _runner = new FunctionRunner(
            new ServiceCollection().BuildServiceProvider(),
            InngestGeneratedFunctions.CreateRegistry(InteropFunctions.AppId),
            InteropFunctions.AppId,
            async (events, cancellationToken) => (await client.SendAsync(events, cancellationToken).ConfigureAwait(false)).Ids);
        var api = _api.BaseUrl;
        _serve = await DotnetServeApp.StartAsync(o =>
        {
            o.EventKey = EventKey;
            o.EventApiBaseUrl = api;
            o.BaseUrl = api;
        });
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        _client?.Dispose();
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        if (_js is not null)
        {
            await _js.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The interop fixture has not started.");
}
