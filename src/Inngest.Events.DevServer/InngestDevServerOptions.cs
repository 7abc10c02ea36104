namespace Inngest.Events.DevServer;

/// <summary>Settings of the dev server endpoints (<c>app.MapInngestDevServer()</c>).</summary>
public sealed class InngestDevServerOptions
{
    /// <summary>The event keys the event API accepts; empty (the default) accepts any key, like the Inngest dev server.</summary>
    public IList<string> EventKeys { get; } = new List<string>();

    /// <summary>
    /// The signing key of this server: it signs the engine's calls to apps, and register requests must authenticate
    /// with it (<c>Authorization: Bearer &lt;hashed key&gt;</c>). Null, the default, runs unsigned like the Inngest dev server.
    /// When set, it replaces the engine's <see cref="Engine.InngestEngineHttpOptions.SigningKey"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>A second key register requests may authenticate with, as during a key rotation.</summary>
    public string? SigningKeyFallback { get; set; }

    /// <summary>
    /// Serve URLs of apps to sync, as the Inngest dev server's <c>-u</c> (e.g. <c>http://localhost:5000/api/inngest</c>):
    /// synced once the server has started, then again every <see cref="PollInterval"/>, so an app started later, or
    /// restarted with new functions, is picked up. The Apps page shows each one's last sync and its error.
    /// </summary>
    public IList<Uri> AppUrls { get; } = new List<Uri>();

    /// <summary>How often to sync <see cref="AppUrls"/> again: 5 seconds by default, as the Inngest dev server; null syncs once.</summary>
    public TimeSpan? PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
