using System.Text.Json;
using System.Text.RegularExpressions;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;

namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>
/// A run as its page shows it: each step with its attempts, sleeps, waits and invokes placed in time, the rows of the
/// run chart, and the flow-control decisions. Built from what the engine stored: the run's steps (status, output,
/// error), its calls (when each started, the ops each answered with and their options and errors) and its timeline
/// (when each outcome was applied).
/// </summary>
internal sealed partial class RunView
{
    private RunView(RunRecord run, DateTimeOffset start, DateTimeOffset end)
    {
        Run = run;
        Start = start;
        End = end;
    }

    public RunRecord Run { get; }

    /// <summary>The left edge of the chart: when the run was created.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The right edge: when it ended, or now.</summary>
    public DateTimeOffset End { get; }

    public List<StepView> Steps { get; } = [];

    public List<TimelineRow> Rows { get; } = [];

    /// <summary>The timeline entries that are flow-control decisions: delays by concurrency or throttle, debounce, batch and priority notes.</summary>
    public List<RunTimelineEntry> FlowControl { get; } = [];

    /// <summary>Runs this run invoked.</summary>
    public List<RunRecord> Children { get; } = [];

    /// <param name="run">The run.</param>
    /// <param name="allRuns">Every run, to find the ones it invoked.</param>
    /// <param name="now">The engine's clock, the right edge of an unfinished run.</param>
    public static RunView Build(RunRecord run, IReadOnlyList<RunRecord> allRuns, DateTimeOffset now)
    {
        var end = run.EndedAt ?? now;
        foreach (var entry in run.Timeline)
        {
            end = entry.Time > end ? entry.Time : end;
        }

        var view = new RunView(run, run.CreatedAt, end);
        view.Children.AddRange(allRuns.Where(r => r.ParentRunId == run.RunId));
        foreach (var step in run.Steps)
        {
            view.Steps.Add(view.Describe(step));
        }

        foreach (var entry in run.Timeline)
        {
            if (entry.Kind == RunTimelineKind.Delayed || (entry.Kind == RunTimelineKind.Queued && entry.Message.Contains(": ", StringComparison.Ordinal)))
            {
                view.FlowControl.Add(entry);
            }
        }

        view.Rows.Add(view.RunRow());
        foreach (var step in view.Steps)
        {
            view.Rows.Add(view.StepRow(step));
        }

        return view;
    }

    /// <summary>Where <paramref name="time"/> falls on the chart, 0–100.</summary>
    public double Percent(DateTimeOffset time)
    {
        var total = (End - Start).TotalMilliseconds;
        return total <= 0 ? 0 : Math.Clamp((time - Start).TotalMilliseconds / total * 100, 0, 100);
    }

    private StepView Describe(StepRecord step)
    {
        var ops = Run.Calls.SelectMany(c => c.Response.Ops.Select(op => (Call: c, Op: op))).Where(x => x.Op.Id == step.Hash).ToArray();
        var opts = ops.Select(x => x.Op.Opts).FirstOrDefault(o => o is { ValueKind: JsonValueKind.Object });
        var kind = step.Op switch
        {
            OpCodes.Sleep => StepKind.Sleep,
            OpCodes.WaitForEvent => StepKind.Wait,
            OpCodes.InvokeFunction => StepKind.Invoke,
            _ => Option(opts, "type") == "step.sendEvent" ? StepKind.SendEvent : StepKind.Run,
        };
        var view = new StepView { Record = step, Kind = kind, Label = step.Name ?? step.Hash, Opts = opts };
        var entries = step.Name is null ? [] : Run.Timeline.Where(e => e.StepName == step.Name).ToArray();
        view.PlannedAt = entries.FirstOrDefault(e => e.Kind == RunTimelineKind.StepPlanned)?.Time;
        switch (kind)
        {
            case StepKind.Run or StepKind.SendEvent:
                var executions = ops.Where(x => IsExecution(x.Op.Op)).ToArray();
                var outcomes = entries.Where(e => e.Kind is RunTimelineKind.StepCompleted or RunTimelineKind.StepRetrying or RunTimelineKind.StepFailed).ToArray();
                for (var i = 0; i < Math.Min(executions.Length, outcomes.Length); i++)
                {
                    var (call, op) = executions[i];
                    var succeeded = string.Equals(op.Op, OpCodes.StepRun, StringComparison.OrdinalIgnoreCase) || string.Equals(op.Op, "Step", StringComparison.OrdinalIgnoreCase);
                    view.Attempts.Add(new AttemptView(i + 1, call.Time, outcomes[i].Time, succeeded, succeeded ? null : op.Error,
                        outcomes[i].Kind == RunTimelineKind.StepFailed));
                }

                view.Start = view.PlannedAt ?? view.Attempts.FirstOrDefault()?.Start;
                view.End = step.Status is StepStatus.Completed or StepStatus.Failed ? view.Attempts.LastOrDefault()?.End : null;
                break;
            case StepKind.Sleep:
                view.Target = Option(opts, "duration");
                view.Start = entries.FirstOrDefault(e => e.Kind == RunTimelineKind.Sleeping)?.Time;
                view.End = entries.FirstOrDefault(e => e.Kind == RunTimelineKind.Woke)?.Time;
                break;
            case StepKind.Wait:
                view.Target = Option(opts, "event");
                view.Condition = Option(opts, "if");
                view.Timeout = Option(opts, "timeout");
                view.Start = entries.FirstOrDefault(e => e.Kind == RunTimelineKind.Waiting)?.Time;
                var resolved = entries.FirstOrDefault(e => e.Kind is RunTimelineKind.EventMatched or RunTimelineKind.WaitTimedOut);
                view.End = resolved?.Time;
                if (resolved?.Kind == RunTimelineKind.EventMatched && EventIdAtEnd().Match(resolved.Message) is { Success: true } match)
                {
                    view.MatchedEventId = match.Groups[1].Value;
                }

                break;
            case StepKind.Invoke:
                view.Target = Option(opts, "function_id");
                view.Timeout = Option(opts, "timeout");
                view.Start = entries.FirstOrDefault(e => e.Kind == RunTimelineKind.Invoking)?.Time;
                view.End = entries.FirstOrDefault(e => e.Kind is RunTimelineKind.InvokeFinished or RunTimelineKind.InvokeTimedOut)?.Time;
                view.ChildRun = Children.FirstOrDefault(c => c.CorrelationId == $"{Run.RunId}.{step.Hash}");
                break;
        }

        return view;
    }

    private TimelineRow RunRow()
    {
        var segments = new List<TimelineSegment>();
        var started = Run.StartedAt;
        segments.Add(new TimelineSegment(Run.CreatedAt, started ?? End, "queued",
            started is { } s ? $"queued for {UiFormat.Duration(s - Run.CreatedAt)}" : "queued, not started yet"));
        if (started is { } from)
        {
            segments.Add(new TimelineSegment(from, Run.EndedAt ?? End, "run-" + UiFormat.StatusClass(Run.Status),
                $"{Run.Status.ToString().ToLowerInvariant()} for {UiFormat.Duration((Run.EndedAt ?? End) - from)}"));
        }

        var markers = new List<TimelineMarker>();
        foreach (var entry in Run.Timeline)
        {
            var css = entry.Kind switch
            {
                RunTimelineKind.Retrying => "mark-retry",
                RunTimelineKind.Delayed => "mark-flow",
                RunTimelineKind.Cancelled => "mark-cancel",
                RunTimelineKind.Failed => "mark-fail",
                _ => null,
            };
            if (css is not null)
            {
                markers.Add(new TimelineMarker(entry.Time, css, entry.Message));
            }
        }

        var duration = started is { } begun ? UiFormat.Duration((Run.EndedAt ?? End) - begun) : "not started";
        return new TimelineRow(Run.FunctionId, null, "run", segments, markers, $"{Run.Status}, {duration}");
    }

    private TimelineRow StepRow(StepView step)
    {
        var segments = new List<TimelineSegment>();
        var markers = new List<TimelineMarker>();
        var open = Run.EndedAt ?? End;
        string summary;
        switch (step.Kind)
        {
            case StepKind.Run or StepKind.SendEvent:
                if (step.PlannedAt is { } planned && step.Attempts.FirstOrDefault() is { } first && first.Start > planned)
                {
                    segments.Add(new TimelineSegment(planned, first.Start, "queued", $"planned, waited {UiFormat.Duration(first.Start - planned)} for its call"));
                }

                AttemptView? previous = null;
                foreach (var attempt in step.Attempts)
                {
                    if (previous is not null && attempt.Start > previous.End)
                    {
                        segments.Add(new TimelineSegment(previous.End, attempt.Start, "backoff", $"backoff before attempt {attempt.Number}: {UiFormat.Duration(attempt.Start - previous.End)}"));
                    }

                    var what = attempt.Succeeded
                        ? $"attempt {attempt.Number} succeeded in {UiFormat.Duration(attempt.End - attempt.Start)}"
                        : $"attempt {attempt.Number} failed{(attempt.Final ? " for good" : string.Empty)}: {attempt.Error?.Name}: {attempt.Error?.Message}";
                    segments.Add(new TimelineSegment(attempt.Start, attempt.End, attempt.Succeeded ? "ok" : "fail", what));
                    previous = attempt;
                }

                if (step.Record.Status is StepStatus.Retrying or StepStatus.Planned && previous is not null && !Run.IsFinished)
                {
                    segments.Add(new TimelineSegment(previous.End, End, "backoff", "waiting to be retried"));
                }

                var attempts = step.Attempts.Count == 1 ? "1 attempt" : $"{step.Attempts.Count} attempts";
                summary = $"{UiFormat.Words(step.Record.Status.ToString())}, {attempts}{Took(step)}";
                break;
            case StepKind.Sleep:
                if (step.Start is { } slept)
                {
                    segments.Add(new TimelineSegment(slept, step.End ?? open, "sleep", $"sleep {step.Target}: {UiFormat.Duration((step.End ?? open) - slept)}"));
                }

                summary = $"{(step.End is null ? "sleeping" : "slept")} {step.Target}{Took(step)}";
                break;
            case StepKind.Wait:
                if (step.Start is { } waited)
                {
                    segments.Add(new TimelineSegment(waited, step.End ?? open, "wait",
                        $"waiting for '{step.Target}'{(step.Condition is null ? string.Empty : $" if {step.Condition}")}"));
                }

                if (step.End is { } resolved)
                {
                    var matched = step.Record.Status == StepStatus.Completed;
                    markers.Add(new TimelineMarker(resolved, matched ? "mark-match" : "mark-timeout",
                        matched ? $"matched by event {step.MatchedEventId}" : $"timed out after {step.Timeout}"));
                }

                summary = step.Record.Status switch
                {
                    StepStatus.Completed => $"'{step.Target}' matched{Took(step)}",
                    StepStatus.TimedOut => $"'{step.Target}' timed out{Took(step)}",
                    _ => $"waiting for '{step.Target}'",
                };
                break;
            default:
                if (step.Start is { } invoked)
                {
                    segments.Add(new TimelineSegment(invoked, step.End ?? open, "invoke", $"invoking {step.Target}"));
                }

                summary = $"{UiFormat.Words(step.Record.Status.ToString())}{Took(step)}";
                break;
        }

        var kind = step.Kind switch
        {
            StepKind.SendEvent => "send",
            StepKind.Sleep => "sleep",
            StepKind.Wait => "wait",
            StepKind.Invoke => "invoke",
            _ => "step",
        };
        return new TimelineRow(step.Label, step.Anchor, kind, segments, markers, summary);
    }

    private static string Took(StepView step)
        => step.Start is { } start && step.End is { } end ? $", {UiFormat.Duration(end - start)}" : string.Empty;

    private static bool IsExecution(string op)
        => op.Equals(OpCodes.StepRun, StringComparison.OrdinalIgnoreCase) || op.Equals("Step", StringComparison.OrdinalIgnoreCase)
            || op.Equals(OpCodes.StepError, StringComparison.OrdinalIgnoreCase) || op.Equals(OpCodes.StepFailed, StringComparison.OrdinalIgnoreCase);

    private static string? Option(JsonElement? opts, string name)
        => opts is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>The engine's "received 'name' (01J…)" entry ends with the matching event's internal id.</summary>
    [GeneratedRegex(@"\(([0-9A-HJKMNP-TV-Z]{26})\)$")]
    private static partial Regex EventIdAtEnd();
}
