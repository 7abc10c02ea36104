using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Execution;

/// <summary>The pending waits for events, by event name. Guarded by the engine's lock.</summary>
internal sealed class WaitIndex
{
    private readonly Dictionary<string, List<(RunState Run, PendingStep Wait)>> _byEvent = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(RunState run, PendingStep wait)
    {
        if (!_byEvent.TryGetValue(wait.EventName!, out var waits))
        {
            _byEvent.Add(wait.EventName!, waits = []);
        }

        waits.Add((run, wait));
        Count++;
    }

    public void Remove(RunState run, PendingStep wait)
    {
        if (_byEvent.TryGetValue(wait.EventName!, out var waits) && waits.Remove((run, wait)))
        {
            Count--;
            if (waits.Count == 0)
            {
                _byEvent.Remove(wait.EventName!);
            }
        }
    }

    /// <summary>Removes every wait of <paramref name="run"/>.</summary>
    public void RemoveAll(RunState run)
    {
        foreach (var pending in run.Pending.Values)
        {
            if (pending.Kind == PendingKind.Wait)
            {
                Remove(run, pending);
            }
        }
    }

    /// <summary>The waits for <paramref name="eventName"/>, in the order they began (a copy: resolving changes the index).</summary>
    public (RunState Run, PendingStep Wait)[] For(string eventName)
        => _byEvent.TryGetValue(eventName, out var waits) ? waits.ToArray() : [];
}
