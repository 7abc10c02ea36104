using System.Text.Json;
using Inngest.Events.DevServer.Handlers;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Api;

/// <summary>
/// The JSON of Inngest's REST API v1 (its server's <c>pkg/api/apiv1</c>): answers are <c>{"data":…,"metadata":{"fetched_at":…}}</c>;
/// errors are <c>{"error":"…","data":null,"status":N}</c> with that HTTP status. Events and runs have the fields and
/// names of Inngest's <c>cqrs.Event</c> and <c>cqrs.FunctionRun</c>. See docs/dev-server.md.
/// </summary>
internal static class ApiJson
{
    /// <summary>Inngest's message for an error it does not explain.</summary>
    public const string DefaultErrorMessage = "Something went wrong.  Please try again";

    public static Task WriteDataAsync(HttpContext context, string serverKind, DateTimeOffset now, Action<Utf8JsonWriter> writeData)
        => DevServerResponses.WriteAsync(context, 200, serverKind, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writeData(writer);
            writer.WriteStartObject("metadata");
            writer.WriteString("fetched_at", ApiTime.Format(now));
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static Task WriteErrorAsync(HttpContext context, string serverKind, int status, string message)
        => DevServerResponses.WriteAsync(context, status, serverKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteNull("data");
            writer.WriteNumber("status", status);
            writer.WriteEndObject();
        });

    /// <summary>An event as <c>cqrs.Event</c>: empty <c>user</c> and <c>v</c> are left out, as Go's <c>omitempty</c> does.</summary>
    public static void WriteEvent(Utf8JsonWriter writer, EventRecord evt)
    {
        var payload = evt.Payload;
        writer.WriteStartObject();
        writer.WriteString("internal_id", evt.InternalId);
        writer.WriteString("account_id", ApiIds.Zero);
        writer.WriteString("environment_id", ApiIds.Zero);
        writer.WriteString("source", string.Empty);
        writer.WriteNull("source_id");
        writer.WriteString("received_at", ApiTime.Format(evt.ReceivedAt));
        if (evt.Id.Length > 0)
        {
            writer.WriteString("id", evt.Id);
        }

        writer.WriteString("name", evt.Name);
        writer.WritePropertyName("data");
        evt.Data.WriteTo(writer);
        if (payload.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object && user.EnumerateObject().Any())
        {
            writer.WritePropertyName("user");
            user.WriteTo(writer);
        }

        if (payload.TryGetProperty("ts", out var ts) && ts.TryGetInt64(out var millis) && millis != 0)
        {
            writer.WriteNumber("ts", millis);
        }

        if (payload.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } version)
        {
            writer.WriteString("v", version);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A run as <c>cqrs.FunctionRun</c>. <c>output</c> is the function's result once completed, the error
    /// (<c>{"name","message","stack"}</c>) once failed, <c>{}</c> once cancelled, and absent before.
    /// </summary>
    public static void WriteRun(Utf8JsonWriter writer, RunRecord run)
    {
        writer.WriteStartObject();
        writer.WriteString("run_id", run.RunId);
        writer.WriteString("run_started_at", ApiTime.Format(run.CreatedAt));
        writer.WriteString("function_id", ApiIds.Function(run.CompositeFunctionId));
        writer.WriteNumber("function_version", 1);
        writer.WriteString("environment_id", ApiIds.Zero);
        writer.WriteString("event_id", run.EventIds.Count > 0 ? run.EventIds[0] : "00000000000000000000000000");
        if (run.OriginalRunId is not null)
        {
            writer.WriteString("original_run_id", run.OriginalRunId);
        }

        if (run.Event.TryGetProperty("name", out var name) && name.ValueEquals("inngest/scheduled.timer")
            && run.Event.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("cron", out var cron) && cron.ValueKind == JsonValueKind.String)
        {
            writer.WriteString("cron", cron.GetString());
        }

        writer.WriteString("status", Status(run.Status));
        if (run.EndedAt is { } ended)
        {
            writer.WriteString("ended_at", ApiTime.Format(ended));
        }
        else
        {
            writer.WriteNull("ended_at");
        }

        switch (run.Status)
        {
            case RunStatus.Completed:
                writer.WritePropertyName("output");
                if (run.Result is { } result)
                {
                    result.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case RunStatus.Failed when run.Error is { } error:
                writer.WritePropertyName("output");
                error.WriteTo(writer);
                break;
            case RunStatus.Cancelled:
                writer.WriteStartObject("output");
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Inngest's run status names (<c>enums.RunStatus</c>): a run that has not started is <c>Scheduled</c>; running,
    /// sleeping and waiting runs are all <c>Running</c>.
    /// </summary>
    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Queued => "Scheduled",
        RunStatus.Completed => "Completed",
        RunStatus.Failed => "Failed",
        RunStatus.Cancelled => "Cancelled",
        _ => "Running",
    };
}
