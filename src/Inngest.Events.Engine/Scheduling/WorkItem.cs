using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.FlowControl;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Scheduling;

// The engine's timers. They form one closed hierarchy, so they share this file.

/// <summary>
/// Something the engine does at a time: call a function, end a sleep, expire a wait or invoke, time a run out, fire a
/// cron, a debounce or a batch, or let a throttled run start. Kept by the <see cref="TimerQueue"/>.
/// </summary>
internal abstract class WorkItem
{
    /// <summary>The timer's id, assigned when it is first set.</summary>
    public long Id { get; set; }

    public DateTimeOffset Due { get; set; }

    /// <summary>Set when the timer no longer applies; the queue drops it instead of firing it.</summary>
    public bool Cancelled { get; set; }

    /// <summary>Whether the store keeps it (a restarted engine sets it again).</summary>
    public virtual bool Persisted => true;

    public abstract StoredTimer ToStored();
}

/// <summary>One attempt of one queue item of a run: a call with <c>stepId</c> <c>step</c> (discovery) or a step hash.</summary>
internal sealed class CallWork(RunState run, string stepId, int attempt, bool afterPause) : WorkItem
{
    public RunState Run { get; } = run;

    public string StepId { get; } = stepId;

    public int Attempt { get; } = attempt;

    /// <summary>The call resumes the run after a sleep, wait or invoke: it queues by its due time rather than the run's age.</summary>
    public bool AfterPause { get; } = afterPause;

    public bool IsDiscovery => StepId == StepIds.Discovery;

    /// <summary>Where the call is: on the timer queue, waiting for flow control, or running.</summary>
    public CallPhase Phase { get; set; }

    /// <summary>The concurrency slots the call holds while it runs.</summary>
    public ConcurrencySlot[]? Slots { get; set; }

    /// <summary>Whether the run's timeline already says that this call waits for a concurrency slot.</summary>
    public bool WaitNoted { get; set; }

    public override StoredTimer ToStored() => new()
    {
        Id = Id,
        Kind = TimerKind.Call,
        Due = Due,
        RunId = Run.RunId,
        StepId = StepId,
        Attempt = Attempt,
        AfterPause = AfterPause,
    };
}

/// <summary>A timer of a run: a sleep's end, a wait's or invoke's timeout (stale once its pending step is gone), or a run timeout.</summary>
internal sealed class RunTimer(TimerKind kind, RunState run, string? hash, long token) : WorkItem
{
    public TimerKind Kind { get; } = kind;

    public RunState Run { get; } = run;

    public string? Hash { get; } = hash;

    public long Token { get; } = token;

    public override StoredTimer ToStored() => new() { Id = Id, Kind = Kind, Due = Due, RunId = Run.RunId, StepId = Hash, Token = Token };
}

/// <summary>A cron occurrence of a function.</summary>
internal sealed class CronWork(CronSchedule schedule, string compositeId, DateTimeOffset scheduledAt) : WorkItem
{
    public CronSchedule Schedule { get; } = schedule;

    public string CompositeId { get; } = compositeId;

    public DateTimeOffset ScheduledAt { get; } = scheduledAt;

    /// <summary>Restored overdue after a restart: the occurrences missed meanwhile fire once.</summary>
    public bool Missed { get; init; }

    public override StoredTimer ToStored() => new()
    {
        Id = Id,
        Kind = TimerKind.Cron,
        Due = Due,
        FunctionId = CompositeId,
        Expression = Schedule.Expression,
        ScheduledAt = ScheduledAt,
    };
}

/// <summary>Fires a debounce, or times out a batch (<see cref="Kind"/>), identified by its buffer id.</summary>
internal sealed class BufferTimer(TimerKind kind, string bufferId, long token) : WorkItem
{
    public TimerKind Kind { get; } = kind;

    public string BufferId { get; } = bufferId;

    public long Token { get; } = token;

    public override StoredTimer ToStored() => new() { Id = Id, Kind = Kind, Due = Due, Key = BufferId, Token = Token };
}

/// <summary>Lets the next throttled run of a lane start. Not stored: a restarted engine throttles queued runs again as their calls come due.</summary>
internal sealed class ThrottleWake(ThrottleLane lane) : WorkItem
{
    public ThrottleLane Lane { get; } = lane;

    public override bool Persisted => false;

    public override StoredTimer ToStored() => throw new InvalidOperationException("Throttle wake-ups are not stored.");
}
