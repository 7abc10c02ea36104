using Inngest.Events.Generated;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Onboarding;

namespace Inngest.Events.DevServer.Tests.Infrastructure;

/// <summary>
/// The dev server (<c>MapInngestDevServer</c> on Kestrel at 127.0.0.1, a free port) and the Onboarding sample's
/// functions served by our <c>MapInngest</c> in an app of its own, synced to the dev server over HTTP the way any SDK's
/// app syncs. Everything runs on one fake clock that starts at <see cref="Start"/>: the engine does nothing by itself;
/// the test runs what is due (<see cref="RunAsync"/>) and moves the clock from timer to timer (<see cref="SettleAsync"/>).
/// Each call to the app moves the clock a little, as real work would, so the run chart has bars to show.
/// </summary>
internal sealed class OnboardingDevServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _server;
    private readonly WebApplication? _app;

    private OnboardingDevServer(WebApplication server, WebApplication? app, FakeTimeProvider time)
    {
        _server = server;
        _app = app;
        Time = time;
        BaseUrl = new Uri(server.Urls.Single().TrimEnd('/') + "/");
        AppUrl = app is null ? null : new Uri(app.Urls.Single().TrimEnd('/') + "/api/inngest");
    }

    /// <summary>The dev server, e.g. <c>http://127.0.0.1:41236/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The Onboarding app's serve endpoint, or null when started without it.</summary>
    public Uri? AppUrl { get; }

    public FakeTimeProvider Time { get; }

    public InngestEngine Engine => _server.Services.GetRequiredService<InngestEngine>();

    /// <summary>The Onboarding app's stand-in billing API (its capacity check fails twice).</summary>
    public Billing? Billing => _app?.Services.GetRequiredService<Billing>();

    /// <param name="withApp">Serve the Onboarding functions and sync them (false: a dev server with no apps).</param>
    /// <param name="configure">Adjusts the dev server's options.</param>
    /// <param name="functions">Functions of the dev server's engine itself (run in process), e.g. with flow control.</param>
    public static async Task<OnboardingDevServer> StartAsync(
        bool withApp = true, Action<InngestDevServerOptions>? configure = null, IReadOnlyList<InngestFunctionDefinition>? functions = null)
    {
        var time = new FakeTimeProvider(Start);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(time);
        var inngest = builder.Services.AddInngest(o => o.AppId = "dev-server")
            .UseEmbeddedEngine(e =>
            {
                e.RunInBackground = false;

                // One call at a time, so runs take their steps in the same order on every run of the test.
                e.MaxConcurrency = 1;
            });
        if (functions is not null)
        {
            inngest.AddFunctionRegistry(new InngestFunctionRegistry(functions));
        }

        var server = builder.Build();
        server.MapInngestDevServer(configure);
        await server.StartAsync().ConfigureAwait(false);
        var serverUrl = new Uri(server.Urls.Single().TrimEnd('/') + "/");

        WebApplication? app = null;
        if (withApp)
        {
            var appBuilder = WebApplication.CreateSlimBuilder();
            appBuilder.Configuration.Sources.Clear();
            appBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["INNGEST_ALLOW_IN_BAND_SYNC"] = "false" });
            appBuilder.Logging.ClearProviders();
            appBuilder.WebHost.UseUrls("http://127.0.0.1:0");
            appBuilder.Services.AddSingleton<Mailer>().AddSingleton<Billing>().AddSingleton<Crm>();
            appBuilder.Services.AddInngest(o =>
                {
                    o.AppId = "onboarding";
                    o.IsDev = true;
                    o.DevServerUrl = serverUrl;
                })
                .AddFunctions();
            app = appBuilder.Build();
            app.Use(async (context, next) =>
            {
                // A call takes a little time, different per step, the same on every run.
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    var step = context.Request.Query["stepId"].ToString() + context.Request.Query["fnId"];
                    time.Advance(TimeSpan.FromMilliseconds(40 + ((StableHash(step) & 0x7FFFFFFF) % 9 * 35)));
                }

                await next(context).ConfigureAwait(false);
            });
            app.MapInngest();
            await app.StartAsync().ConfigureAwait(false);
        }

        var host = new OnboardingDevServer(server, app, time);
        if (host.AppUrl is { } appUrl)
        {
            await host.Engine.RegisterAppAsync(appUrl).ConfigureAwait(false);
        }

        return host;
    }

    /// <summary>Sends the event that starts the onboarding flow, as the app would (the dev server's event API).</summary>
    public async Task<string> SendAccountCreatedAsync(HttpClient http, string userId = "u-42", string plan = "pro")
    {
        var body = new JsonObject
        {
            ["name"] = "user/account.created",
            ["id"] = $"account-created-{userId}",
            ["data"] = new JsonObject { ["userId"] = userId, ["email"] = $"{userId}@example.com", ["plan"] = plan },
        };
        using var response = await http.PostAsync(new Uri(BaseUrl, "e/dev-key"), new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json")).ConfigureAwait(false);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json["ids"]![0]!.GetValue<string>();
    }

    /// <summary>Runs everything due now, including work that becomes due meanwhile.</summary>
    public async Task RunAsync()
    {
        using var guard = new CancellationTokenSource(IdleTimeout);
        await Engine.RunUntilIdleAsync(guard.Token).ConfigureAwait(false);
    }

    /// <summary>Runs until <paramref name="done"/> holds or no timer is left, moving the clock from timer to timer.</summary>
    public async Task SettleAsync(Func<InngestEngine, bool> done)
    {
        await RunAsync().ConfigureAwait(false);
        for (var moves = 0; !done(Engine) && Engine.NextDueAt is { } next; moves++)
        {
            if (moves > 1000)
            {
                throw new InvalidOperationException("The engine did not settle after 1000 timers.");
            }

            if (next > Time.GetUtcNow())
            {
                Time.SetUtcNow(next);
            }

            await RunAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs until every run of the onboarding flow has ended.</summary>
    public Task SettleOnboardingAsync()
        => SettleAsync(engine => engine.Runs.Count(r => r.FunctionId != "send-digest") >= 6 && engine.Runs.All(r => r.IsFinished));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        await _server.StopAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
