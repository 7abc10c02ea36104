namespace Inngest.Events.Testing.Replay;

/// <summary>How today's code of a function departs from a recorded run of it.</summary>
public enum ReplayDivergenceKind
{
    /// <summary>A stored step is no longer reached, and a new step stands in its place: runs under way would lose its result and run the new one again.</summary>
    StepRenamed,

    /// <summary>A new step comes before a step the recorded run had stored (or the one it is waiting in): runs under way would run it late, after what used to follow it.</summary>
    StepAdded,

    /// <summary>A step the recorded run reached is no longer reached (a stored one, or the one the run is waiting in).</summary>
    StepRemoved,

    /// <summary>Two recorded steps are now reached in the opposite order.</summary>
    StepReordered,

    /// <summary>A step id is now a different kind of step (a run step became a sleep, a wait an invoke): its stored result would be read as the other kind's.</summary>
    StepKindChanged,

    /// <summary>A wait for an event now waits for another event or with another condition; a run waiting in it keeps the old ones.</summary>
    WaitChanged,

    /// <summary>An invoke now invokes another function.</summary>
    InvokeTargetChanged,

    /// <summary>A step's stored result (or a wait's event, an invoke's result) no longer reads as the type the code expects.</summary>
    ResultTypeChanged,

    /// <summary>Given the recorded step results, today's code fails where the recorded run did not.</summary>
    FunctionFails,
}
