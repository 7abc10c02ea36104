using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Internal;

/// <summary>
/// Collects what the engine changes while it holds its lock, and hands it to the store as one unit of work. Runs and
/// steps are marked dirty and turned into rows once, at commit. Guarded by the engine's lock.
/// </summary>
internal sealed class ChangeTracker
{
    private readonly EngineChanges _changes = new();
    private readonly List<RunState> _dirtyRuns = [];
    private readonly List<(RunState Run, StepState Step)> _dirtySteps = [];

    public void RunChanged(RunState run)
    {
        if (!run.Dirty)
        {
            run.Dirty = true;
            _dirtyRuns.Add(run);
        }
    }

    public void StepChanged(RunState run, StepState step)
    {
        if (!step.Dirty)
        {
            step.Dirty = true;
            _dirtySteps.Add((run, step));
        }
    }

    public void EventAdded(EventRecord evt) => _changes.Events.Add(evt);

    public void CallFinished(string runId, CallRecord call) => _changes.Calls.Add(new StoredCall(runId, call));

    public void TimelineAdded(RunTimelineEntry entry) => _changes.Timeline.Add(entry);

    public void PendingSet(RunState run, PendingStep pending) => _changes.Pending[new StepKey(run.RunId, pending.Hash)] = pending.ToStored(run.RunId);

    public void PendingDeleted(RunState run, string hash) => _changes.Pending[new StepKey(run.RunId, hash)] = null;

    public void TimerSet(StoredTimer timer) => _changes.Timers[timer.Id] = timer;

    public void TimerDeleted(long id) => _changes.Timers[id] = null;

    public void KeySet(StoredKey key) => _changes.Keys[key.Id] = key;

    public void KeyDeleted(StoredKeyId id) => _changes.Keys[id] = null;

    public void DebounceSet(StoredDebounce debounce) => _changes.Debounces[debounce.DebounceId] = debounce;

    public void DebounceDeleted(string id) => _changes.Debounces[id] = null;

    public void BatchSet(StoredBatch batch) => _changes.Batches[batch.BatchId] = batch;

    public void BatchDeleted(string id) => _changes.Batches[id] = null;

    public void AppSet(StoredApp app) => _changes.Apps[app.App.AppId] = app;

    public void Skipped(SkippedRun skipped) => _changes.Skipped.Add(skipped);

    /// <summary>Writes the collected changes as one unit; the unit's number, or 0 when nothing changed.</summary>
    public long Commit(IEngineStore store, EngineCounters counters)
    {
        // Steps first: a step's change may mark its run dirty while the run is written.
        foreach (var (run, step) in _dirtySteps)
        {
            step.Dirty = false;
            _changes.Steps[new StepKey(run.RunId, step.Hash)] = step.ToStored(run.RunId);
        }

        _dirtySteps.Clear();
        foreach (var run in _dirtyRuns)
        {
            run.Dirty = false;
            _changes.Runs[run.RunId] = run.ToStored();
        }

        _dirtyRuns.Clear();
        if (_changes.IsEmpty)
        {
            return 0;
        }

        _changes.Counters = counters;
        try
        {
            return store.Commit(_changes);
        }
        finally
        {
            _changes.Clear();
        }
    }
}
