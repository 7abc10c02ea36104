namespace Inngest.Events.Testing.Replay;

/// <summary>What a replay gave a step today's code reached.</summary>
public enum ReplayAnswer
{
    /// <summary>The result the recorded run stored for it.</summary>
    Recorded,

    /// <summary>Nothing: the recorded run had not stored it yet (it was sleeping, waiting, invoking or planned there), so the code stops at it as the run would.</summary>
    PendingAsRecorded,

    /// <summary>A new step, given the stored result of the recorded step it seems to replace, to see how the code goes on.</summary>
    NewAnsweredWithReplaced,

    /// <summary>A new sleep, as if it had ended; or a new wait, as if it had timed out.</summary>
    NewAnsweredAsEnded,

    /// <summary>A new run step or invoke with nothing recorded to stand in for it, given <c>null</c> to see how the code goes on.</summary>
    NewAnsweredWithNull,

    /// <summary>A new step the replay could not answer; the code stops at it.</summary>
    NewUnanswered,
}
