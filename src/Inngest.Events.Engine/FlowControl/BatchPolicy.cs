using Inngest.Events.Engine.Ingestion;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>batchEvents</c>: events per key collect in a batch that starts one run when it holds <c>maxSize</c> events or
/// <c>timeout</c> after its first event; the run receives every event (<c>events</c> in the call request, <c>event</c>
/// is the first). An event for which <c>if</c> is false runs at once, unbatched ("Batching events",
/// inngest.com/docs/guides/batching; docs/protocol.md#flow-control). Guarded by the engine's lock.
/// </summary>
internal sealed class BatchPolicy(EngineParts parts)
{
    private readonly Dictionary<(string Function, string Key), Batch> _open = [];
    private readonly Dictionary<string, Batch> _byId = new(StringComparer.Ordinal);
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<StoredBatch> batches)
    {
        foreach (var stored in batches)
        {
            var batch = new Batch(stored.BatchId, stored.FunctionId, stored.Key, stored.OpenedAt, stored.DueAt);
            batch.Events.AddRange(stored.Events);
            _open[(stored.FunctionId, stored.Key)] = batch;
            _byId[stored.BatchId] = batch;
        }
    }

    /// <summary>Sets a stored batch timer again; false when its batch is gone.</summary>
    public bool Restore(StoredTimer stored)
    {
        if (stored.Key is null || !_byId.TryGetValue(stored.Key, out var batch))
        {
            return false;
        }

        batch.Timer = new BufferTimer(TimerKind.Batch, batch.Id, 0);
        parts.Timers.Restore(batch.Timer, stored.Id, stored.Due);
        return true;
    }

    /// <summary>Adds <paramref name="evt"/> to its batch; false when the batch's <c>if</c> leaves it out (it runs on its own).</summary>
    public bool TryAdd(InngestFunctionDefinition function, string compositeId, EventRecord evt)
    {
        var config = function.Config.BatchEvents!;
        if (config.If is { } condition && !_context.IsTruthy(condition, evt.Payload, null, $"batchEvents.if of function '{function.Id}'"))
        {
            return false;
        }

        var key = config.Key is null ? string.Empty : _context.EvaluateKey(config.Key, evt.Payload, $"batchEvents key of function '{function.Id}'") ?? string.Empty;
        var now = _context.Now;
        if (!_open.TryGetValue((compositeId, key), out var batch))
        {
            var timeout = EngineContext.Duration(config.Timeout) ?? TimeSpan.FromSeconds(1);
            batch = new Batch(_context.Ids.Next(), compositeId, key, now, now + timeout);
            _open.Add((compositeId, key), batch);
            _byId.Add(batch.Id, batch);
            batch.Timer = new BufferTimer(TimerKind.Batch, batch.Id, 0);
            parts.Timers.Set(batch.Timer, batch.DueAt);
        }

        batch.Events.Add(evt);
        if (batch.Events.Count >= Math.Max(1, config.MaxSize))
        {
            Start(batch, function, "full");
        }
        else
        {
            _context.Changes.BatchSet(new StoredBatch(batch.Id, batch.FunctionId, batch.Key, batch.Events.ToArray(), batch.OpenedAt, batch.DueAt, batch.Timer!.Id));
        }

        return true;
    }

    public void Fire(BufferTimer timer)
    {
        parts.Timers.Forget(timer);
        if (!_byId.TryGetValue(timer.BufferId, out var batch))
        {
            return;
        }

        if (parts.Apps.Find(batch.FunctionId) is not { } function)
        {
            Close(batch);
            _context.Logger.LogWarning("A batch of function '{FunctionId}' timed out after the function was removed; its {Count} event(s) start no run.", batch.FunctionId, batch.Events.Count);
            return;
        }

        Start(batch, function, "timed out");
    }

    private void Start(Batch batch, InngestFunctionDefinition function, string why)
    {
        Close(batch);
        parts.Admission.Schedule(new RunRequest(function, batch.FunctionId, batch.Events.ToArray(), _context.Now, IdempotencyKey: batch.Id,
            Note: $"batched {batch.Events.Count} event(s){(batch.Key.Length == 0 ? string.Empty : $" with key={batch.Key}")} ({why})"));
    }

    private void Close(Batch batch)
    {
        _byId.Remove(batch.Id);
        _open.Remove((batch.FunctionId, batch.Key));
        if (batch.Timer is not null)
        {
            parts.Timers.Cancel(batch.Timer);
        }

        _context.Changes.BatchDeleted(batch.Id);
    }

    private sealed class Batch(string id, string functionId, string key, DateTimeOffset openedAt, DateTimeOffset dueAt)
    {
        public string Id { get; } = id;

        public string FunctionId { get; } = functionId;

        public string Key { get; } = key;

        public DateTimeOffset OpenedAt { get; } = openedAt;

        public DateTimeOffset DueAt { get; } = dueAt;

        public List<EventRecord> Events { get; } = [];

        public BufferTimer? Timer { get; set; }
    }
}
