namespace Inngest.Events.Engine.Store;

/// <summary>What a timer does when it is due.</summary>
internal enum TimerKind
{
    /// <summary>A queued call of a run (<see cref="StoredTimer.StepId"/>, <see cref="StoredTimer.Attempt"/>): due, then waiting for flow control, then running. Deleted when its response is applied.</summary>
    Call,

    /// <summary>Ends a sleep (<see cref="StoredTimer.StepId"/> is the step hash, <see cref="StoredTimer.Token"/> the pending token).</summary>
    WakeSleep,

    /// <summary>Times out a wait for an event.</summary>
    ExpireWait,

    /// <summary>Times out an invoke.</summary>
    ExpireInvoke,

    /// <summary>Cancels a run that has not started by its <c>timeouts.start</c>.</summary>
    StartTimeout,

    /// <summary>Cancels a run that has not finished by its <c>timeouts.finish</c>.</summary>
    FinishTimeout,

    /// <summary>A cron occurrence of <see cref="StoredTimer.FunctionId"/> for <see cref="StoredTimer.Expression"/>, scheduled at <see cref="StoredTimer.ScheduledAt"/>.</summary>
    Cron,

    /// <summary>Fires the debounce <see cref="StoredTimer.Key"/> (when <see cref="StoredTimer.Token"/> still matches it).</summary>
    Debounce,

    /// <summary>Times out the batch <see cref="StoredTimer.Key"/>.</summary>
    Batch,
}
