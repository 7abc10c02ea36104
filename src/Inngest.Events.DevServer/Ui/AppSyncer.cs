using Inngest.Events.Engine;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.DevServer.Ui;

/// <summary>
/// Syncs apps by URL for the dev server (at startup, every poll interval, and from the Apps page's buttons) and
/// records each outcome in the <see cref="AppSyncLog"/>, which the Apps page shows.
/// </summary>
internal sealed class AppSyncer(InngestEngine engine, AppSyncLog log, ILogger logger)
{
    public AppSyncLog Log => log;

    /// <summary>Syncs the app at <paramref name="url"/>; the result, or null when it failed (the log says why).</summary>
    public async Task<AppSyncResult?> SyncAsync(Uri url, CancellationToken cancellationToken)
    {
        var failedBefore = log.For(url)?.Error is not null;
        try
        {
            var result = await engine.RegisterAppAsync(url, cancellationToken).ConfigureAwait(false);
            log.Succeeded(url, result.App.AppId, engine.TimeProvider.GetUtcNow());
            if (result.Modified || failedBefore)
            {
                logger.LogInformation("Synced app '{AppId}' at {Url} ({SyncKind}): {Functions}",
                    result.App.AppId, url, result.App.SyncKind, string.Join(", ", result.App.FunctionIds));
            }

            return result;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            log.Failed(url, exception.Message, engine.TimeProvider.GetUtcNow());
            if (!failedBefore)
            {
                logger.LogWarning("Could not sync the app at {Url}: {Message}", url, exception.Message);
            }

            return null;
        }
    }

    /// <summary>Syncs <paramref name="urls"/> now, then again every <paramref name="interval"/> (once when null), until stopped.</summary>
    public async Task PollAsync(IReadOnlyList<Uri> urls, TimeSpan? interval, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            foreach (var url in urls)
            {
                await SyncAsync(url, stopping).ConfigureAwait(false);
            }

            if (interval is not { } every)
            {
                return;
            }

            await Task.Delay(every, stopping).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
