using System.Text.Json;
using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.Engine;
using Inngest.Events.Engine.Apps;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// Apps and functions (<c>/apps</c>): each synced app (URL, SDK, last sync and its error) with a resync button, the
/// engine's own functions, each function's triggers and whole config, and a form to sync an app by URL.
/// </summary>
internal static class AppsPage
{
    public static string Render(UiRequest request, string? notice, string? error)
    {
        var engine = request.Engine;
        var functions = engine.DescribeFunctions();
        var apps = engine.Apps;
        var html = new HtmlBuilder();
        html.Add($"<h1>Apps</h1>");
        if (notice is not null)
        {
            html.Add($"<p class=\"notice\" role=\"status\">{notice}</p>");
        }

        if (error is not null)
        {
            html.Add($"<p class=\"notice error\" role=\"alert\">{error}</p>");
        }

        html.Add($"""
            <form class="filters sync-form" method="post" action="apps/sync" aria-label="Sync an app">
            <label>Sync an app by its serve URL <input name="url" type="url" required placeholder="http://localhost:5000/api/inngest" autocomplete="url"></label>
            <div class="filter-actions"><button type="submit">Sync app</button></div>
            </form>
            <div data-live="apps">
            """);

        foreach (var app in apps)
        {
            var attempt = request.Syncs.For(app.Url);
            html.Add($"""
                <section class="panel app" id="app-{app.AppId}" aria-labelledby="app-{app.AppId}-title">
                <div class="page-head"><h2 id="app-{app.AppId}-title" class="mono">{app.AppId}</h2>
                <form method="post" action="apps/sync"><input type="hidden" name="url" value="{app.Url.AbsoluteUri}"><button type="submit" class="secondary">Resync</button></form></div>
                <dl class="facts">
                <div><dt>URL</dt><dd class="mono">{Link(app.Url)}</dd></div>
                <div><dt>SDK</dt><dd class="mono">{app.Sdk ?? "—"}</dd></div>
                <div><dt>Framework</dt><dd>{app.Framework ?? "—"}</dd></div>
                <div><dt>Last sync</dt><dd>{UiFormat.Time(app.SyncedAt, withDate: true)} ({app.SyncKind.Replace('_', '-')})</dd></div>
                {(app.AppVersion is null ? Markup.Empty : new HtmlBuilder().Add($"<div><dt>App version</dt><dd>{app.AppVersion}</dd></div>").ToMarkup())}
                </dl>
                """);
            if (attempt?.Error is { } syncError)
            {
                html.Add($"<p class=\"notice error\">The last sync, at {UiFormat.Time(attempt.At)}, failed: {syncError}</p>");
            }

            Functions(html, functions.Where(f => f.AppId == app.AppId && !f.InProcess).ToArray());
            html.Add($"</section>");
        }

        foreach (var attempt in request.Syncs.All.Where(a => a.Error is not null && !apps.Any(app => Uri.Compare(app.Url, a.Url, UriComponents.AbsoluteUri, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)))
        {
            html.Add($"""
                <section class="panel app unsynced">
                <div class="page-head"><h2 class="mono">{attempt.Url.AbsoluteUri}</h2>
                <form method="post" action="apps/sync"><input type="hidden" name="url" value="{attempt.Url.AbsoluteUri}"><button type="submit" class="secondary">Retry sync</button></form></div>
                <p class="notice error">Not synced. The last attempt, at {UiFormat.Time(attempt.At)}, failed: {attempt.Error}</p>
                </section>
                """);
        }

        var own = functions.Where(f => f.InProcess).ToArray();
        if (own.Length > 0)
        {
            html.Add($"""
                <section class="panel app" aria-labelledby="app-own-title">
                <h2 id="app-own-title"><span class="mono">{engine.AppId}</span> <span class="tag">in process</span></h2>
                <p class="muted">The functions registered with the engine itself (<code>AddFunctions()</code>), called in memory.</p>
                """);
            Functions(html, own);
            html.Add($"</section>");
        }

        if (apps.Count == 0 && own.Length == 0)
        {
            html.Add($"<p class=\"empty\">No app has synced yet. Start your app with <code>INNGEST_DEV=&lt;this server's URL&gt;</code>, or sync it by URL above.</p>");
        }

        html.Add($"</div>");
        return UiLayout.Render(request, "Apps", UiSection.Apps, html.ToMarkup());
    }

    private static void Functions(HtmlBuilder html, IReadOnlyList<FunctionDescription> functions)
    {
        html.Add($"<h3>Functions <span class=\"count\">{functions.Count}</span></h3>");
        if (functions.Count == 0)
        {
            html.Add($"<p class=\"empty\">No functions.</p>");
            return;
        }

        html.Add($"<ul class=\"functions\">");
        foreach (var function in functions)
        {
            var definition = function.Definition;
            html.Add($"<li class=\"function\" id=\"fn-{function.CompositeId}\"><div class=\"fn-head\"><a class=\"mono\" href=\"{UiFormat.Url("./", ("function", function.CompositeId))}\">{function.CompositeId}</a>");
            if (definition.Name is { } name && name != definition.Id)
            {
                html.Add($" <span class=\"muted\">{name}</span>");
            }

            html.Add($"</div><ul class=\"triggers\" aria-label=\"Triggers\">");
            foreach (var trigger in definition.Triggers)
            {
                if (trigger.Cron is { } cron)
                {
                    html.Add($"<li><span class=\"tag\">cron</span> <code>{cron}</code></li>");
                }
                else
                {
                    html.Add($"<li><span class=\"tag\">event</span> <code>{trigger.Event}</code>{(trigger.Expression is null ? Markup.Empty : new HtmlBuilder().Add($" if <code>{trigger.Expression}</code>").ToMarkup())}</li>");
                }
            }

            html.Add($"</ul>{FlowControlTags(definition.Config)}<details class=\"config\"><summary>Config</summary>");
            try
            {
                using var config = JsonDocument.Parse(function.Config);
                html.Add(UiFormat.JsonBlock(config.RootElement, $"Config of {function.CompositeId}"));
            }
            catch (JsonException)
            {
                html.Add($"<pre>{function.Config}</pre>");
            }

            html.Add($"</details></li>");
        }

        html.Add($"</ul>");
    }

    private static Markup FlowControlTags(FunctionConfig config)
    {
        var tags = new List<string>();
        if (config.Retries is { } retries)
        {
            tags.Add($"retries {retries}");
        }

        tags.AddRange(config.Concurrency.Select(c => $"concurrency {c.Limit}{(c.Key is null ? string.Empty : $" by {c.Key}")}"));
        if (config.Throttle is { } throttle)
        {
            tags.Add($"throttle {throttle.Limit}/{throttle.Period}");
        }

        if (config.RateLimit is { } rateLimit)
        {
            tags.Add($"rate limit {rateLimit.Limit}/{rateLimit.Period}");
        }

        if (config.Debounce is { } debounce)
        {
            tags.Add($"debounce {debounce.Period}");
        }

        if (config.BatchEvents is { } batch)
        {
            tags.Add($"batch {batch.MaxSize} or {batch.Timeout}");
        }

        if (config.Priority is not null)
        {
            tags.Add("priority");
        }

        if (config.Idempotency is not null)
        {
            tags.Add("idempotency");
        }

        if (config.Singleton is { } singleton)
        {
            tags.Add($"singleton ({singleton.Mode.ToString().ToLowerInvariant()})");
        }

        tags.AddRange(config.Cancel.Select(c => $"cancel on {c.Event}"));
        if (config.Timeouts is { } timeouts)
        {
            tags.Add($"timeouts{(timeouts.Start is null ? string.Empty : $" start {timeouts.Start}")}{(timeouts.Finish is null ? string.Empty : $" finish {timeouts.Finish}")}");
        }

        if (tags.Count == 0)
        {
            return Markup.Empty;
        }

        var html = new HtmlBuilder().Add($"<ul class=\"flow-tags\" aria-label=\"Flow control\">");
        foreach (var tag in tags)
        {
            html.Add($"<li class=\"tag\">{tag}</li>");
        }

        return html.Add($"</ul>").ToMarkup();
    }

    /// <summary>A link for an http(s) URL, plain text otherwise (an app's URL is whatever it synced with).</summary>
    private static Markup Link(Uri url)
        => url.Scheme is "http" or "https"
            ? new HtmlBuilder().Add($"<a href=\"{url.AbsoluteUri}\" rel=\"noreferrer\">{url.AbsoluteUri}</a>").ToMarkup()
            : new HtmlBuilder().Text(url.ToString()).ToMarkup();
}
