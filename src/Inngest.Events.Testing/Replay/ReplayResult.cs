using System.Text;
using System.Text.Json;
using Inngest.Events.Engine.History;
using Inngest.Events.Protocol;

namespace Inngest.Events.Testing.Replay;

/// <summary>
/// What replaying a recorded run against today's code of its function found: where the code departs from the history
/// (each <see cref="ReplayDivergence"/> names its step), the steps it reached, and how it ended.
/// </summary>
public sealed class ReplayResult
{
    internal ReplayResult(
        RunHistory history,
        string? source,
        IReadOnlyList<ReplayDivergence> divergences,
        IReadOnlyList<ReplayedStep> steps,
        ReplayOutcome outcome,
        JsonElement? output,
        StepError? error)
    {
        History = history;
        Source = source;
        Divergences = divergences;
        Steps = steps;
        Outcome = outcome;
        Output = output;
        Error = error;
    }

    /// <summary>The history replayed.</summary>
    public RunHistory History { get; }

    /// <summary>The file the history came from, when it came from one.</summary>
    public string? Source { get; }

    /// <summary>Whether today's code follows the recorded run step for step.</summary>
    public bool IsClean => Divergences.Count == 0;

    /// <summary>Where today's code departs from the recorded run, in the order the code reaches them.</summary>
    public IReadOnlyList<ReplayDivergence> Divergences { get; }

    /// <summary>The steps today's code reached, in order, and what the replay gave each.</summary>
    public IReadOnlyList<ReplayedStep> Steps { get; }

    /// <summary>How today's code ended.</summary>
    public ReplayOutcome Outcome { get; }

    /// <summary>What today's code returned, when it completed.</summary>
    public JsonElement? Output { get; }

    /// <summary>What today's code threw, when it failed.</summary>
    public StepError? Error { get; }

    /// <summary>Asserts that today's code follows the recorded run.</summary>
    /// <exception cref="InngestAssertionException">It does not; the message lists every divergence with its step, the steps today's code reached, and the recorded timeline.</exception>
    public ReplayResult AssertClean()
    {
        if (!IsClean)
        {
            throw new InngestAssertionException(Describe());
        }

        return this;
    }

    /// <summary>Asserts that the replay found a divergence of <paramref name="kind"/> at <paramref name="step"/>.</summary>
    /// <exception cref="InngestAssertionException">It did not; the message says what it found.</exception>
    public ReplayDivergence AssertDiverges(ReplayDivergenceKind kind, string step)
        => Divergences.FirstOrDefault(d => d.Kind == kind && d.Step == step)
            ?? throw new InngestAssertionException($"Expected the replay to find {kind} at step '{step}'.{Environment.NewLine}{Describe()}");

    /// <summary>The replay as assertion messages show it.</summary>
    public string Describe()
    {
        var run = History.Run;
        var text = new StringBuilder();
        text.Append("Replaying run ").Append(run.RunId).Append(" of '").Append(run.FunctionId).Append('\'');
        if (Source is not null)
        {
            text.Append(" (").Append(Source).Append(')');
        }

        text.Append(", ").Append(run.Status).Append(" when recorded, against today's code ");
        if (IsClean)
        {
            text.Append("follows it step for step.");
        }
        else
        {
            text.Append("diverges:").AppendLine();
            foreach (var divergence in Divergences)
            {
                text.Append("  - ").Append(divergence).AppendLine();
            }
        }

        text.AppendLine();
        text.Append("Today's code reached: ").Append(Steps.Count == 0 ? "no steps" : string.Join(", ", Steps.Select(s => $"'{s.Name}' ({Describe(s.Answer)})")));
        text.Append(Outcome switch
        {
            ReplayOutcome.Completed => ", then returned.",
            ReplayOutcome.Failed => $", then threw {Error?.Name}: {Error?.Message}",
            _ => ", then stopped.",
        }).AppendLine();
        text.AppendLine("The recorded run:");
        foreach (var entry in History.Timeline)
        {
            text.Append("  ").Append(TestClock.FormatOffset(entry.Time - run.CreatedAt).PadRight(14)).Append(entry.Message).AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private static string Describe(ReplayAnswer answer) => answer switch
    {
        ReplayAnswer.Recorded => "recorded",
        ReplayAnswer.PendingAsRecorded => "pending, as recorded",
        ReplayAnswer.NewAnsweredWithReplaced => "new, given the replaced step's result",
        ReplayAnswer.NewAnsweredAsEnded => "new, as if ended",
        ReplayAnswer.NewAnsweredWithNull => "new, given null",
        _ => "new",
    };
}
