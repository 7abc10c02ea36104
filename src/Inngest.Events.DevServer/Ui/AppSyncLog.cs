using System.Collections.Concurrent;

namespace Inngest.Events.DevServer.Ui;

/// <summary>
/// The dev server's own syncs of apps by URL (startup, polling, the resync button): when each was last tried, and
/// whether it worked or why not. Kept in memory; the engine keeps the apps themselves. Thread-safe.
/// </summary>
internal sealed class AppSyncLog
{
    private readonly ConcurrentDictionary<string, AppSyncAttempt> _byUrl = new(StringComparer.OrdinalIgnoreCase);

    public void Succeeded(Uri url, string appId, DateTimeOffset at)
        => _byUrl[url.AbsoluteUri] = new AppSyncAttempt(url, at, appId, null);

    public void Failed(Uri url, string error, DateTimeOffset at)
        => _byUrl.AddOrUpdate(url.AbsoluteUri, new AppSyncAttempt(url, at, null, error), (_, last) => last with { At = at, Error = error });

    /// <summary>Every URL tried, in URL order.</summary>
    public IReadOnlyList<AppSyncAttempt> All => _byUrl.Values.OrderBy(a => a.Url.AbsoluteUri, StringComparer.Ordinal).ToArray();

    /// <summary>The last attempt at the URL of an app, or null.</summary>
    public AppSyncAttempt? For(Uri url) => _byUrl.GetValueOrDefault(url.AbsoluteUri);
}
