using Inngest.Events.Engine.Scheduling;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>The runs of one function and throttle key waiting to start, first in first out (within priority).</summary>
internal sealed class ThrottleLane(string compositeId, string key)
{
    public string CompositeId { get; } = compositeId;

    public string Key { get; } = key;

    /// <summary>The first calls of the waiting runs, by queue order.</summary>
    public PriorityQueue<CallWork, (long Score, long Run, long Sequence)> Waiting { get; } = new();

    /// <summary>The GCRA theoretical arrival time (UTC ticks).</summary>
    public long Tat { get; set; }

    /// <summary>The timer that lets the next run start, while one is set.</summary>
    public ThrottleWake? Wake { get; set; }
}
