namespace Inngest.Events.Testing.Replay;

/// <summary>How today's code ended when replayed against a recorded run.</summary>
public enum ReplayOutcome
{
    /// <summary>It returned.</summary>
    Completed,

    /// <summary>It threw.</summary>
    Failed,

    /// <summary>It stopped at steps without a result (where the recorded run was still waiting, or at a new step).</summary>
    Stopped,
}
