using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// The Runs page (<c>/</c>): every run, newest first, filtered by function, status, time range and trigger event, each
/// row a link to the run. The table updates itself while the page is open (<c>data-live</c>).
/// </summary>
internal static class RunsPage
{
    public static string Render(UiRequest request)
    {
        var engine = request.Engine;
        var filter = RunFilter.Read(request);
        var runs = engine.Runs;
        var (page, more) = filter.Apply(runs, request.Now);
        var functions = engine.DescribeFunctions().Select(f => f.CompositeId)
            .Concat(runs.Select(r => r.CompositeFunctionId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var eventNames = runs.Select(RunFilter.EventNameOf).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        var html = new HtmlBuilder();
        html.Add($"<h1>Runs</h1>");
        html.Add($"<form class=\"filters\" method=\"get\" action=\"./\" aria-label=\"Filter runs\">");
        html.Add($"<label>Function <select name=\"function\"><option value=\"\">All functions</option>");
        foreach (var function in functions)
        {
            html.Add($"<option value=\"{function}\"{Selected(function == filter.Function)}>{function}</option>");
        }

        html.Add($"</select></label>");
        html.Add($"<label>Status <select name=\"status\"><option value=\"\">Any status</option>");
        foreach (var status in Enum.GetValues<RunStatus>())
        {
            html.Add($"<option value=\"{status.ToString().ToLowerInvariant()}\"{Selected(status == filter.Status)}>{status.ToString()}</option>");
        }

        html.Add($"</select></label>");
        html.Add($"<label>Time range <select name=\"range\"><option value=\"\">All time</option>");
        foreach (var (value, label, _) in RunFilter.Ranges)
        {
            html.Add($"<option value=\"{value}\"{Selected(value == filter.Range)}>{label}</option>");
        }

        html.Add($"</select></label>");
        html.Add($"<label>Event name <input name=\"event\" list=\"event-names\" value=\"{filter.EventName}\" placeholder=\"e.g. app/user.created\" autocomplete=\"off\"></label>");
        html.Add($"<datalist id=\"event-names\">");
        foreach (var name in eventNames)
        {
            html.Add($"<option value=\"{name}\"></option>");
        }

        html.Add($"</datalist>");
        html.Add($"<details class=\"custom-range\"{(filter.From is not null || filter.To is not null ? new Markup(" open") : Markup.Empty)}><summary>Custom range (UTC)</summary>");
        html.Add($"<label>From <input type=\"datetime-local\" name=\"from\" step=\"1\" value=\"{LocalInput(filter.From)}\"></label>");
        html.Add($"<label>To <input type=\"datetime-local\" name=\"to\" step=\"1\" value=\"{LocalInput(filter.To)}\"></label></details>");
        html.Add($"<div class=\"filter-actions\"><button type=\"submit\">Filter</button>");
        if (!filter.IsEmpty)
        {
            html.Add($"<a class=\"button secondary\" href=\"./\">Clear</a>");
        }

        html.Add($"</div></form>");
        foreach (var problem in filter.Problems)
        {
            html.Add($"<p class=\"notice error\" role=\"alert\">{problem}</p>");
        }

        html.Add($"<div data-live=\"runs\">");
        if (page.Count == 0)
        {
            html.Add($"<p class=\"empty\">{(runs.Count == 0 ? "No runs yet. Send an event that triggers a function, and its run appears here." : "No run matches these filters.")}</p>");
        }
        else
        {
            html.Add($"""
                <div class="table-wrap"><table class="runs">
                <caption class="visually-hidden">Runs, newest first</caption>
                <thead><tr><th scope="col">Status</th><th scope="col">Function</th><th scope="col" class="opt">Trigger</th><th scope="col" class="opt">Run</th><th scope="col">Queued (UTC)</th><th scope="col">Duration</th></tr></thead>
                <tbody>
                """);
            foreach (var run in page)
            {
                var href = $"runs/{run.RunId}";
                var end = run.EndedAt ?? request.Now;
                var duration = run.StartedAt is { } started ? UiFormat.Duration(end - started) : "—";
                html.Add($"""
                    <tr class="run-row" data-run-id="{run.RunId}" data-status="{UiFormat.StatusClass(run.Status)}">
                    <td>{UiFormat.Badge(run.Status)}</td>
                    <td><a href="{href}">{run.FunctionId}</a>{(run.OriginalRunId is null ? Markup.Empty : new Markup(" <span class=\"tag\">rerun</span>"))}</td>
                    <td class="opt mono">{RunFilter.EventNameOf(run)}</td>
                    <td class="opt mono"><a href="{href}" title="{run.RunId}" aria-label="Run {run.RunId}">{UiFormat.ShortId(run.RunId)}</a></td>
                    <td>{UiFormat.Time(run.CreatedAt)}</td>
                    <td class="num">{duration}</td>
                    </tr>
                    """);
            }

            html.Add($"</tbody></table></div>");
            if (more)
            {
                var older = UiFormat.Url("./", ("function", filter.Function), ("status", filter.Status?.ToString().ToLowerInvariant()),
                    ("event", filter.EventName), ("range", filter.Range), ("from", LocalInput(filter.From)), ("to", LocalInput(filter.To)),
                    ("before", page[^1].RunId));
                html.Add($"<p class=\"pager\"><a href=\"{older}\">Older runs →</a></p>");
            }
        }

        html.Add($"<p class=\"count\">{page.Count} of {runs.Count} run(s) shown.</p></div>");
        return UiLayout.Render(request, "Runs", UiSection.Runs, html.ToMarkup());
    }

    private static Markup Selected(bool selected) => selected ? new Markup(" selected") : Markup.Empty;

    private static string LocalInput(DateTimeOffset? time)
        => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
}
