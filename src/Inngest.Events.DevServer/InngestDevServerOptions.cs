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
}
