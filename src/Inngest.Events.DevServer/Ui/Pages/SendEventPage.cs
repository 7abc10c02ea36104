using Inngest.Events.DevServer.Ui.Html;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// The send-an-event form (<c>/events/send</c>): a name, the <c>data</c> JSON and an optional id. The page's script
/// checks the name and the JSON as you type and before sending; the server checks again and answers the form with the
/// problem when something is wrong, so it works without JavaScript too.
/// </summary>
internal static class SendEventPage
{
    public static string Render(UiRequest request, SendEventForm form, string? error, string? field)
    {
        var html = new HtmlBuilder();
        html.Add($"""
            <h1>Send an event</h1>
            <p class="muted">The event goes to this server's event API, as <code>POST /e/{"{key}"}</code> would send it, and starts the functions it triggers.</p>
            <form class="send" method="post" action="events/send" id="send-form" novalidate>
            <p class="notice error" id="send-error" role="alert"{(error is null ? new Markup(" hidden") : Markup.Empty)}>{error}</p>
            <label for="send-name">Name</label>
            <input id="send-name" name="name" value="{form.Name}" required autocomplete="off" spellcheck="false" placeholder="app/user.created" aria-describedby="send-name-help"{Invalid(field == "name")}>
            <p class="help" id="send-name-help">Lower case, <code>domain/noun.verb</code> by convention; names starting with <code>inngest/</code> are reserved.</p>
            <label for="send-data">Data (JSON object)</label>
            <textarea id="send-data" name="data" rows="12" spellcheck="false" aria-describedby="send-data-help"{Invalid(field == "data")}>{form.Data}</textarea>
            <p class="help" id="send-data-help">The event's <code>data</code>, e.g. <code>{"{\"userId\": \"u_1\"}"}</code>.</p>
            <label for="send-id">Id (optional)</label>
            <input id="send-id" name="id" value="{form.Id}" autocomplete="off" spellcheck="false" aria-describedby="send-id-help">
            <p class="help" id="send-id-help">A deduplication id: a second event with the same id within 24 hours starts no runs.</p>
            <div class="filter-actions"><button type="submit" id="send-submit">Send event</button></div>
            </form>
            """);
        return UiLayout.Render(request, "Send an event", UiSection.Send, html.ToMarkup());
    }

    private static Markup Invalid(bool invalid) => invalid ? new Markup(" aria-invalid=\"true\"") : Markup.Empty;
}
