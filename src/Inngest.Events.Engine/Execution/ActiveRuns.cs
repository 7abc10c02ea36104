namespace Inngest.Events.Engine.Execution;

/// <summary>
/// The runs that have not ended, by id, and an index of those whose function cancels on events, by event name (so an
/// event looks only at runs it could cancel). Guarded by the engine's lock.
/// </summary>
internal sealed class ActiveRuns
{
    private readonly Dictionary<string, RunState> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RunState>> _byCancelEvent = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public IEnumerable<RunState> All => _byId.Values;

    public void Add(RunState run)
    {
        _byId.Add(run.RunId, run);
        foreach (var rule in run.Function.Config.Cancel)
        {
            if (!_byCancelEvent.TryGetValue(rule.Event, out var runs))
            {
                _byCancelEvent.Add(rule.Event, runs = []);
            }

            if (runs.Count == 0 || !ReferenceEquals(runs[^1], run))
            {
                runs.Add(run);
            }
        }
    }

    public void Remove(RunState run)
    {
        if (!_byId.Remove(run.RunId))
        {
            return;
        }

        foreach (var rule in run.Function.Config.Cancel)
        {
            if (_byCancelEvent.TryGetValue(rule.Event, out var runs))
            {
                runs.Remove(run);
                if (runs.Count == 0)
                {
                    _byCancelEvent.Remove(rule.Event);
                }
            }
        }
    }

    public bool TryGet(string runId, out RunState run) => _byId.TryGetValue(runId, out run!);

    /// <summary>The runs with a cancel rule for <paramref name="eventName"/> (a copy: cancelling changes the index).</summary>
    public RunState[] CancelCandidates(string eventName)
        => _byCancelEvent.TryGetValue(eventName, out var runs) ? runs.ToArray() : [];
}
