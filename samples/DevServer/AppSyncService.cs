using Inngest.Events.Engine;

namespace DevServer;

/// <summary>
/// Syncs the apps given with <c>-u</c> as the Inngest dev server does: at startup, then again every poll interval, so an
/// app started later, or restarted with new functions, is picked up. Logs only what changes.
/// </summary>
internal sealed class AppSyncService(InngestEngine engine, DevServerArguments arguments, ILogger<AppSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = new HashSet<Uri>();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var url in arguments.AppUrls)
            {
                try
                {
                    var result = await engine.RegisterAppAsync(url, stoppingToken);
                    if (result.Modified || failing.Remove(url))
                    {
                        logger.LogInformation("Synced app '{AppId}' at {Url} ({SyncKind}): {Functions}",
                            result.App.AppId, url, result.App.SyncKind, string.Join(", ", result.App.FunctionIds));
                    }
                }
                catch (InngestSyncException exception) when (!stoppingToken.IsCancellationRequested)
                {
                    if (failing.Add(url))
                    {
                        logger.LogWarning("Could not sync the app at {Url}: {Message}", url, exception.Message);
                    }
                }
            }

            if (arguments.PollInterval is not { } interval)
            {
                return;
            }

            await Task.Delay(interval, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }
}
