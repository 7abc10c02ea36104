using System.Text.Json;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>A step of a run with what the page says about it, gathered from the run's steps, calls and timeline.</summary>
internal sealed class StepView
{
    public required StepRecord Record { get; init; }

    public required StepKind Kind { get; init; }

    /// <summary>The user's step id (the hash when the step had none).</summary>
    public required string Label { get; init; }

    /// <summary>The id of its details on the run page.</summary>
    public string Anchor => "step-" + Record.Hash;

    /// <summary>The options of the op that reported it (duration, event, if, timeout, function_id, …).</summary>
    public JsonElement? Opts { get; init; }

    public DateTimeOffset? PlannedAt { get; set; }

    public DateTimeOffset? Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public List<AttemptView> Attempts { get; } = [];

    /// <summary>A wait's event name, <c>if</c> expression and timeout; a sleep's duration; an invoke's function.</summary>
    public string? Target { get; set; }

    public string? Condition { get; set; }

    public string? Timeout { get; set; }

    /// <summary>The internal id of the event that resolved a wait.</summary>
    public string? MatchedEventId { get; set; }

    /// <summary>The run an invoke started.</summary>
    public RunRecord? ChildRun { get; set; }
}
