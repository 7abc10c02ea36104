using Inngest.Events.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.DevServer.Tool;

/// <summary>
/// <c>inngest-dotnet dev</c>: the embedded engine as a local Inngest server (<c>MapInngestDevServer</c>) with its UI,
/// syncing the apps given with <c>-u</c>, keeping its state in a SQLite file (<c>inngest.db</c> in the working directory
/// unless told otherwise), printing every run's timeline as it happens.
/// </summary>
internal static class DevCommand
{
    public static async Task<int> RunAsync(ToolArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        var baseUrl = $"http://{arguments.Host}:{arguments.Port}";
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.AddInngest(options => options.AppId = "dev-server")
            .UseEmbeddedEngine(engine =>
            {
                engine.OnTimelineEntry = entry => output.WriteLine($"  {entry.Time:HH:mm:ss.fff}  {entry.FunctionId,-28} {entry.Message}");
                if (arguments.RetryInterval is { } retry)
                {
                    engine.RetryBackoff = [retry];
                }

                if (arguments.Database is { } database)
                {
                    engine.UseSqlite(database);
                }
            });
        builder.Services.Configure<InngestDevServerOptions>(options =>
        {
            options.SigningKey = builder.Configuration["INNGEST_SIGNING_KEY"] is { Length: > 0 } key ? key : null;
            if (builder.Configuration["INNGEST_EVENT_KEY"] is { Length: > 0 } eventKey)
            {
                options.EventKeys.Add(eventKey);
            }

            foreach (var url in arguments.AppUrls)
            {
                options.AppUrls.Add(url);
            }

            options.PollInterval = arguments.PollInterval;
        });

        WebApplication app;
        try
        {
            app = builder.Build();
            app.MapInngestDevServer();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or EngineStoreException)
        {
            await error.WriteLineAsync("inngest-dotnet dev: " + exception.Message).ConfigureAwait(false);
            return 1;
        }

        var state = arguments.Database is { } file ? $"state in {Path.GetFullPath(file)}" : "state in memory";
        app.Lifetime.ApplicationStarted.Register(() => output.WriteLine(
            $"Inngest.Events dev server on {baseUrl}: UI at {baseUrl}/, events at {baseUrl}/e/{{key}}, REST API at {baseUrl}/v1, " +
            $"syncs at {baseUrl}/fn/register; {state}. Ctrl+C stops it."));
        try
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await error.WriteLineAsync($"inngest-dotnet dev: cannot listen on {baseUrl}: {exception.Message} (another server on port {arguments.Port}? Use -p to choose another.)").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }
}
