using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// An in-memory store whose units become durable only when the test says so (<see cref="MakeDurable"/>), like a durable
/// store whose writer is slow: for checking what the engine waits for.
/// </summary>
internal sealed class GatedStore : IEngineStore
{
    private readonly InMemoryEngineStore _inner = new();
    private readonly object _gate = new();
    private long _committed;
    private long _durable;
    private bool _open;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int EventCount => _inner.EventCount;

    public int RunCount => _inner.RunCount;

    /// <summary>The last unit committed.</summary>
    public long Committed
    {
        get
        {
            lock (_gate)
            {
                return _committed;
            }
        }
    }

    /// <summary>Completes once someone waits for a unit that is not durable yet (since the last <see cref="MakeDurable"/>).</summary>
    public Task Blocked
    {
        get
        {
            lock (_gate)
            {
                return _blocked.Task;
            }
        }
    }

    /// <summary>From now on every unit is durable as soon as it is committed (so a failing test can still stop its engine).</summary>
    public void Open()
    {
        lock (_gate)
        {
            _open = true;
        }

        MakeDurable();
    }

    /// <summary>Makes every unit committed so far durable.</summary>
    public void MakeDurable()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _durable = _committed;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public long Commit(EngineChanges changes)
    {
        lock (_gate)
        {
            _committed = _inner.Commit(changes);
            if (_open)
            {
                _durable = _committed;
            }

            return _committed;
        }
    }

    public async ValueTask WaitForDurableAsync(long commit, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_durable >= commit)
                {
                    return;
                }

                changed = _changed.Task;
                _blocked.TrySetResult();
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    public EngineState ReadState() => _inner.ReadState();

    public IReadOnlyList<EventRecord> ReadEvents(int offset = 0, int limit = int.MaxValue) => _inner.ReadEvents(offset, limit);

    public EventRecord? GetEvent(string internalId) => _inner.GetEvent(internalId);

    public IReadOnlyList<RunRecord> ReadRuns(int offset = 0, int limit = int.MaxValue) => _inner.ReadRuns(offset, limit);

    public IReadOnlyDictionary<RunStatus, int> CountRuns() => _inner.CountRuns();

    public RunRecord? GetRun(string runId) => _inner.GetRun(runId);

    public IReadOnlyList<SkippedRun> ReadSkipped(int offset = 0, int limit = int.MaxValue) => _inner.ReadSkipped(offset, limit);

    public IReadOnlyList<RegisteredApp> ReadApps() => _inner.ReadApps();

    public void Dispose() => _inner.Dispose();
}
