namespace Inngest.Events.Testing.Replay;

/// <summary>A step today's code reached while replaying a recorded run, and what the replay gave it.</summary>
/// <param name="Name">The step's id.</param>
/// <param name="Index">For a step id used more than once: which use (the second use is 1).</param>
/// <param name="Kind">What it is in today's code: <c>StepRun</c>, <c>Sleep</c>, <c>WaitForEvent</c> or <c>InvokeFunction</c>.</param>
/// <param name="Answer">What the replay gave it.</param>
public sealed record ReplayedStep(string Name, int? Index, string Kind, ReplayAnswer Answer);
