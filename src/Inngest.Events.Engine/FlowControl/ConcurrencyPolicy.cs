using System.Text;
using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>concurrency</c>: up to two limits on how many of a function's steps execute at once, each for the function or
/// per value of a key, scoped to the function, the environment or the account (one environment here, so env and
/// account keys are shared by every function that names them). It counts calls in flight, not runs: a sleeping or
/// waiting run holds no slot, and parallel steps take a slot each ("Concurrency", inngest.com/docs/guides/concurrency).
/// Calls wait in one queue per function and key values, ordered as Inngest orders a function's queue (the server's
/// <c>QueueItem.Score</c>): a run's first attempt of each step by the run's creation time minus its priority factor,
/// retries and steps after a pause by their due time; so each key is first in first out within priority. Guarded by
/// the engine's lock.
/// </summary>
internal sealed class ConcurrencyPolicy(EngineParts parts)
{
    private readonly Dictionary<string, ConcurrencyPartition> _partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConcurrencySlot> _slots = new(StringComparer.Ordinal);
    private readonly PriorityQueue<ConcurrencyPartition, (long Score, long Run, long Sequence)> _ready = new();
    private readonly EngineContext _context = parts.Context;
    private long _sequence;

    /// <summary>Calls waiting for a slot (including calls of runs that ended, dropped when they come up).</summary>
    public int Queued { get; private set; }

    /// <summary>The queue position of a call: earlier is sooner (ties go to the older run, then to the call queued first).</summary>
    public static long ScoreOf(CallWork call)
        => call.Attempt > 0 || call.AfterPause
            ? call.Due.UtcTicks
            : call.Run.CreatedAt.UtcTicks - (call.Run.PrioritySeconds * TimeSpan.TicksPerSecond);

    /// <summary>The value of each of the function's concurrency keys for a run (null for a limit without a key).</summary>
    public IReadOnlyList<string?> KeysOf(InngestFunctionDefinition function, EventRecord trigger)
    {
        var limits = function.Config.Concurrency;
        if (limits.Count == 0)
        {
            return [];
        }

        var keys = new string?[limits.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            if (limits[i].Key is { } expression)
            {
                keys[i] = _context.EvaluateKey(expression, trigger.Payload, $"concurrency key of function '{function.Id}'") ?? string.Empty;
            }
        }

        return keys;
    }

    public void Enqueue(CallWork call)
    {
        var partition = call.Run.Partition is { Retired: false } known ? known : call.Run.Partition = PartitionOf(call.Run);
        var priority = (ScoreOf(call), call.Run.Ordinal, ++_sequence);
        partition.Items.Enqueue(call, priority);
        Queued++;
        if (!partition.Parked && partition.Items.TryPeek(out var head, out _) && ReferenceEquals(head, call))
        {
            _ready.Enqueue(partition, priority);
        }

        if (partition.Blocking() is { } full)
        {
            NoteWait(call, full);
        }
    }

    /// <summary>Takes the call that is first in queue order among those whose limits have room, and takes its slots.</summary>
    public bool TryTake(out CallWork call)
    {
        while (_ready.TryDequeue(out var partition, out var priority))
        {
            if (partition.Parked || partition.Retired || !partition.Items.TryPeek(out var head, out var headPriority) || headPriority != priority)
            {
                // A stale entry: the partition's head changed, or it is parked or gone.
                continue;
            }

            if (head.Run.IsTerminal)
            {
                partition.Items.Dequeue();
                Queued--;
                parts.Interpreter.Drop(head);
                Ready(partition);
                continue;
            }

            if (partition.Blocking() is { } full)
            {
                partition.Parked = true;
                full.Slot.Waiters.Add(partition);
                NoteWait(head, full);
                continue;
            }

            partition.Items.Dequeue();
            Queued--;
            if (partition.Limits.Length > 0)
            {
                var slots = new ConcurrencySlot[partition.Limits.Length];
                for (var i = 0; i < slots.Length; i++)
                {
                    slots[i] = partition.Limits[i].Slot;
                    slots[i].InFlight++;
                }

                head.Slots = slots;
            }

            Ready(partition);
            call = head;
            return true;
        }

        call = null!;
        return false;
    }

    /// <summary>A call returned: its slots free up, and the queues parked on them may go again.</summary>
    public void Release(CallWork call)
    {
        if (call.Slots is not { } slots)
        {
            return;
        }

        call.Slots = null;
        foreach (var slot in slots)
        {
            slot.InFlight--;
            if (slot.Waiters.Count == 0)
            {
                if (slot.InFlight == 0 && slot.Partitions == 0)
                {
                    _slots.Remove(slot.Key);
                }

                continue;
            }

            foreach (var waiter in slot.Waiters)
            {
                waiter.Parked = false;
                Ready(waiter);
            }

            slot.Waiters.Clear();
        }
    }

    /// <summary>Says once in the run's timeline that a call waits for a slot (a queue's head when it parks, or a call queued behind a full limit).</summary>
    private void NoteWait(CallWork call, (ConcurrencySlot Slot, int Limit) full)
    {
        if (call.WaitNoted || call.Run.IsTerminal)
        {
            return;
        }

        call.WaitNoted = true;
        _context.AddTimeline(call.Run, RunTimelineKind.Delayed, null,
            $"delayed: concurrency {full.Slot.Description} (limit {full.Limit}) is full; {(call.IsDiscovery && call.Run.StartedAt is null ? "the run" : "a step")} waits for a slot");
    }

    /// <summary>Puts the partition's head in the ready heap, or forgets the partition once it is empty.</summary>
    private void Ready(ConcurrencyPartition partition)
    {
        if (partition.Parked)
        {
            return;
        }

        if (partition.Items.TryPeek(out _, out var priority))
        {
            _ready.Enqueue(partition, priority);
            return;
        }

        partition.Retired = true;
        _partitions.Remove(partition.Key);
        foreach (var (slot, _) in partition.Limits)
        {
            slot.Partitions--;
            if (slot.Partitions == 0 && slot.InFlight == 0 && slot.Waiters.Count == 0)
            {
                _slots.Remove(slot.Key);
            }
        }
    }

    private ConcurrencyPartition PartitionOf(RunState run)
    {
        var limits = run.Function.Config.Concurrency;
        var key = new StringBuilder(run.CompositeId);
        var slots = new List<(ConcurrencySlot, int)>(limits.Count);
        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            if (limit.Limit <= 0)
            {
                continue;
            }

            var value = i < run.ConcurrencyKeys.Count ? run.ConcurrencyKeys[i] : null;
            var (slotKey, description) = limit.Scope switch
            {
                ConcurrencyScope.Env => ($"env\n{value}", $"env scope, key={value}"),
                ConcurrencyScope.Account => ($"account\n{value}", $"account scope, key={value}"),
                _ when value is null => ($"fn\n{run.CompositeId}", "of the function"),
                _ => ($"fn\n{run.CompositeId}\n{value}", $"key={value}"),
            };
            if (!_slots.TryGetValue(slotKey, out var slot))
            {
                _slots.Add(slotKey, slot = new ConcurrencySlot(slotKey, description));
            }

            slots.Add((slot, limit.Limit));
            key.Append('\n').Append(slotKey).Append('\n').Append(limit.Limit);
        }

        var partitionKey = key.ToString();
        if (!_partitions.TryGetValue(partitionKey, out var partition))
        {
            _partitions.Add(partitionKey, partition = new ConcurrencyPartition(partitionKey, slots.ToArray()));
            foreach (var (slot, _) in slots)
            {
                slot.Partitions++;
            }
        }

        return partition;
    }
}
