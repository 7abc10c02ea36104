using System.Buffers;
using System.Text.Json;
using Inngest.Events.DevServer.Api;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui;

/// <summary>
/// A run's history as a versioned JSON document (<c>"format": "inngest-events/run-history", "version": 1</c>),
/// defined in docs/run-history.md: the run, its triggering events, its steps, every call as the protocol carried it
/// (the request body and the response's status, headers and body) and its timeline. Enough to replay the run against
/// the function: the calls say what the function was asked and what it answered, in order.
/// </summary>
internal static class RunHistoryExport
{
    public const string Format = "inngest-events/run-history";

    public const int Version = 1;

    public static byte[] Write(RunRecord run, string appId, DateTimeOffset exportedAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", Version);
            writer.WriteString("exported_at", ApiTime.Format(exportedAt));

            writer.WriteStartObject("run");
            writer.WriteString("run_id", run.RunId);
            writer.WriteString("app_id", appId);
            writer.WriteString("function_id", run.FunctionId);
            writer.WriteString("composite_function_id", run.CompositeFunctionId);
            writer.WriteString("status", run.Status.ToString());
            writer.WriteString("created_at", ApiTime.Format(run.CreatedAt));
            WriteTime(writer, "started_at", run.StartedAt);
            WriteTime(writer, "ended_at", run.EndedAt);
            WriteString(writer, "original_run_id", run.OriginalRunId);
            WriteString(writer, "parent_run_id", run.ParentRunId);
            WriteString(writer, "correlation_id", run.CorrelationId);
            if (run.Result is { } result)
            {
                writer.WritePropertyName("result");
                result.WriteTo(writer);
            }

            if (run.Error is { } error)
            {
                writer.WritePropertyName("error");
                error.WriteTo(writer);
            }

            WriteString(writer, "cancellation_reason", run.CancellationReason);
            writer.WriteEndObject();

            writer.WriteStartArray("events");
            for (var i = 0; i < run.Events.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("internal_id", i < run.EventIds.Count ? run.EventIds[i] : string.Empty);
                writer.WritePropertyName("payload");
                run.Events[i].WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            writer.WriteStartArray("steps");
            foreach (var step in run.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("hash", step.Hash);
                WriteString(writer, "name", step.Name);
                writer.WriteString("op", step.Op);
                writer.WriteString("status", step.Status.ToString());
                writer.WriteNumber("attempts", step.Attempts);
                if (step.Output is { } output)
                {
                    writer.WritePropertyName("output");
                    output.WriteTo(writer);
                }

                if (step.Error is { } stepError)
                {
                    writer.WritePropertyName("error");
                    stepError.WriteTo(writer);
                }

                if (step.Memo is { } memo)
                {
                    writer.WritePropertyName("memo");
                    memo.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            writer.WriteStartArray("stack");
            foreach (var hash in run.Stack)
            {
                writer.WriteStringValue(hash);
            }

            writer.WriteEndArray();

            writer.WriteStartArray("calls");
            foreach (var call in run.Calls)
            {
                writer.WriteStartObject();
                writer.WriteString("time", ApiTime.Format(call.Time));
                writer.WriteString("step_id", call.Request.Ctx.StepId);
                writer.WriteNumber("attempt", call.Request.Ctx.Attempt);
                writer.WritePropertyName("request");
                call.Request.WriteTo(writer);
                writer.WriteStartObject("response");
                writer.WriteNumber("status", call.Response.StatusCode);
                if (call.Response.NoRetry is { } noRetry)
                {
                    writer.WriteBoolean("no_retry", noRetry);
                }

                WriteString(writer, "retry_after", call.Response.RetryAfter);
                writer.WritePropertyName("body");
                using (var body = JsonDocument.Parse(call.Response.ToBody()))
                {
                    body.RootElement.WriteTo(writer);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            writer.WriteStartArray("timeline");
            foreach (var entry in run.Timeline)
            {
                writer.WriteStartObject();
                writer.WriteString("time", ApiTime.Format(entry.Time));
                writer.WriteString("kind", entry.Kind.ToString());
                WriteString(writer, "step", entry.StepName);
                writer.WriteString("message", entry.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, ApiTime.Format(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
