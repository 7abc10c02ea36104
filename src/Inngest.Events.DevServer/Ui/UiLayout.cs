using Inngest.Events.DevServer.Ui.Html;

namespace Inngest.Events.DevServer.Ui;

/// <summary>
/// The page shell: a skip link, the navigation, the page and the two hand-written assets. Links are relative to a
/// <c>&lt;base&gt;</c> of the app's path base, so the UI works behind a path prefix too.
/// </summary>
internal static class UiLayout
{
    public static string Render(UiRequest request, string title, UiSection active, Markup main)
    {
        var html = new HtmlBuilder();
        var basePath = request.PathBase.TrimEnd('/') + "/";
        html.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <base href="{basePath}">
            <title>{title} · Inngest.Events dev server</title>
            <link rel="stylesheet" href="ui/app.css?v={UiAssets.Version}">
            <script src="ui/app.js?v={UiAssets.Version}" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <a class="brand" href="./"><span class="brand-mark" aria-hidden="true">◆</span> Inngest.Events <span class="brand-sub">dev server</span></a>
            <nav aria-label="Sections">
            <ul>
            """);
        foreach (var (section, href, label) in new[]
        {
            (UiSection.Runs, "./", "Runs"),
            (UiSection.Events, "events", "Events"),
            (UiSection.Apps, "apps", "Apps"),
            (UiSection.Send, "events/send", "Send event"),
        })
        {
            html.Add($"<li><a href=\"{href}\"{(section == active ? new Markup(" aria-current=\"page\"") : Markup.Empty)}>{label}</a></li>");
        }

        html.Add($"""
            </ul>
            </nav>
            <span class="live" id="live-status" role="status" aria-live="polite" hidden></span>
            </header>
            <main id="main" tabindex="-1">
            {main}
            </main>
            <footer class="foot">Engine clock {UiFormat.Time(request.Now, withDate: true)} UTC · <a href="dev">/dev</a> · <a href="v1/events">REST API</a></footer>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
