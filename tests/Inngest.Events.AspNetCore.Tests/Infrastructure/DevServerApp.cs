using Inngest.Events.DevServer;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>The embedded engine as a local Inngest server (<c>MapInngestDevServer</c>) on real Kestrel, driven by hand with a fake clock.</summary>
internal sealed class DevServerApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DevServerApp(WebApplication app, Uri baseUrl, FakeTimeProvider time)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
    }

    public Uri BaseUrl { get; }

    public InngestEngine Engine => _app.Services.GetRequiredService<InngestEngine>();

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; } = new();

    public static async Task<DevServerApp> StartAsync(Action<InngestDevServerOptions>? configure = null, params InngestFunctionDefinition[] functions)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var time = new FakeTimeProvider(Keys.Now);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddInngest(o => o.AppId = "dev-server")
            .UseEmbeddedEngine(e =>
            {
                e.RunInBackground = false;
                e.RetryBackoff = [TimeSpan.Zero];
            })
            .AddFunctionRegistry(new InngestFunctionRegistry(functions));
        var app = builder.Build();
        app.MapInngestDevServer(configure);
        await app.StartAsync();
        return new DevServerApp(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"), time);
    }

    public async Task RunAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Engine.RunUntilIdleAsync(guard.Token);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, path.TrimStart('/')))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        configure?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
