namespace Inngest.Events.Engine.Scheduling;

/// <summary>Where a queued call is.</summary>
internal enum CallPhase
{
    /// <summary>On the timer queue until it is due.</summary>
    Timed,

    /// <summary>Due, and waiting for its throttle or a concurrency slot.</summary>
    Waiting,

    /// <summary>Running.</summary>
    Running,
}
