using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// Commits every unit to <see cref="Primary"/> and then to <see cref="Mirror"/>, and reads from the primary: an engine
/// on it writes the same units to two stores, so a test can compare what each gives back.
/// </summary>
internal sealed class MirroredStore(IEngineStore primary, IEngineStore mirror) : IEngineStore
{
    public IEngineStore Primary { get; } = primary;

    public IEngineStore Mirror { get; } = mirror;

    public int EventCount => Primary.EventCount;

    public int RunCount => Primary.RunCount;

    public long Commit(EngineChanges changes)
    {
        var commit = Primary.Commit(changes);
        Assert.Equal(commit, Mirror.Commit(changes));
        return commit;
    }

    public async ValueTask WaitForDurableAsync(long commit, CancellationToken cancellationToken = default)
    {
        await Primary.WaitForDurableAsync(commit, cancellationToken);
        await Mirror.WaitForDurableAsync(commit, cancellationToken);
    }

    public EngineState ReadState() => Primary.ReadState();

    public IReadOnlyList<EventRecord> ReadEvents(int offset = 0, int limit = int.MaxValue) => Primary.ReadEvents(offset, limit);

    public EventRecord? GetEvent(string internalId) => Primary.GetEvent(internalId);

    public IReadOnlyList<RunRecord> ReadRuns(int offset = 0, int limit = int.MaxValue) => Primary.ReadRuns(offset, limit);

    public IReadOnlyDictionary<RunStatus, int> CountRuns() => Primary.CountRuns();

    public RunRecord? GetRun(string runId) => Primary.GetRun(runId);

    public IReadOnlyList<SkippedRun> ReadSkipped(int offset = 0, int limit = int.MaxValue) => Primary.ReadSkipped(offset, limit);

    public IReadOnlyList<RegisteredApp> ReadApps() => Primary.ReadApps();

    public void Dispose()
    {
        Primary.Dispose();
        Mirror.Dispose();
    }
}
