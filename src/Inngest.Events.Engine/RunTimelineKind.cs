namespace Inngest.Events.Engine;

/// <summary>What a <see cref="RunTimelineEntry"/> records.</summary>
public enum RunTimelineKind
{
    /// <summary>The run was created (for a future <c>ts</c>, with the time it is due).</summary>
    Queued,

    /// <summary>The first call of the run started.</summary>
    Started,

    /// <summary>A step was reported as planned (parallel or deferred execution).</summary>
    StepPlanned,

    /// <summary>A run-type step ran and its output was stored.</summary>
    StepCompleted,

    /// <summary>A run-type step failed and will be retried.</summary>
    StepRetrying,

    /// <summary>A step failed for good; its error was stored for the function to see.</summary>
    StepFailed,

    /// <summary>A sleep began.</summary>
    Sleeping,

    /// <summary>A sleep ended.</summary>
    Woke,

    /// <summary>A wait for an event began.</summary>
    Waiting,

    /// <summary>A waited-for event arrived.</summary>
    EventMatched,

    /// <summary>A wait for an event timed out.</summary>
    WaitTimedOut,

    /// <summary>Another function was invoked.</summary>
    Invoking,

    /// <summary>An invoked function finished and its result (or error) was stored.</summary>
    InvokeFinished,

    /// <summary>An invoked function did not finish in time.</summary>
    InvokeTimedOut,

    /// <summary>The function itself failed (outside steps) and will be called again.</summary>
    Retrying,

    /// <summary>The function returned.</summary>
    Completed,

    /// <summary>The run failed for good.</summary>
    Failed,

    /// <summary>The run was cancelled.</summary>
    Cancelled,

    /// <summary>Flow control holds the run back: its throttle, or a full concurrency limit (the message says which, with the key).</summary>
    Delayed,
}
