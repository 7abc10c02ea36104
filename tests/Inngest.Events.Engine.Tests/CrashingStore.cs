using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// A store that passes everything to <see cref="Inner"/> until <see cref="Crash"/>; after that it drops the engine's
/// commits, as if the process had died: a new engine on <see cref="Inner"/> sees the state as it was at the crash.
/// </summary>
internal sealed class CrashingStore(IEngineStore inner) : IEngineStore
{
    private long _dropped;
    private volatile bool _crashed;

    public IEngineStore Inner { get; } = inner;

    public int EventCount => Inner.EventCount;

    public int RunCount => Inner.RunCount;

    public void Crash() => _crashed = true;

    public long Commit(EngineChanges changes) => _crashed ? Interlocked.Increment(ref _dropped) : Inner.Commit(changes);

    public ValueTask WaitForDurableAsync(long commit, CancellationToken cancellationToken = default)
        => _crashed ? ValueTask.CompletedTask : Inner.WaitForDurableAsync(commit, cancellationToken);

    public EngineState ReadState() => Inner.ReadState();

    public IReadOnlyList<EventRecord> ReadEvents(int offset = 0, int limit = int.MaxValue) => Inner.ReadEvents(offset, limit);

    public EventRecord? GetEvent(string internalId) => Inner.GetEvent(internalId);

    public IReadOnlyList<RunRecord> ReadRuns(int offset = 0, int limit = int.MaxValue) => Inner.ReadRuns(offset, limit);

    public IReadOnlyDictionary<RunStatus, int> CountRuns() => Inner.CountRuns();

    public RunRecord? GetRun(string runId) => Inner.GetRun(runId);

    public IReadOnlyList<SkippedRun> ReadSkipped(int offset = 0, int limit = int.MaxValue) => Inner.ReadSkipped(offset, limit);

    public IReadOnlyList<RegisteredApp> ReadApps() => Inner.ReadApps();

    public void Dispose() => Inner.Dispose();
}
