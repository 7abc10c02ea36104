namespace Inngest.Events.Engine.Store;

/// <summary>A debounce waiting for quiet: the event that will start the run, and when.</summary>
/// <param name="DebounceId">Its id.</param>
/// <param name="FunctionId">The function's composite id.</param>
/// <param name="Key">The debounce key's value (empty without a key).</param>
/// <param name="Event">The latest event, which starts the run.</param>
/// <param name="Count">How many events it has taken.</param>
/// <param name="FirstAt">When its first event arrived.</param>
/// <param name="Deadline">The latest it may fire (<c>timeout</c> after the first event), or null.</param>
/// <param name="DueAt">When it fires unless another event comes.</param>
/// <param name="TimerId">The timer that fires it.</param>
/// <param name="Generation">Increases with each event, so a timer of an earlier generation does nothing.</param>
internal sealed record StoredDebounce(
    string DebounceId,
    string FunctionId,
    string Key,
    EventRecord Event,
    int Count,
    DateTimeOffset FirstAt,
    DateTimeOffset? Deadline,
    DateTimeOffset DueAt,
    long TimerId,
    long Generation);
