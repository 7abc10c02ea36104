using System.Text;
using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.DevServer.Ui.Pages;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.DevServer.Ui;

/// <summary>
/// The dev server's pages, server-rendered: Runs (<c>/</c>), a run (<c>/runs/{runId}</c>, with its export, cancel
/// and rerun), Events (<c>/events</c>, <c>/events/{id}</c>, <c>/events/send</c>) and Apps (<c>/apps</c>, with sync).
/// Every page reads without JavaScript; forms post and redirect back. Posts from other sites are refused, so a web
/// page the developer visits cannot cancel runs or send events through the browser.
/// </summary>
internal sealed class UiHandler(InngestEngine engine, AppSyncer syncer, ILogger logger)
{
    /// <summary>What pages may load: this server's own script and styles, nothing inline but style attributes.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["cancelled"] = "The run was cancelled.",
        ["ended"] = "The run had already ended; nothing was cancelled.",
        ["rerun"] = "This run is a rerun, started from the same event.",
        ["sent"] = "Event sent.",
        ["synced"] = "App synced.",
    };

    public Task RunsAsync(HttpContext context) => PageAsync(context, 200, RunsPage.Render(Request(context)));

    public Task RunAsync(HttpContext context)
    {
        var id = RouteValue(context, "runId");
        return engine.GetRun(id) is { } run
            ? PageAsync(context, 200, RunPage.Render(Request(context), run, Notice(context)))
            : NotFoundAsync(context, $"There is no run '{id}'.", "./", "Runs");
    }

    public async Task ExportAsync(HttpContext context)
    {
        var id = RouteValue(context, "runId");
        // The one run-history format (docs/run-history.md), written by the engine's own exporter: what
        // Inngest.Events.Testing replays.
        if (engine.ExportRunHistory(id) is not { } history)
        {
            await NotFoundAsync(context, $"There is no run '{id}'.", "./", "Runs").ConfigureAwait(false);
            return;
        }

        var body = history.ToUtf8Json();
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"run-{history.Run.RunId}.run.json\"";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task CancelAsync(HttpContext context)
    {
        if (!await AcceptPostAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var id = RouteValue(context, "runId");
        if (engine.GetRun(id) is null)
        {
            await NotFoundAsync(context, $"There is no run '{id}'.", "./", "Runs").ConfigureAwait(false);
            return;
        }

        var cancelled = engine.CancelRun(id, "cancelled from the dev server's run page");
        await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        Redirect(context, UiFormat.Url($"runs/{id}", ("done", cancelled ? "cancelled" : "ended")));
    }

    public async Task RerunAsync(HttpContext context)
    {
        if (!await AcceptPostAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var id = RouteValue(context, "runId");
        string rerun;
        try
        {
            rerun = engine.Rerun(id);
        }
        catch (ArgumentException)
        {
            await NotFoundAsync(context, $"There is no run '{id}'.", "./", "Runs").ConfigureAwait(false);
            return;
        }
        catch (InvalidOperationException exception)
        {
            await MessageAsync(context, 409, "Not rerun", exception.Message, $"runs/{id}", "Back to the run").ConfigureAwait(false);
            return;
        }

        await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        Redirect(context, UiFormat.Url($"runs/{rerun}", ("done", "rerun")));
    }

    public Task EventsAsync(HttpContext context) => PageAsync(context, 200, EventsPage.Render(Request(context)));

    public Task EventAsync(HttpContext context)
    {
        var id = RouteValue(context, "eventId").ToUpperInvariant();
        return engine.Store.GetEvent(id) is { } evt
            ? PageAsync(context, 200, EventPage.Render(Request(context), evt, Notice(context)))
            : NotFoundAsync(context, $"There is no event with the internal id '{id}'.", "events", "Events");
    }

    public Task SendFormAsync(HttpContext context)
    {
        var form = new SendEventForm(string.Empty, SendEventForm.DefaultData, string.Empty);
        if (context.Request.Query["copy"].ToString() is { Length: > 0 } copy && engine.Store.GetEvent(copy.ToUpperInvariant()) is { } original)
        {
            form = new SendEventForm(original.Name, UiFormat.Json(original.Data), string.Empty);
        }

        return PageAsync(context, 200, SendEventPage.Render(Request(context), form, null, null));
    }

    public async Task SendAsync(HttpContext context)
    {
        if (!await AcceptPostAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var fields = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var form = new SendEventForm(fields["name"].ToString(), fields["data"].ToString(), fields["id"].ToString());
        var (id, error, field) = form.Send(engine);
        if (id is null)
        {
            await PageAsync(context, 400, SendEventPage.Render(Request(context), form, error, field)).ConfigureAwait(false);
            return;
        }

        await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        Redirect(context, UiFormat.Url($"events/{id}", ("done", "sent")));
    }

    public Task AppsAsync(HttpContext context)
    {
        var error = context.Request.Query["failed"].ToString() is { Length: > 0 } url && syncer.Log.All.FirstOrDefault(a => a.Url.AbsoluteUri == url)?.Error is { } message
            ? $"The app at {url} did not sync: {message}"
            : null;
        return PageAsync(context, 200, AppsPage.Render(Request(context), Notice(context), error));
    }

    public async Task SyncAsync(HttpContext context)
    {
        if (!await AcceptPostAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var fields = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var text = fields["url"].ToString().Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await PageAsync(context, 400, AppsPage.Render(Request(context), null,
                $"'{text}' is not the http(s) URL of an app's serve endpoint, such as http://localhost:5000/api/inngest.")).ConfigureAwait(false);
            return;
        }

        var result = await syncer.SyncAsync(url, context.RequestAborted).ConfigureAwait(false);
        Redirect(context, result is null ? UiFormat.Url("apps", ("failed", url.AbsoluteUri)) : UiFormat.Url("apps", ("done", "synced")) + "#app-" + Uri.EscapeDataString(result.App.AppId));
    }

    public static async Task AssetAsync(HttpContext context, byte[] content, string contentType)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "public, max-age=3600";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs a page handler; anything unexpected becomes an error page (logged), never a stack trace.</summary>
    public RequestDelegate Guard(Func<HttpContext, Task> handle) => async context =>
    {
        try
        {
            await handle(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            logger.LogError(exception, "The dev server UI failed to answer {Method} {Path}.", context.Request.Method, context.Request.Path);
            await MessageAsync(context, 500, "Something went wrong", "The page could not be shown; the dev server's log has the details.", "./", "Runs").ConfigureAwait(false);
        }
    };

    private UiRequest Request(HttpContext context) => new(context, engine, syncer.Log);

    private static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? string.Empty;

    private static string? Notice(HttpContext context) => Notices.GetValueOrDefault(context.Request.Query["done"].ToString());

    private static void Redirect(HttpContext context, string relative)
    {
        context.Response.StatusCode = 303;
        context.Response.Headers.Location = (context.Request.PathBase.Value ?? string.Empty) + "/" + relative;
    }

    /// <summary>
    /// Refuses a post that a browser says came from another site (<c>Sec-Fetch-Site</c>, else <c>Origin</c>); posts
    /// without either (curl, scripts) are let through, as the REST API is.
    /// </summary>
    private async Task<bool> AcceptPostAsync(HttpContext context)
    {
        var request = context.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var sameOrigin = site.Length > 0
            ? site is "same-origin" or "none"
            : origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
        if (!sameOrigin)
        {
            await MessageAsync(context, 403, "Refused", "The dev server takes form posts only from its own pages.", "./", "Runs").ConfigureAwait(false);
            return false;
        }

        if (request.Method == HttpMethods.Post && request.HasFormContentType is false && request.ContentLength is > 0)
        {
            await MessageAsync(context, 415, "Not a form", "Post the page's form (application/x-www-form-urlencoded).", "./", "Runs").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private Task NotFoundAsync(HttpContext context, string message, string back, string backLabel)
        => MessageAsync(context, 404, "Not found", message, back, backLabel);

    private Task MessageAsync(HttpContext context, int status, string title, string message, string back, string backLabel)
    {
        var html = new HtmlBuilder().Add($"<h1>{title}</h1><p class=\"notice{(status >= 400 ? " error" : string.Empty)}\" role=\"alert\">{message}</p><p><a href=\"{back}\">← {backLabel}</a></p>");
        return PageAsync(context, status, UiLayout.Render(Request(context), title, UiSection.Runs, html.ToMarkup()));
    }

    private static async Task PageAsync(HttpContext context, int status, string html)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
