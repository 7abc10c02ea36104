namespace Inngest.Events.Testing.Replay;

/// <summary>One place where today's code departs from a recorded run.</summary>
/// <param name="Kind">What kind of change it is.</param>
/// <param name="Step">The step it is about (its user id), or null for the function as a whole.</param>
/// <param name="Message">What changed and what it means for runs under way, naming the steps.</param>
public sealed record ReplayDivergence(ReplayDivergenceKind Kind, string? Step, string Message)
{
    /// <summary>The divergence as a line: <c>StepRenamed 'charge': ...</c>.</summary>
    public override string ToString() => Step is null ? $"{Kind}: {Message}" : $"{Kind} '{Step}': {Message}";
}
