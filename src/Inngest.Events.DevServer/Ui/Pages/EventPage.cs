using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>An event (<c>/events/{internalId}</c>): its payload, the runs it started, and why it started no others.</summary>
internal static class EventPage
{
    public static string Render(UiRequest request, EventRecord evt, string? notice)
    {
        var engine = request.Engine;
        var outcome = EventOutcome.Of(evt, engine.Runs, engine.Skipped, engine.DescribeFunctions());
        var html = new HtmlBuilder();
        html.Add($"<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"events\">Events</a> <span aria-hidden=\"true\">/</span> <span class=\"mono\">{evt.InternalId}</span></nav>");
        if (notice is not null)
        {
            html.Add($"<p class=\"notice\" role=\"status\">{notice}</p>");
        }

        html.Add($"""
            <div class="page-head"><h1 class="mono">{evt.Name}</h1><a class="button secondary" href="{UiFormat.Url("events/send", ("copy", evt.InternalId))}">Send a copy</a></div>
            <dl class="facts">
            <div><dt>Internal id</dt><dd class="mono">{evt.InternalId}</dd></div>
            <div><dt>Event id</dt><dd class="mono">{evt.Id}</dd></div>
            <div><dt>Received</dt><dd>{UiFormat.Time(evt.ReceivedAt, withDate: true)}</dd></div>
            </dl>
            <div data-live="event">
            <section class="panel" aria-labelledby="runs-title"><h2 id="runs-title">Runs</h2>
            """);
        if (outcome.Runs.Count > 0)
        {
            html.Add($"<ul class=\"event-runs\">");
            foreach (var run in outcome.Runs)
            {
                html.Add($"<li>{UiFormat.Badge(run.Status)} <a class=\"mono\" href=\"runs/{run.RunId}\">{run.FunctionId}</a> <span class=\"muted mono\">{run.RunId}</span></li>");
            }

            html.Add($"</ul>");
        }

        if (outcome.Skipped.Count > 0)
        {
            html.Add($"<h3>Runs it did not start</h3><ul class=\"skipped\">");
            foreach (var skip in outcome.Skipped)
            {
                html.Add($"<li><span class=\"tag\">{EventOutcome.Reason(skip.Reason)}</span> <span class=\"mono\">{skip.CompositeFunctionId}</span>: {skip.Message}</li>");
            }

            html.Add($"</ul>");
        }

        foreach (var reason in outcome.Reasons)
        {
            html.Add($"<p class=\"reason\">{reason}</p>");
        }

        html.Add($"</section>");
        if (outcome.Effects.Count > 0)
        {
            html.Add($"<section class=\"panel\" aria-labelledby=\"effects-title\"><h2 id=\"effects-title\">What else it did</h2><ul>");
            foreach (var (run, entry) in outcome.Effects)
            {
                html.Add($"<li><a class=\"mono\" href=\"runs/{run.RunId}\">{run.FunctionId}</a>: {entry.Message}</li>");
            }

            html.Add($"</ul></section>");
        }

        html.Add($"</div><section class=\"panel\" aria-labelledby=\"payload-title\"><h2 id=\"payload-title\">Payload</h2>{UiFormat.JsonBlock(evt.Payload, "Event payload")}</section>");
        return UiLayout.Render(request, evt.Name, UiSection.Events, html.ToMarkup());
    }
}
