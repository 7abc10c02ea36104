using System.Text.Json;
using Inngest.Events.DevServer.Handlers;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.DevServer.Api;

/// <summary>
/// Inngest's REST API v1 on the engine (routes, fields, limits and error messages of Inngest's server,
/// <c>pkg/api/apiv1</c>): <c>GET /v1/events</c>, <c>GET /v1/events/{eventId}</c>, <c>GET /v1/events/{eventId}/runs</c>,
/// <c>GET /v1/runs/{runId}</c>, <c>DELETE /v1/runs/{runId}</c> and <c>POST /v1/cancellations</c>. Where this differs
/// from Inngest, docs/dev-server.md says so.
/// </summary>
internal sealed class RestApiHandler(InngestEngine engine, InngestDevServerOptions options, ILogger logger)
{
    /// <summary>The page size of <c>GET /v1/events</c> when none is asked for.</summary>
    public const int DefaultEventLimit = 20;

    /// <summary>The most events one page holds (Inngest's <c>cqrs.MaxEvents</c>); larger limits are lowered to it.</summary>
    public const int MaxEventLimit = 51;

    private const string ZeroUlid = "00000000000000000000000000";

    private string ServerKind => engine.HttpOptions.ServerKind;

    private DateTimeOffset Now => engine.TimeProvider.GetUtcNow();

    /// <summary>Runs <paramref name="handle"/> after the auth check; anything unexpected is a 500 in Inngest's error shape, never a stack trace.</summary>
    public RequestDelegate Guard(Func<HttpContext, Task> handle) => async context =>
    {
        if (!BearerKeys.Authorized(context.Request, options, engine, acceptRawKey: true))
        {
            await ErrorAsync(context, 401, "Unauthorized: this server has a signing key; send Authorization: Bearer <signing key>").ConfigureAwait(false);
            return;
        }

        try
        {
            await handle(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            logger.LogError(exception, "The REST API failed to answer {Method} {Path}.", context.Request.Method, context.Request.Path);
            await ErrorAsync(context, 500, ApiJson.DefaultErrorMessage).ConfigureAwait(false);
        }
    };

    /// <summary>
    /// <c>GET /v1/events</c>: events newest first (by internal id), without Inngest's own <c>inngest/*</c> events.
    /// Query: <c>name</c>, <c>received_after</c> (default an hour ago), <c>received_before</c> (default now),
    /// <c>limit</c> (default 20, at most 51), <c>cursor</c> (the internal id of the last event of the previous page).
    /// </summary>
    public async Task ListEventsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], out var asked) ? asked : 0;
        limit = limit == 0 ? DefaultEventLimit : Math.Clamp(limit, 1, MaxEventLimit);

        string? cursor = null;
        if (query["cursor"].ToString() is { Length: > 0 } cursorText)
        {
            if (!TryParseUlid(cursorText, out var parsed))
            {
                await ErrorAsync(context, 400, "Invalid cursor query parameter").ConfigureAwait(false);
                return;
            }

            cursor = parsed;
        }

        var now = Now;
        var newest = now;
        var oldest = now.AddHours(-1);
        if (query["received_before"].ToString() is { Length: > 0 } before && !ApiTime.TryParse(before, out newest))
        {
            await ErrorAsync(context, 400, "Invalid received_before query parameter").ConfigureAwait(false);
            return;
        }

        if (query["received_after"].ToString() is { Length: > 0 } after && !ApiTime.TryParse(after, out oldest))
        {
            await ErrorAsync(context, 400, "Invalid received_after query parameter").ConfigureAwait(false);
            return;
        }

        var name = query["name"].ToString();
        var events = engine.Events
            .Where(e => !e.Name.StartsWith("inngest/", StringComparison.Ordinal)
                && e.ReceivedAt <= newest && e.ReceivedAt >= oldest
                && (name.Length == 0 || e.Name == name)
                && (cursor is null || string.CompareOrdinal(e.InternalId, cursor) < 0))
            .OrderByDescending(e => e.InternalId, StringComparer.Ordinal)
            .Take(limit)
            .ToArray();
        await ApiJson.WriteDataAsync(context, ServerKind, now, writer =>
        {
            writer.WriteStartArray();
            foreach (var evt in events)
            {
                ApiJson.WriteEvent(writer, evt);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/events/{eventId}</c>: one event by its internal id.</summary>
    public async Task GetEventAsync(HttpContext context)
    {
        if (await EventIdAsync(context).ConfigureAwait(false) is not { } id)
        {
            return;
        }

        if (engine.Store.GetEvent(id) is not { } evt)
        {
            await ErrorAsync(context, 404, "Event not found").ConfigureAwait(false);
            return;
        }

        await ApiJson.WriteDataAsync(context, ServerKind, Now, writer => ApiJson.WriteEvent(writer, evt)).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/events/{eventId}/runs</c>: the runs the event started, oldest first (an empty list for an unknown event).</summary>
    public async Task GetEventRunsAsync(HttpContext context)
    {
        if (await EventIdAsync(context).ConfigureAwait(false) is not { } id)
        {
            return;
        }

        var runs = engine.Runs.Where(r => r.EventIds.Contains(id, StringComparer.Ordinal)).ToArray();
        await ApiJson.WriteDataAsync(context, ServerKind, Now, writer =>
        {
            writer.WriteStartArray();
            foreach (var run in runs)
            {
                ApiJson.WriteRun(writer, run);
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    /// <summary><c>GET /v1/runs/{runId}</c>: one run with its status and output.</summary>
    public async Task GetRunAsync(HttpContext context)
    {
        if (await RunIdAsync(context).ConfigureAwait(false) is not { } id)
        {
            return;
        }

        if (engine.GetRun(id) is not { } run)
        {
            await ErrorAsync(context, 404, $"Unable to load function run: {id}").ConfigureAwait(false);
            return;
        }

        await ApiJson.WriteDataAsync(context, ServerKind, Now, writer => ApiJson.WriteRun(writer, run)).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>DELETE /v1/runs/{runId}</c>: cancels the run. As on Inngest, 200 with an empty body, also for a run that
    /// has already ended (nothing changes); 404 for an unknown run.
    /// </summary>
    public async Task CancelRunAsync(HttpContext context)
    {
        if (await RunIdAsync(context).ConfigureAwait(false) is not { } id)
        {
            return;
        }

        if (engine.GetRun(id) is null)
        {
            await ErrorAsync(context, 404, $"Unable to load function run: {id}").ConfigureAwait(false);
            return;
        }

        engine.CancelRun(id, "cancelled by the REST API (DELETE /v1/runs/{runId})");
        await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 200;
        context.Response.Headers["X-Inngest-Server-Kind"] = ServerKind;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 0;
    }

    /// <summary>
    /// <c>POST /v1/cancellations</c>: <c>{"app_id","function_id","started_after"?,"started_before","if"?}</c> cancels
    /// the unfinished runs of that function created in the window (both ends exclusive) whose trigger event satisfies
    /// <c>if</c>, at once, and answers the cancellation.
    /// </summary>
    public async Task CreateCancellationAsync(HttpContext context)
    {
        var body = await DevServerResponses.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (!CancellationRequest.TryParse(body, out var request))
        {
            await ErrorAsync(context, 400, "Invalid cancellation request").ConfigureAwait(false);
            return;
        }

        var now = Now;
        var problems = request.Validate(now);
        if (problems.Count > 0)
        {
            await ErrorAsync(context, 400, string.Join('\n', problems)).ConfigureAwait(false);
            return;
        }

        var function = engine.DescribeFunctions().FirstOrDefault(f => f.AppId == request.AppId
            && (f.Definition.Id == request.FunctionId || f.CompositeId == $"{request.AppId}-{request.FunctionId}"));
        if (function is null)
        {
            await ErrorAsync(context, 404, "function not found").ConfigureAwait(false);
            return;
        }

        var id = Ulid.NewUlid(now).ToString();
        try
        {
            engine.CancelRuns(function.CompositeId, request.StartedAfter, request.StartedBefore!.Value, request.If, $"cancelled by bulk cancellation {id}");
        }
        catch (ArgumentException exception)
        {
            await ErrorAsync(context, 400, exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal)).ConfigureAwait(false);
            return;
        }

        await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await ApiJson.WriteDataAsync(context, ServerKind, now, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("created_at", ApiTime.Format(now));
            writer.WriteNull("name");
            writer.WriteString("id", id);
            writer.WriteString("account_id", ApiIds.Zero);
            writer.WriteString("environment_id", ApiIds.Zero);
            writer.WriteString("app_id", ApiIds.App(function.AppId));
            writer.WriteString("function_internal_id", ApiIds.Function(function.CompositeId));
            writer.WriteString("function_id", function.Definition.Id);
            if (request.StartedAfter is { } startedAfter)
            {
                writer.WriteString("started_after", ApiTime.Format(startedAfter));
            }
            else
            {
                writer.WriteNull("started_after");
            }

            writer.WriteString("started_before", ApiTime.Format(request.StartedBefore!.Value));
            if (request.If is not null)
            {
                writer.WriteString("if", request.If);
            }

            writer.WriteString("kind", "bulk_run");
            writer.WriteString("cause", "API");
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Any other <c>/v1</c> route or method: 404 in Inngest's error shape, so a client reads why.</summary>
    public Task NotFoundAsync(HttpContext context)
        => ErrorAsync(context, 404, $"Not found: {context.Request.Method} {context.Request.Path} is not a route of this server's REST API (see docs/dev-server.md)");

    private async Task<string?> EventIdAsync(HttpContext context)
    {
        var text = context.Request.RouteValues["eventId"] as string ?? string.Empty;
        if (TryParseUlid(text, out var id))
        {
            return id;
        }

        await ErrorAsync(context, 400, $"Invalid event ID: {text}").ConfigureAwait(false);
        return null;
    }

    private async Task<string?> RunIdAsync(HttpContext context)
    {
        var text = context.Request.RouteValues["runId"] as string ?? string.Empty;
        if (TryParseUlid(text, out var id))
        {
            return id;
        }

        await ErrorAsync(context, 400, $"Invalid run ID: {text}").ConfigureAwait(false);
        return null;
    }

    /// <summary>A ULID in its canonical (upper-case) text; Inngest accepts either case.</summary>
    private static bool TryParseUlid(string text, out string canonical)
    {
        canonical = string.Empty;
        if (text.Length != 26 || !Ulid.TryParse(text.ToUpperInvariant(), out var ulid) || ulid.ToString() == ZeroUlid && text != ZeroUlid)
        {
            return false;
        }

        canonical = ulid.ToString();
        return true;
    }

    private Task ErrorAsync(HttpContext context, int status, string message) => ApiJson.WriteErrorAsync(context, ServerKind, status, message);
}
