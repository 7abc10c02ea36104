namespace Inngest.Events.Engine;

/// <summary>Where a step of a run stands.</summary>
public enum StepStatus
{
    /// <summary>Reported as planned; its own call is due.</summary>
    Planned,

    /// <summary>Failed and will be tried again.</summary>
    Retrying,

    /// <summary>A sleep that has not ended.</summary>
    Sleeping,

    /// <summary>A wait for an event that has not been matched or timed out.</summary>
    Waiting,

    /// <summary>An invocation whose run has not finished.</summary>
    Invoking,

    /// <summary>Done; its output is stored.</summary>
    Completed,

    /// <summary>Failed for good; its error is stored.</summary>
    Failed,

    /// <summary>A wait or invoke that ran out of time (the stored output is null or a timeout error).</summary>
    TimedOut,
}
