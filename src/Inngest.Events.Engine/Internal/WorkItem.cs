using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Internal;

// The engine's queue items. They form one closed hierarchy, so they share this file.

/// <summary>Something the engine does at a time: call a function, end a sleep, expire a wait or invoke, fire a cron.</summary>
internal abstract class WorkItem;

/// <summary>One attempt of one queue item: a call with <c>stepId</c> <c>step</c> (discovery) or a step hash.</summary>
internal sealed class CallWork(RunState run, string stepId, int attempt) : WorkItem
{
    public RunState Run { get; } = run;

    public string StepId { get; } = stepId;

    public int Attempt { get; } = attempt;

    public bool IsDiscovery => StepId == StepIds.Discovery;
}

/// <summary>What a <see cref="TimerWork"/> does when it is due.</summary>
internal enum TimerKind
{
    WakeSleep,
    ExpireWait,
    ExpireInvoke,
    FinishTimeout,
}

/// <summary>A timer of a run; stale when the pending step it was set for is gone (<see cref="Token"/>).</summary>
internal sealed class TimerWork(TimerKind kind, RunState run, string? hash, long token) : WorkItem
{
    public TimerKind Kind { get; } = kind;

    public RunState Run { get; } = run;

    public string? Hash { get; } = hash;

    public long Token { get; } = token;
}

/// <summary>A cron occurrence of a function.</summary>
internal sealed class CronWork(CronSchedule schedule, DateTimeOffset scheduledAt, DateTimeOffset fireAt) : WorkItem
{
    public CronSchedule Schedule { get; } = schedule;

    public DateTimeOffset ScheduledAt { get; } = scheduledAt;

    public DateTimeOffset FireAt { get; } = fireAt;
}
