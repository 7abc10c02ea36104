using System.Globalization;
using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.DevServer.Ui.Timeline;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// A run (<c>/runs/{runId}</c>): what triggered it, a chart of its steps in time (attempts and their errors, backoffs,
/// sleeps, waits with what they wait for and how they ended, invokes, flow-control decisions), each step's output or
/// error, the run's output, its history, and buttons to cancel, rerun and export it. Updates itself while open.
/// </summary>
internal static class RunPage
{
    public static string Render(UiRequest request, RunRecord run, string? notice)
    {
        var view = RunView.Build(run, request.Engine.Runs, request.Now);
        var html = new HtmlBuilder();
        html.Add($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"./\">Runs</a> <span aria-hidden=\"true\">/</span> <span class=\"mono\">{run.RunId}</span></nav>");
        if (notice is not null)
        {
            html.Add($"<p class=\"notice\" role=\"status\">{notice}</p>");
        }

        html.Add($"<div data-live=\"run\">");
        Header(html, run, request);
        Chart(html, view);
        Steps(html, view, run);
        Output(html, run);
        FlowControl(html, view, request);
        Triggers(html, run);
        History(html, run);
        html.Add($"</div>");
        return UiLayout.Render(request, $"{run.FunctionId} {run.RunId}", UiSection.Runs, html.ToMarkup());
    }

    private static void Header(HtmlBuilder html, RunRecord run, UiRequest request)
    {
        html.Add($"""
            <header class="run-head">
            <h1><span class="mono">{run.FunctionId}</span> {UiFormat.Badge(run.Status)}</h1>
            <div class="actions">
            """);
        if (!run.IsFinished)
        {
            html.Add($"<form method=\"post\" action=\"runs/{run.RunId}/cancel\"><button type=\"submit\" class=\"danger\" id=\"cancel-run\">Cancel run</button></form>");
        }

        html.Add($"""
            <form method="post" action="runs/{run.RunId}/rerun"><button type="submit" id="rerun-run">Rerun</button></form>
            <a class="button secondary" id="export-run" href="runs/{run.RunId}/history.json" download="run-{run.RunId}.run.json">Export JSON</a>
            </div>
            </header>
            <dl class="facts">
            <div><dt>Run</dt><dd class="mono">{run.RunId}</dd></div>
            <div><dt>Function</dt><dd class="mono"><a href="{UiFormat.Url("./", ("function", run.CompositeFunctionId))}">{run.CompositeFunctionId}</a></dd></div>
            <div><dt>Trigger</dt><dd>{TriggerLinks(run)}</dd></div>
            <div><dt>Queued</dt><dd>{UiFormat.Time(run.CreatedAt, withDate: true)}</dd></div>
            <div><dt>Started</dt><dd>{(run.StartedAt is { } started ? UiFormat.Time(started) : new Markup("—"))}</dd></div>
            <div><dt>Ended</dt><dd>{(run.EndedAt is { } ended ? UiFormat.Time(ended) : new Markup("—"))}</dd></div>
            <div><dt>Duration</dt><dd>{(run.StartedAt is { } from ? UiFormat.Duration((run.EndedAt ?? request.Now) - from) : "—")}</dd></div>
            """);
        if (run.OriginalRunId is { } original)
        {
            html.Add($"<div><dt>Rerun of</dt><dd class=\"mono\"><a href=\"runs/{original}\">{original}</a></dd></div>");
        }

        if (run.ParentRunId is { } parent)
        {
            html.Add($"<div><dt>Invoked by</dt><dd class=\"mono\"><a href=\"runs/{parent}\">{parent}</a></dd></div>");
        }

        html.Add($"</dl>");
    }

    private static Markup TriggerLinks(RunRecord run)
    {
        var html = new HtmlBuilder();
        for (var i = 0; i < run.Events.Count; i++)
        {
            var name = run.Events[i].TryGetProperty("name", out var n) ? n.GetString() : null;
            if (i > 0)
            {
                html.Add($", ");
            }

            if (i < run.EventIds.Count && run.EventIds[i].Length > 0)
            {
                html.Add($"<a class=\"mono\" href=\"events/{run.EventIds[i]}\">{name}</a>");
            }
            else
            {
                html.Add($"<span class=\"mono\">{name}</span>");
            }
        }

        return html.ToMarkup();
    }

    private static void Chart(HtmlBuilder html, RunView view)
    {
        html.Add($"""
            <section class="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <div class="legend" aria-hidden="true"><span class="key ok"></span>attempt ok <span class="key fail"></span>attempt failed <span class="key backoff"></span>backoff <span class="key sleep"></span>sleep <span class="key wait"></span>wait <span class="key invoke"></span>invoke <span class="key queued"></span>queued <span class="key flow"></span>flow control</div>
            <div class="chart" role="table" aria-label="Steps of the run over time">
            <div class="chart-row chart-axis" role="row" aria-hidden="true"><div class="chart-label" role="columnheader">step</div><div class="chart-track">
            """);
        for (var tick = 0; tick <= 4; tick++)
        {
            var at = view.Start + (view.End - view.Start) * (tick / 4.0);
            html.Add($"<span class=\"tick\" style=\"left:{tick * 25}%\">{UiFormat.Offset(at, view.Start)}</span>");
        }

        html.Add($"</div><div class=\"chart-sum\" role=\"columnheader\">summary</div></div>");
        foreach (var row in view.Rows)
        {
            var label = row.Anchor is null
                ? new HtmlBuilder().Add($"<span class=\"mono\">{row.Label}</span>").ToMarkup()
                : new HtmlBuilder().Add($"<a class=\"mono\" href=\"#{row.Anchor}\">{row.Label}</a>").ToMarkup();
            html.Add($"<div class=\"chart-row row-{row.Kind}\" role=\"row\"><div class=\"chart-label\" role=\"rowheader\">{label} <span class=\"kind\">{row.Kind}</span></div><div class=\"chart-track\" role=\"cell\" aria-hidden=\"true\">");
            foreach (var segment in row.Segments)
            {
                var left = view.Percent(segment.Start);
                var width = Math.Max(0, view.Percent(segment.End) - left);
                html.Add($"<span class=\"bar {segment.Css}\" style=\"left:{Css(left)}%;width:{Css(width)}%\" title=\"{segment.Title}\"></span>");
            }

            foreach (var marker in row.Markers)
            {
                html.Add($"<span class=\"mark {marker.Css}\" style=\"left:{Css(view.Percent(marker.At))}%\" title=\"{marker.Title}\"></span>");
            }

            html.Add($"</div><div class=\"chart-sum\" role=\"cell\">{row.Summary}</div></div>");
        }

        html.Add($"</div></section>");
    }

    private static void Steps(HtmlBuilder html, RunView view, RunRecord run)
    {
        html.Add($"<section class=\"panel\" aria-labelledby=\"steps-title\"><h2 id=\"steps-title\">Steps <span class=\"count\">{view.Steps.Count}</span></h2>");
        if (view.Steps.Count == 0)
        {
            html.Add($"<p class=\"empty\">{(run.IsFinished ? "The function ran no steps." : "No step has been reported yet.")}</p>");
        }

        foreach (var step in view.Steps)
        {
            var record = step.Record;
            // Short runs show every step open; long ones open only the steps that need a look.
            var open = view.Steps.Count <= 10 || step.Attempts.Count > 1 || record.Status is StepStatus.Failed or StepStatus.Retrying or StepStatus.TimedOut;
            html.Add($"""
                <details class="step" id="{step.Anchor}"{(open ? new Markup(" open") : Markup.Empty)}>
                <summary><span class="mono step-name">{step.Label}</span> <span class="kind">{KindText(step.Kind)}</span> {UiFormat.Badge(record.Status)}{(step.Attempts.Count > 1 ? new HtmlBuilder().Add($" <span class=\"tag\">{step.Attempts.Count} attempts</span>").ToMarkup() : Markup.Empty)}</summary>
                <div class="step-body">
                """);
            switch (step.Kind)
            {
                case Timeline.StepKind.Sleep:
                    html.Add($"<p>Sleeps <strong>{step.Target}</strong>{Between(step, view)}.</p>");
                    break;
                case Timeline.StepKind.Wait:
                    html.Add($"<p>Waits for <code>{step.Target}</code>");
                    if (step.Condition is not null)
                    {
                        html.Add($" if <code>{step.Condition}</code>");
                    }

                    html.Add($" for at most <strong>{step.Timeout ?? "no time"}</strong>{Between(step, view)}.</p>");
                    if (record.Status == StepStatus.Completed)
                    {
                        html.Add($"<p>Matched by {(step.MatchedEventId is { } matched ? new HtmlBuilder().Add($"event <a class=\"mono\" href=\"events/{matched}\">{matched}</a>").ToMarkup() : new Markup("an event"))}:</p>");
                    }
                    else if (record.Status == StepStatus.TimedOut)
                    {
                        html.Add($"<p class=\"muted\">No matching event arrived in time: the wait timed out and returned null.</p>");
                    }

                    break;
                case Timeline.StepKind.Invoke:
                    html.Add($"<p>Invokes <code>{step.Target}</code>{(step.Timeout is null ? Markup.Empty : new HtmlBuilder().Add($" (timeout {step.Timeout})").ToMarkup())}{Between(step, view)}.");
                    if (step.ChildRun is { } child)
                    {
                        html.Add($" Its run: <a class=\"mono\" href=\"runs/{child.RunId}\">{child.RunId}</a> {UiFormat.Badge(child.Status)}");
                    }

                    html.Add($"</p>");
                    break;
                default:
                    if (step.PlannedAt is { } planned)
                    {
                        html.Add($"<p class=\"muted\">Planned at {UiFormat.Offset(planned, view.Start)}.</p>");
                    }

                    if (step.Attempts.Count > 0)
                    {
                        html.Add($"<ol class=\"attempts\">");
                        foreach (var attempt in step.Attempts)
                        {
                            html.Add($"<li class=\"attempt {(attempt.Succeeded ? "ok" : "fail")}\"><span class=\"attempt-head\">Attempt {attempt.Number} · {UiFormat.Offset(attempt.Start, view.Start)} · {UiFormat.Duration(attempt.End - attempt.Start)} · {(attempt.Succeeded ? "succeeded" : attempt.Final ? "failed for good" : "failed, retried")}</span>");
                            if (attempt.Error is { } error)
                            {
                                Error(html, error);
                            }

                            html.Add($"</li>");
                        }

                        html.Add($"</ol>");
                    }

                    break;
            }

            if (record.Output is { } output && record.Status == StepStatus.Completed)
            {
                html.Add($"<h3>Output</h3>{UiFormat.JsonBlock(output, $"Output of step {step.Label}")}");
            }
            else if (record.Error is { } error && record.Status is StepStatus.Failed or StepStatus.TimedOut && step.Attempts.Count == 0)
            {
                Error(html, error);
            }

            html.Add($"<p class=\"muted small\">Step hash <span class=\"mono\">{record.Hash}</span> · op {record.Op}</p></div></details>");
        }

        html.Add($"</section>");
    }

    private static void Output(HtmlBuilder html, RunRecord run)
    {
        html.Add($"<section class=\"panel\" aria-labelledby=\"output-title\"><h2 id=\"output-title\">Output</h2>");
        switch (run.Status)
        {
            case RunStatus.Completed:
                html.Add(run.Result is { } result ? UiFormat.JsonBlock(result, "The run's output") : new Markup("<p class=\"muted\">No output.</p>"));
                break;
            case RunStatus.Failed when run.Error is { } error:
                Error(html, error);
                break;
            case RunStatus.Cancelled:
                html.Add($"<p>Cancelled: {run.CancellationReason ?? "no reason given"}.</p>");
                break;
            default:
                html.Add($"<p class=\"muted\">The run has not finished.</p>");
                break;
        }

        html.Add($"</section>");
    }

    private static void FlowControl(HtmlBuilder html, RunView view, UiRequest request)
    {
        var skipped = request.Engine.Skipped.Where(s => view.Run.EventIds.Contains(s.EventInternalId, StringComparer.Ordinal)).ToArray();
        if (view.FlowControl.Count == 0 && skipped.Length == 0)
        {
            return;
        }

        html.Add($"<section class=\"panel\" aria-labelledby=\"flow-title\"><h2 id=\"flow-title\">Flow control</h2><ul class=\"flow\">");
        foreach (var entry in view.FlowControl)
        {
            html.Add($"<li><span class=\"mono\">{UiFormat.Offset(entry.Time, view.Start)}</span> {entry.Message}</li>");
        }

        foreach (var skip in skipped)
        {
            html.Add($"<li>Its event started no run of <span class=\"mono\">{skip.CompositeFunctionId}</span>: {skip.Message}</li>");
        }

        html.Add($"</ul></section>");
    }

    private static void Triggers(HtmlBuilder html, RunRecord run)
    {
        html.Add($"<section class=\"panel\" aria-labelledby=\"trigger-title\"><h2 id=\"trigger-title\">Trigger {(run.Events.Count == 1 ? "event" : "events")}</h2>");
        for (var i = 0; i < run.Events.Count; i++)
        {
            var id = i < run.EventIds.Count ? run.EventIds[i] : string.Empty;
            html.Add($"<details class=\"event\"{(i == 0 ? new Markup(" open") : Markup.Empty)} id=\"trigger-{i.ToString(CultureInfo.InvariantCulture)}\"><summary>{TriggerName(run, i)}");
            if (id.Length > 0)
            {
                html.Add($" · <a class=\"mono\" href=\"events/{id}\">{id}</a>");
            }

            html.Add($"</summary>{UiFormat.JsonBlock(run.Events[i], "Event payload")}</details>");
        }

        html.Add($"</section>");
    }

    private static string? TriggerName(RunRecord run, int index)
        => run.Events[index].TryGetProperty("name", out var name) ? name.GetString() : null;

    private static void History(HtmlBuilder html, RunRecord run)
    {
        html.Add($"""
            <section class="panel" aria-labelledby="history-title">
            <h2 id="history-title">History <span class="count">{run.Timeline.Count}</span></h2>
            <div class="table-wrap"><table class="history">
            <thead><tr><th scope="col">Time (UTC)</th><th scope="col">+</th><th scope="col">What</th><th scope="col">Message</th></tr></thead>
            <tbody>
            """);
        foreach (var entry in run.Timeline)
        {
            html.Add($"<tr class=\"h-{entry.Kind.ToString().ToLowerInvariant()}\"><td>{UiFormat.Time(entry.Time)}</td><td class=\"num\">{UiFormat.Offset(entry.Time, run.CreatedAt)}</td><td>{UiFormat.Words(entry.Kind.ToString())}</td><td>{entry.Message}</td></tr>");
        }

        html.Add($"</tbody></table></div></section>");
    }

    /// <summary>An error's name and message, its stack collapsed.</summary>
    private static void Error(HtmlBuilder html, StepError error)
    {
        html.Add($"<div class=\"error-box\"><p><strong>{error.Name}</strong>: {error.Message}</p>");
        if (!string.IsNullOrWhiteSpace(error.Stack))
        {
            html.Add($"<details class=\"stack\"><summary>Stack trace</summary><pre tabindex=\"0\">{error.Stack}</pre></details>");
        }

        html.Add($"</div>");
    }

    private static Markup Between(StepView step, RunView view)
    {
        if (step.Start is not { } start)
        {
            return Markup.Empty;
        }

        return step.End is { } end
            ? new HtmlBuilder().Add($", from {UiFormat.Offset(start, view.Start)} to {UiFormat.Offset(end, view.Start)} ({UiFormat.Duration(end - start)})").ToMarkup()
            : new HtmlBuilder().Add($", since {UiFormat.Offset(start, view.Start)}").ToMarkup();
    }

    private static string KindText(Timeline.StepKind kind) => kind switch
    {
        Timeline.StepKind.SendEvent => "send event",
        Timeline.StepKind.Sleep => "sleep",
        Timeline.StepKind.Wait => "wait for event",
        Timeline.StepKind.Invoke => "invoke",
        _ => "run",
    };

    private static string Css(double percent) => percent.ToString("0.###", CultureInfo.InvariantCulture);
}
