namespace Inngest.Events.Protocol;

/// <summary>The names of Inngest's own events (docs/protocol.md#system-events), all in the reserved <c>inngest/</c> namespace.</summary>
internal static class SystemEventNames
{
    /// <summary>A run failed for good.</summary>
    public const string FunctionFailed = "inngest/function.failed";

    /// <summary>A run ended: completed, failed or cancelled.</summary>
    public const string FunctionFinished = "inngest/function.finished";

    /// <summary>A run was cancelled.</summary>
    public const string FunctionCancelled = "inngest/function.cancelled";

    /// <summary>A function was invoked by another's <c>step.invoke</c>.</summary>
    public const string FunctionInvoked = "inngest/function.invoked";

    /// <summary>A cron trigger fired.</summary>
    public const string ScheduledTimer = "inngest/scheduled.timer";
}
