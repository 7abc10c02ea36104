using Inngest.Events.Engine.Scheduling;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// The calls of one function with the same concurrency keys, in queue order, and the limits they are held to. A
/// partition whose head cannot take a slot is parked on the full counter until it frees up.
/// </summary>
internal sealed class ConcurrencyPartition(string key, (ConcurrencySlot Slot, int Limit)[] limits)
{
    public string Key { get; } = key;

    public (ConcurrencySlot Slot, int Limit)[] Limits { get; } = limits;

    public PriorityQueue<CallWork, (long Score, long Run, long Sequence)> Items { get; } = new();

    /// <summary>True while parked on a full counter (it is not in the ready heap then).</summary>
    public bool Parked { get; set; }

    /// <summary>True once it emptied and was forgotten; runs that still point at it look their partition up again.</summary>
    public bool Retired { get; set; }

    /// <summary>The first of its limits that is full, or null.</summary>
    public (ConcurrencySlot Slot, int Limit)? Blocking()
    {
        foreach (var limit in Limits)
        {
            if (limit.Slot.InFlight >= limit.Limit)
            {
                return limit;
            }
        }

        return null;
    }
}
