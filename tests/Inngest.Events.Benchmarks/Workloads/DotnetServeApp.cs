using Inngest.Events.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Our <c>MapInngest</c> endpoint on Kestrel at 127.0.0.1 (free port) in dev mode (no signing, like the JS side), serving
/// the same function as tests/interop-js/bench.mjs: app <c>bench</c>, function <c>steps</c>, 100 steps <c>step-i</c>
/// returning <c>i</c>, then the sum. No logging provider (the JS side logs errors only).
/// </summary>
internal sealed class DotnetServeApp : IAsyncDisposable
{
    public const string AppId = "bench";
    public const int Steps = 100;

    private readonly WebApplication app;

    private DotnetServeApp(WebApplication app, Uri serveUrl)
    {
        this.app = app;
        ServeUrl = serveUrl;
    }

    public Uri ServeUrl { get; }

    public static InngestFunctionDefinition StepsFunction() => new()
    {
        Id = "steps",
        Name = "steps",
        Triggers = [FunctionTrigger.ForEvent("bench/order.placed")],
        Handler = async invocation =>
        {
            int total = 0;
            for (int i = 0; i < Steps; i++)
            {
                int n = i;
                total += await invocation.Steps.RunAsync($"step-{n}", () => n);
            }

            return invocation.SerializeResult(total);
        },
    };

    public static async Task<DotnetServeApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["INNGEST_DEV"] = "1" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddInngest(o => o.AppId = AppId).AddFunctionRegistry(new InngestFunctionRegistry([StepsFunction()]));
        var app = builder.Build();
        app.MapInngest("/api/inngest");
        await app.StartAsync().ConfigureAwait(false);
        return new DotnetServeApp(app, new Uri(app.Urls.Single().TrimEnd('/') + "/api/inngest"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
