using System.Text.Json;

namespace Inngest.Events.Engine.Store;

/// <summary>
/// A run's triggering events as the SQLite store keeps them: written once with the run (they never change), so the
/// run's row, rewritten at each change, does not carry them again.
/// </summary>
/// <param name="Event">The first triggering event.</param>
/// <param name="Events">Every triggering event.</param>
internal sealed record SqliteRunEvents(JsonElement Event, IReadOnlyList<JsonElement> Events);
