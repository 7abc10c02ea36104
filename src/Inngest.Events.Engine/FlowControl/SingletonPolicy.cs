using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.Internal;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>singleton</c>: at most one run of a function per key at a time, for the run's whole life (sleeps and waits
/// included). A new run for a taken key is skipped (<c>mode: skip</c>) or cancels the running one and starts
/// (<c>mode: cancel</c>, which emits <c>inngest/function.cancelled</c> for it) ("Singleton Functions",
/// inngest.com/docs/guides/singleton). A key that cannot be evaluated makes no singleton, as on Inngest. Guarded by
/// the engine's lock.
/// </summary>
internal sealed class SingletonPolicy(EngineParts parts)
{
    private readonly Dictionary<(string Function, string Key), RunState> _holders = [];
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<RunState> runs)
    {
        foreach (var run in runs)
        {
            if (run.SingletonKey is { } key)
            {
                _holders[(run.CompositeId, key)] = run;
            }
        }
    }

    /// <summary>The singleton key's value for <paramref name="trigger"/> (empty without a key), or null when it cannot be evaluated.</summary>
    public string? KeyOf(InngestFunctionDefinition function, EventRecord trigger)
        => function.Config.Singleton?.Key is { } expression
            ? _context.EvaluateKey(expression, trigger.Payload, $"singleton key of function '{function.Id}'")
            : string.Empty;

    public RunState? Holder(string compositeId, string key)
        => _holders.TryGetValue((compositeId, key), out var run) && !run.IsTerminal ? run : null;

    public void Hold(RunState run, string key)
    {
        run.SingletonKey = key;
        _holders[(run.CompositeId, key)] = run;
        _context.Changes.RunChanged(run);
    }

    public void Release(RunState run)
    {
        if (run.SingletonKey is { } key && _holders.TryGetValue((run.CompositeId, key), out var holder) && ReferenceEquals(holder, run))
        {
            _holders.Remove((run.CompositeId, key));
        }
    }
}
