using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>The Events page (<c>/events</c>): every event, newest first, with what it started (or why nothing).</summary>
internal static class EventsPage
{
    public const int PageSize = 50;

    public static string Render(UiRequest request)
    {
        var engine = request.Engine;
        var name = request.Query("name");
        var showInternal = request.Query("internal") is "1" or "on" or "true";
        var before = request.Query("before");
        var runs = engine.Runs;
        var skipped = engine.Skipped;
        var functions = engine.DescribeFunctions();
        var events = engine.Events;

        var page = new List<EventRecord>(PageSize);
        var more = false;
        var skipping = before.Length > 0;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var evt = events[i];
            if (skipping)
            {
                skipping = evt.InternalId != before;
                continue;
            }

            if ((!showInternal && evt.Name.StartsWith("inngest/", StringComparison.Ordinal)) || (name.Length > 0 && evt.Name != name))
            {
                continue;
            }

            if (page.Count == PageSize)
            {
                more = true;
                break;
            }

            page.Add(evt);
        }

        var html = new HtmlBuilder();
        html.Add($"""
            <div class="page-head"><h1>Events</h1><a class="button" href="events/send">Send event</a></div>
            <form class="filters" method="get" action="events" aria-label="Filter events">
            <label>Event name <input name="name" value="{name}" list="all-event-names" placeholder="e.g. app/user.created" autocomplete="off"></label>
            <datalist id="all-event-names">
            """);
        foreach (var known in events.Select(e => e.Name).Where(n => showInternal || !n.StartsWith("inngest/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            html.Add($"<option value=\"{known}\"></option>");
        }

        html.Add($"""
            </datalist>
            <label class="check"><input type="checkbox" name="internal" value="1"{(showInternal ? new Markup(" checked") : Markup.Empty)}> Show inngest/* events</label>
            <div class="filter-actions"><button type="submit">Filter</button></div>
            </form>
            <div data-live="events">
            """);
        if (page.Count == 0)
        {
            html.Add($"<p class=\"empty\">{(events.Count == 0 ? "No events yet." : "No event matches.")}</p>");
        }
        else
        {
            html.Add($"""
                <div class="table-wrap"><table class="events">
                <caption class="visually-hidden">Events, newest first</caption>
                <thead><tr><th scope="col">Event</th><th scope="col" class="opt">Internal id</th><th scope="col">Received (UTC)</th><th scope="col">Outcome</th></tr></thead>
                <tbody>
                """);
            foreach (var evt in page)
            {
                var outcome = EventOutcome.Of(evt, runs, skipped, functions);
                html.Add($"""
                    <tr data-event-id="{evt.InternalId}">
                    <td><a class="mono" href="events/{evt.InternalId}">{evt.Name}</a></td>
                    <td class="opt mono" title="{evt.InternalId}">{UiFormat.ShortId(evt.InternalId)}</td>
                    <td>{UiFormat.Time(evt.ReceivedAt)}</td>
                    <td>{outcome.Summary}</td>
                    </tr>
                    """);
            }

            html.Add($"</tbody></table></div>");
            if (more)
            {
                html.Add($"<p class=\"pager\"><a href=\"{UiFormat.Url("events", ("name", name), ("internal", showInternal ? "1" : null), ("before", page[^1].InternalId))}\">Older events →</a></p>");
            }
        }

        html.Add($"</div>");
        return UiLayout.Render(request, "Events", UiSection.Events, html.ToMarkup());
    }
}
