namespace Inngest.Events.Engine.Store;

/// <summary>What a pending step waits for.</summary>
internal enum PendingKind
{
    /// <summary>A planned step whose own call is queued.</summary>
    Planned,

    /// <summary>A sleep.</summary>
    Sleep,

    /// <summary>A wait for an event.</summary>
    Wait,

    /// <summary>An invoked run.</summary>
    Invoke,
}
