namespace Inngest.Events.Protocol;

/// <summary>The <c>op</c> values of a 206 response (docs/protocol.md#ops).</summary>
public static class OpCodes
{
    /// <summary>A step was found but not run here.</summary>
    public const string StepPlanned = "StepPlanned";

    /// <summary>A step ran and returned <c>data</c>.</summary>
    public const string StepRun = "StepRun";

    /// <summary>A step threw and will be retried.</summary>
    public const string StepError = "StepError";

    /// <summary>A step threw for good.</summary>
    public const string StepFailed = "StepFailed";

    /// <summary>A sleep.</summary>
    public const string Sleep = "Sleep";

    /// <summary>A wait for an event.</summary>
    public const string WaitForEvent = "WaitForEvent";

    /// <summary>An invocation of another function.</summary>
    public const string InvokeFunction = "InvokeFunction";

    /// <summary>The requested step was not found (JS SDK extension).</summary>
    public const string StepNotFound = "StepNotFound";
}
