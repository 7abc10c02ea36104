using Inngest.Events.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>What a <see cref="ServeApp"/> serves and how it is configured.</summary>
internal sealed class ServeAppOptions
{
    /// <summary>Configuration values (the INNGEST_* variables); nothing else is read from the environment.</summary>
    public Dictionary<string, string?> Config { get; } = new();

    public List<InngestFunctionDefinition> Functions { get; } = [];

    public string AppId { get; set; } = "app";

    public TimeProvider? Time { get; set; }

    public Action<InngestOptions>? Client { get; set; }

    public Action<InngestServeOptions>? Serve { get; set; }

    public string Path { get; set; } = "/api/inngest";

    public ServeAppOptions Cloud(string signingKey = Keys.Signing, string? fallback = null)
    {
        Config["INNGEST_SIGNING_KEY"] = signingKey;
        if (fallback is not null)
        {
            Config["INNGEST_SIGNING_KEY_FALLBACK"] = fallback;
        }

        return this;
    }

    public ServeAppOptions Dev()
    {
        Config["INNGEST_DEV"] = "1";
        return this;
    }
}

/// <summary>An ASP.NET Core app on real Kestrel at 127.0.0.1 on a free port, serving functions with <c>MapInngest</c>.</summary>
internal sealed class ServeApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServeApp(WebApplication app, Uri baseUrl, string path)
    {
        _app = app;
        BaseUrl = baseUrl;
        ServeUrl = new Uri(baseUrl, path.TrimStart('/'));
    }

    public Uri BaseUrl { get; }

    public Uri ServeUrl { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public static async Task<ServeApp> StartAsync(Action<ServeAppOptions> configure)
    {
        var options = new ServeAppOptions();
        configure(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(options.Config);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(options.Time ?? new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Keys.Now));
        builder.Services.AddInngest(o =>
            {
                o.AppId = options.AppId;
                options.Client?.Invoke(o);
            })
            .AddFunctionRegistry(new InngestFunctionRegistry(options.Functions));
        var app = builder.Build();
        app.MapInngest(options.Path, options.Serve);
        await app.StartAsync();
        return new ServeApp(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"), options.Path);
    }

    /// <summary>Sends a request to the serve endpoint; <paramref name="sign"/> signs the exact body bytes.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string query = "",
        byte[]? body = null,
        string? sign = null,
        DateTimeOffset? at = null,
        Action<HttpRequestMessage>? configure = null)
    {
        var url = new UriBuilder(ServeUrl) { Query = query }.Uri;
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        if (sign is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Inngest-Signature", Keys.Sign(body ?? [], sign, at));
        }

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
