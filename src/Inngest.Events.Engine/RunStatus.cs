namespace Inngest.Events.Engine;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    /// <summary>Scheduled, not yet called (waiting for its time, e.g. a future <c>ts</c>, or for a free slot).</summary>
    Queued,

    /// <summary>A call of the function is running or due.</summary>
    Running,

    /// <summary>Every outstanding step is a sleep.</summary>
    Sleeping,

    /// <summary>The run waits for an event or an invoked function.</summary>
    Waiting,

    /// <summary>The function returned.</summary>
    Completed,

    /// <summary>The function failed for good.</summary>
    Failed,

    /// <summary>The run was cancelled (a cancel-on event or a timeout).</summary>
    Cancelled,
}
