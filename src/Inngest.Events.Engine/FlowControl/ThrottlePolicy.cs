using System.Globalization;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>throttle</c>: how many runs of a function start per period, per key. Runs over the limit are queued and start
/// later, first in first out, none dropped ("Throttling", inngest.com/docs/guides/throttling). It is a GCRA with an
/// emission interval of period ÷ limit and a capacity of limit + burst, as Inngest's queue applies it (the
/// <c>gcra</c> of its queue scripts): limit + burst runs start at once, then one per interval. It applies to a run's
/// start only; once started, its steps are limited by concurrency alone. Guarded by the engine's lock.
/// </summary>
internal sealed class ThrottlePolicy(EngineParts parts)
{
    private readonly Dictionary<(string Function, string Key), ThrottleLane> _lanes = [];
    private readonly Dictionary<(string Function, string Key), long> _loaded = [];
    private readonly EngineContext _context = parts.Context;
    private long _sequence;

    public void Load(IEnumerable<StoredKey> keys)
    {
        foreach (var key in keys)
        {
            if (key.Id.Kind == KeyKind.Throttle)
            {
                _loaded[(key.Id.Scope, key.Id.Key)] = key.Value;
            }
        }
    }

    /// <summary>The throttle key's value for a run of <paramref name="function"/>, or null when it has no throttle.</summary>
    public string? KeyOf(InngestFunctionDefinition function, EventRecord trigger)
        => function.Config.Throttle is not { } throttle
            ? null
            : throttle.Key is null
                ? string.Empty
                : _context.EvaluateKey(throttle.Key, trigger.Payload, $"throttle key of function '{function.Id}'") ?? string.Empty;

    /// <summary>Whether <paramref name="call"/> is the first call of a run its throttle has not let start yet.</summary>
    public bool Applies(CallWork call) => call.Run.Function.Config.Throttle is not null && !call.Run.ThrottleAdmitted;

    public void Enqueue(CallWork call)
    {
        var run = call.Run;
        var id = (run.CompositeId, run.ThrottleKey ?? string.Empty);
        if (!_lanes.TryGetValue(id, out var lane))
        {
            lane = new ThrottleLane(id.CompositeId, id.Item2) { Tat = _loaded.GetValueOrDefault(id) };
            _lanes.Add(id, lane);
        }

        lane.Waiting.Enqueue(call, (ConcurrencyPolicy.ScoreOf(call), run.Ordinal, ++_sequence));
        var ahead = lane.Waiting.Count - 1;
        Pump(lane);
        if (!run.ThrottleAdmitted && !run.IsTerminal)
        {
            var throttle = run.Function.Config.Throttle!;
            _context.AddTimeline(run, RunTimelineKind.Delayed, null,
                $"delayed: throttle{(lane.Key.Length == 0 ? string.Empty : $" key={lane.Key}")} ({Math.Max(1, throttle.Limit)} per {throttle.Period}"
                + (throttle.Burst > 0 ? $", burst {throttle.Burst}" : string.Empty)
                + (ahead > 0 ? $"); {ahead} run(s) ahead" : $"); starts at {Next(lane)}"));
        }
    }

    public void Wake(ThrottleWake wake)
    {
        if (ReferenceEquals(wake.Lane.Wake, wake))
        {
            wake.Lane.Wake = null;
        }

        Pump(wake.Lane);
    }

    /// <summary>Lets the lane's runs start while the throttle allows, then sets a timer for the next.</summary>
    private void Pump(ThrottleLane lane)
    {
        var now = _context.Now;
        while (lane.Waiting.TryPeek(out var call, out _))
        {
            var run = call.Run;
            if (run.IsTerminal)
            {
                lane.Waiting.Dequeue();
                parts.Interpreter.Drop(call);
                continue;
            }

            var throttle = run.Function.Config.Throttle;
            if (throttle is null)
            {
                // A re-sync removed the throttle.
                lane.Waiting.Dequeue();
                parts.Concurrency.Enqueue(call);
                continue;
            }

            var limit = Math.Max(1, throttle.Limit);
            var period = EngineContext.Duration(throttle.Period) ?? TimeSpan.FromSeconds(1);
            var tat = lane.Tat;
            if (!Gcra.TryTake(ref tat, now.UtcTicks, period.Ticks / limit, limit + Math.Max(0, throttle.Burst), out var allowAt))
            {
                var at = new DateTimeOffset(allowAt, TimeSpan.Zero);
                if (lane.Wake is not { } wake || wake.Due != at)
                {
                    if (lane.Wake is not null)
                    {
                        parts.Timers.Cancel(lane.Wake);
                    }

                    lane.Wake = new ThrottleWake(lane);
                    parts.Timers.Set(lane.Wake, at);
                }

                return;
            }

            lane.Waiting.Dequeue();
            lane.Tat = tat;
            _context.Changes.KeySet(new StoredKey(new StoredKeyId(KeyKind.Throttle, lane.CompositeId, lane.Key), now, new DateTimeOffset(tat, TimeSpan.Zero), tat));
            run.ThrottleAdmitted = true;
            _context.Changes.RunChanged(run);
            parts.Concurrency.Enqueue(call);
        }

        if (lane.Wake is not null)
        {
            parts.Timers.Cancel(lane.Wake);
            lane.Wake = null;
        }

        if (lane.Waiting.Count == 0 && lane.Tat <= now.UtcTicks)
        {
            _lanes.Remove((lane.CompositeId, lane.Key));
        }
    }

    private static string Next(ThrottleLane lane)
        => lane.Wake is { } wake ? wake.Due.ToString("O", CultureInfo.InvariantCulture) : "once the throttle allows";
}
