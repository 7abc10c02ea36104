namespace Inngest.Events.Engine.Store;

/// <summary>
/// The default store: everything in memory, lost when the process ends, durable at once. An engine created on a store
/// another engine used carries on from that engine's state, which is how tests show that a restart resumes runs.
/// </summary>
internal sealed class InMemoryEngineStore : IEngineStore
{
    private readonly object _gate = new();
    private readonly List<EventRecord> _events = [];
    private readonly Dictionary<string, EventRecord> _eventsById = new(StringComparer.Ordinal);
    private readonly List<RunEntry> _runs = [];
    private readonly Dictionary<string, RunEntry> _runsById = new(StringComparer.Ordinal);
    private readonly Dictionary<StepKey, StoredPending> _pending = [];
    private readonly Dictionary<long, StoredTimer> _timers = [];
    private readonly Dictionary<StoredKeyId, StoredKey> _keys = [];
    private readonly Dictionary<string, StoredDebounce> _debounces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBatch> _batches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredApp> _apps = new(StringComparer.Ordinal);
    private readonly List<string> _appOrder = [];
    private readonly List<SkippedRun> _skipped = [];
    private EngineCounters _counters;
    private long _commits;

    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public int RunCount
    {
        get
        {
            lock (_gate)
            {
                return _runs.Count;
            }
        }
    }

    public long Commit(EngineChanges changes)
    {
        lock (_gate)
        {
            foreach (var evt in changes.Events)
            {
                _events.Add(evt);
                _eventsById[evt.InternalId] = evt;
            }

            foreach (var run in changes.Runs.Values)
            {
                if (_runsById.TryGetValue(run.RunId, out var entry))
                {
                    entry.Run = run;
                }
                else
                {
                    entry = new RunEntry(run);
                    _runs.Add(entry);
                    _runsById.Add(run.RunId, entry);
                }
            }

            foreach (var step in changes.Steps.Values)
            {
                var entry = Run(step.RunId);
                if (entry.StepIndex.TryGetValue(step.Hash, out var index))
                {
                    entry.Steps[index] = step;
                }
                else
                {
                    entry.StepIndex.Add(step.Hash, entry.Steps.Count);
                    entry.Steps.Add(step);
                }
            }

            foreach (var call in changes.Calls)
            {
                Run(call.RunId).Calls.Add(call.Call);
            }

            foreach (var entry in changes.Timeline)
            {
                Run(entry.RunId).Timeline.Add(entry);
            }

            Apply(_pending, changes.Pending);
            Apply(_timers, changes.Timers);
            Apply(_keys, changes.Keys);
            Apply(_debounces, changes.Debounces);
            Apply(_batches, changes.Batches);
            foreach (var (appId, app) in changes.Apps)
            {
                if (_apps.TryAdd(appId, app))
                {
                    _appOrder.Add(appId);
                }
                else
                {
                    _apps[appId] = app;
                }
            }

            _skipped.AddRange(changes.Skipped);
            _counters = changes.Counters;
            return ++_commits;
        }
    }

    public ValueTask WaitForDurableAsync(long commit, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public EngineState ReadState()
    {
        lock (_gate)
        {
            var runs = new List<StoredRun>();
            var steps = new List<StoredStep>();
            foreach (var entry in _runs)
            {
                if (entry.Run.Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled)
                {
                    continue;
                }

                runs.Add(entry.Run);
                steps.AddRange(entry.Steps);
            }

            return new EngineState(
                _counters,
                runs,
                steps,
                _pending.Values.ToArray(),
                _timers.Values.OrderBy(t => t.Id).ToArray(),
                _keys.Values.ToArray(),
                _debounces.Values.ToArray(),
                _batches.Values.ToArray(),
                _appOrder.Select(id => _apps[id]).ToArray());
        }
    }

    public IReadOnlyList<EventRecord> ReadEvents(int offset = 0, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            return Page(_events, offset, limit);
        }
    }

    public EventRecord? GetEvent(string internalId)
    {
        lock (_gate)
        {
            return _eventsById.GetValueOrDefault(internalId);
        }
    }

    public IReadOnlyList<RunRecord> ReadRuns(int offset = 0, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            var page = Page(_runs, offset, limit);
            var records = new RunRecord[page.Length];
            for (var i = 0; i < records.Length; i++)
            {
                records[i] = page[i].ToRecord();
            }

            return records;
        }
    }

    public IReadOnlyDictionary<RunStatus, int> CountRuns()
    {
        lock (_gate)
        {
            var counts = new Dictionary<RunStatus, int>();
            foreach (var entry in _runs)
            {
                counts[entry.Run.Status] = counts.GetValueOrDefault(entry.Run.Status) + 1;
            }

            return counts;
        }
    }

    public RunRecord? GetRun(string runId)
    {
        lock (_gate)
        {
            return _runsById.TryGetValue(runId, out var entry) ? entry.ToRecord() : null;
        }
    }

    public IReadOnlyList<SkippedRun> ReadSkipped(int offset = 0, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            return Page(_skipped, offset, limit);
        }
    }

    public IReadOnlyList<RegisteredApp> ReadApps()
    {
        lock (_gate)
        {
            return _appOrder.Select(id => _apps[id].App).ToArray();
        }
    }

    public void Dispose()
    {
    }

    private RunEntry Run(string runId)
        => _runsById.TryGetValue(runId, out var entry)
            ? entry
            : throw new InvalidOperationException($"The store has no run '{runId}'; a unit of work must create a run before its steps, calls and timeline.");

    private static void Apply<TKey, TValue>(Dictionary<TKey, TValue> table, Dictionary<TKey, TValue?> changes)
        where TKey : notnull
        where TValue : class
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                table.Remove(key);
            }
            else
            {
                table[key] = value;
            }
        }
    }

    private static T[] Page<T>(List<T> list, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (offset >= list.Count)
        {
            return [];
        }

        var count = (int)Math.Min(limit, (long)list.Count - offset);
        return list.GetRange(offset, count).ToArray();
    }

    /// <summary>A run with its rows.</summary>
    private sealed class RunEntry(StoredRun run)
    {
        public StoredRun Run { get; set; } = run;

        public List<StoredStep> Steps { get; } = [];

        public Dictionary<string, int> StepIndex { get; } = new(StringComparer.Ordinal);

        public List<CallRecord> Calls { get; } = [];

        public List<RunTimelineEntry> Timeline { get; } = [];

        public RunRecord ToRecord() => StoredRunRecords.ToRecord(Run, Steps, Calls.ToArray(), Timeline.ToArray());
    }
}
