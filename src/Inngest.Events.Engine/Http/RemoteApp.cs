namespace Inngest.Events.Engine.Http;

/// <summary>An app registered with the engine: its record, its functions by composite id, and its last sync. Guarded by the engine's lock.</summary>
internal sealed class RemoteApp(string appId)
{
    public string AppId { get; } = appId;

    public Dictionary<string, HttpFunctionDriver> Functions { get; set; } = new(StringComparer.Ordinal);

    public RegisteredApp? Record { get; set; }

    /// <summary>The engine's sync counter when this app first synced (apps are listed in this order).</summary>
    public long FirstSequence { get; init; }

    /// <summary>The engine's sync counter when this app last synced.</summary>
    public long Sequence { get; set; }

    public AppSyncResult? LastResult { get; set; }
}
