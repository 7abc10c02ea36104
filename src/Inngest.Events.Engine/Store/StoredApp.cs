using System.Text.Json;

namespace Inngest.Events.Engine.Store;

/// <summary>An app that synced, with the function configs of its last sync (a restarted engine registers them again).</summary>
/// <param name="App">The app as registered.</param>
/// <param name="Functions">Its function configs as synced.</param>
/// <param name="Sequence">The sync number of its last sync.</param>
internal sealed record StoredApp(RegisteredApp App, IReadOnlyList<JsonElement> Functions, long Sequence);
