namespace Inngest.Events.Engine;

/// <summary>The outcome of a sync: the app as registered, and whether anything changed.</summary>
/// <param name="App">The app.</param>
/// <param name="Modified">False when the app synced exactly the configuration it had.</param>
/// <param name="SyncId">An id of this sync, as the register endpoint reports it.</param>
public sealed record AppSyncResult(RegisteredApp App, bool Modified, string SyncId);
