using System.Text.Json;
using Inngest.Events.Engine.Ingestion;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>debounce</c>: a function runs once a burst of events per key has been quiet for <c>period</c>, with the last
/// event; each event restarts the period, and <c>timeout</c> caps the wait from the first event ("Debounce",
/// inngest.com/docs/guides/debounce). As Inngest's debouncer does (<c>updateDebounce.lua</c>), an event whose
/// <c>ts</c> is older than the pending event's has no effect. Replaced and ignored events are recorded as skipped.
/// Guarded by the engine's lock.
/// </summary>
internal sealed class DebouncePolicy(EngineParts parts)
{
    private readonly Dictionary<(string Function, string Key), Pending> _byKey = [];
    private readonly Dictionary<string, Pending> _byId = new(StringComparer.Ordinal);
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<StoredDebounce> debounces)
    {
        foreach (var stored in debounces)
        {
            var pending = new Pending(stored.DebounceId, stored.FunctionId, stored.Key, stored.FirstAt, stored.Deadline)
            {
                Event = stored.Event,
                Count = stored.Count,
                DueAt = stored.DueAt,
                Generation = stored.Generation,
            };
            _byKey[(stored.FunctionId, stored.Key)] = pending;
            _byId[stored.DebounceId] = pending;
        }
    }

    /// <summary>Sets a stored debounce timer again; false when its debounce is gone.</summary>
    public bool Restore(StoredTimer stored)
    {
        if (stored.Key is null || !_byId.TryGetValue(stored.Key, out var pending))
        {
            return false;
        }

        pending.Timer = new BufferTimer(TimerKind.Debounce, pending.Id, stored.Token);
        parts.Timers.Restore(pending.Timer, stored.Id, stored.Due);
        return true;
    }

    public void Add(InngestFunctionDefinition function, string compositeId, EventRecord evt)
    {
        var config = function.Config.Debounce!;
        var key = config.Key is null ? string.Empty : _context.EvaluateKey(config.Key, evt.Payload, $"debounce key of function '{function.Id}'") ?? string.Empty;
        var period = EngineContext.Duration(config.Period) ?? TimeSpan.FromSeconds(1);
        var now = _context.Now;
        if (!_byKey.TryGetValue((compositeId, key), out var pending))
        {
            var deadline = EngineContext.Duration(config.Timeout) is { } timeout ? now + timeout : (DateTimeOffset?)null;
            pending = new Pending(_context.Ids.Next(), compositeId, key, now, deadline) { Event = evt, Count = 1 };
            _byKey.Add((compositeId, key), pending);
            _byId.Add(pending.Id, pending);
            Arm(pending, Cap(pending, now + period));
            return;
        }

        if (Ts(evt) < Ts(pending.Event))
        {
            _context.Skip(function, compositeId, evt, SkipReason.Debounce, KeyOrNull(key),
                $"skipped: debounce{KeyText(key)}: its ts is older than that of the pending event {pending.Event.InternalId}");
            return;
        }

        _context.Skip(function, compositeId, pending.Event, SkipReason.Debounce, KeyOrNull(key),
            $"skipped: debounce{KeyText(key)}: replaced by the later event {evt.InternalId}");
        pending.Event = evt;
        pending.Count++;
        Arm(pending, Cap(pending, now + period));
    }

    public void Fire(BufferTimer timer)
    {
        parts.Timers.Forget(timer);
        if (!_byId.TryGetValue(timer.BufferId, out var pending) || pending.Generation != timer.Token)
        {
            return;
        }

        _byId.Remove(pending.Id);
        _byKey.Remove((pending.FunctionId, pending.Key));
        _context.Changes.DebounceDeleted(pending.Id);
        if (parts.Apps.Find(pending.FunctionId) is not { } function)
        {
            _context.Logger.LogWarning("The debounce of function '{FunctionId}' fired after the function was removed; event {EventId} starts no run.", pending.FunctionId, pending.Event.InternalId);
            return;
        }

        parts.Admission.Schedule(new RunRequest(function, pending.FunctionId, [pending.Event], _context.Now, IdempotencyKey: pending.Id,
            Note: $"debounced{KeyText(pending.Key)}: {pending.Count} event(s), the last starts the run"));
    }

    private DateTimeOffset Cap(Pending pending, DateTimeOffset due)
        => pending.Deadline is { } deadline && due > deadline ? deadline : due;

    private void Arm(Pending pending, DateTimeOffset due)
    {
        if (pending.Timer is not null)
        {
            parts.Timers.Cancel(pending.Timer);
        }

        pending.Generation++;
        pending.DueAt = due;
        pending.Timer = new BufferTimer(TimerKind.Debounce, pending.Id, pending.Generation);
        parts.Timers.Set(pending.Timer, due);
        _context.Changes.DebounceSet(new StoredDebounce(pending.Id, pending.FunctionId, pending.Key, pending.Event, pending.Count, pending.FirstAt, pending.Deadline, due, pending.Timer.Id, pending.Generation));
    }

    private static long Ts(EventRecord evt)
        => evt.Payload.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var value) ? value : 0;

    private static string KeyText(string key) => key.Length == 0 ? string.Empty : $" key={key}";

    private static string? KeyOrNull(string key) => key.Length == 0 ? null : key;

    private sealed class Pending(string id, string functionId, string key, DateTimeOffset firstAt, DateTimeOffset? deadline)
    {
        public string Id { get; } = id;

        public string FunctionId { get; } = functionId;

        public string Key { get; } = key;

        public DateTimeOffset FirstAt { get; } = firstAt;

        public DateTimeOffset? Deadline { get; } = deadline;

        public required EventRecord Event { get; set; }

        public int Count { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public long Generation { get; set; }

        public BufferTimer? Timer { get; set; }
    }
}
