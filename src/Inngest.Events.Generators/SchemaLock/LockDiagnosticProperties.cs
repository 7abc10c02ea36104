namespace Inngest.Events.Generators.SchemaLock;

/// <summary>Keys of the properties the lock diagnostics carry for the code fix.</summary>
internal static class LockDiagnosticProperties
{
    /// <summary>The event name the diagnostic is about.</summary>
    public const string EventName = "InngestEventName";

    /// <summary>Whether the diagnostic is about a locked event whose type is gone ("true"), to remove it from the lock.</summary>
    public const string Gone = "InngestEventGone";

    /// <summary>The MSBuild property that <see cref="EventLockFile.UpdateCommand"/> sets: the build writes the lock.</summary>
    public const string UpdateProperty = "build_property.InngestUpdateEventsLock";
}
