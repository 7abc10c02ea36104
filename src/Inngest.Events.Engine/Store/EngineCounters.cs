namespace Inngest.Events.Engine.Store;

/// <summary>The engine's sequence numbers, so a restarted engine continues them.</summary>
/// <param name="Events">The sequence number of the last ingested event (waits and cancel rules compare against it).</param>
/// <param name="Timers">The last timer id.</param>
/// <param name="Tokens">The last pending-step token.</param>
/// <param name="AppSyncs">The last app sync number.</param>
internal readonly record struct EngineCounters(long Events, long Timers, long Tokens, long AppSyncs);
