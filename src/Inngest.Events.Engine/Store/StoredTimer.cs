namespace Inngest.Events.Engine.Store;

/// <summary>A timer or a queued call. Which fields are set depends on <see cref="Kind"/>.</summary>
internal sealed record StoredTimer
{
    /// <summary>The timer's id (increasing; ties of <see cref="Due"/> fire in id order).</summary>
    public required long Id { get; init; }

    public required TimerKind Kind { get; init; }

    /// <summary>When it fires (a queued call: when it is due). A timer that is overdue on restart fires at once.</summary>
    public required DateTimeOffset Due { get; init; }

    public string? RunId { get; init; }

    /// <summary>For calls: <c>step</c> (discovery) or a step hash; for sleeps, waits and invokes: the step hash.</summary>
    public string? StepId { get; init; }

    /// <summary>For calls: the attempt (0-based).</summary>
    public int Attempt { get; init; }

    /// <summary>For calls: true when the call resumes a run after a pause (it queues by its due time, not its run's age).</summary>
    public bool AfterPause { get; init; }

    /// <summary>For pending-step timers: the pending token; for debounces: the debounce's generation.</summary>
    public long Token { get; init; }

    /// <summary>For crons: the function's composite id.</summary>
    public string? FunctionId { get; init; }

    /// <summary>For debounces and batches: the buffer's id.</summary>
    public string? Key { get; init; }

    /// <summary>For crons: the cron expression as configured.</summary>
    public string? Expression { get; init; }

    /// <summary>For crons: the occurrence (before jitter).</summary>
    public DateTimeOffset? ScheduledAt { get; init; }
}
