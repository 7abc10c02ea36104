namespace Inngest.Events.Engine.Internal;

/// <summary>The names of the system events the engine emits and reacts to (design/inngest-protocol.md §6).</summary>
internal static class SystemEventNames
{
    public const string FunctionFailed = "inngest/function.failed";

    public const string FunctionFinished = "inngest/function.finished";

    public const string FunctionCancelled = "inngest/function.cancelled";

    public const string FunctionInvoked = "inngest/function.invoked";

    public const string ScheduledTimer = "inngest/scheduled.timer";
}
