using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Writes a function's configuration as Inngest syncs it (docs/protocol.md#function-configuration): the composite id, the
/// name, the triggers, the one <c>step</c> entry with the URL Inngest calls, and every flow-control setting that is
/// set. Unset settings are left out, so Inngest applies its defaults.
/// </summary>
internal static class FunctionConfigWriter
{
    /// <summary>Writes the config object of <paramref name="function"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="function">The function.</param>
    /// <param name="appId">The app id; the function is known to Inngest as <c>{appId}-{id}</c>.</param>
    /// <param name="appUrl">The serve URL Inngest calls, e.g. <c>https://app.example.com/api/inngest</c>.</param>
    public static void Write(Utf8JsonWriter writer, InngestFunctionDefinition function, string appId, Uri appUrl)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentNullException.ThrowIfNull(appUrl);
        var id = function.CompositeId(appId);
        var config = function.Config;

        writer.WriteStartObject();
        writer.WriteString("id", id);

        // Like the official SDKs, a function without a display name is shown by its id.
        writer.WriteString("name", function.Name ?? function.Id);
        WriteTriggers(writer, function.Triggers);

        writer.WriteStartObject("steps");
        writer.WriteStartObject(StepIds.Discovery);
        writer.WriteString("id", StepIds.Discovery);
        writer.WriteString("name", StepIds.Discovery);
        writer.WriteStartObject("runtime");
        writer.WriteString("type", "http");
        writer.WriteString("url", StepUrl(appUrl, id));
        writer.WriteEndObject();
        if (config.Retries is { } retries)
        {
            writer.WriteStartObject("retries");
            writer.WriteNumber("attempts", retries);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        if (config.Concurrency.Count > 0)
        {
            writer.WriteStartArray("concurrency");
            foreach (var limit in config.Concurrency)
            {
                writer.WriteStartObject();
                writer.WriteNumber("limit", limit.Limit);
                WriteIfSet(writer, "key", limit.Key);
                writer.WriteString("scope", Scope(limit.Scope));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (config.Throttle is { } throttle)
        {
            writer.WriteStartObject("throttle");
            writer.WriteNumber("limit", throttle.Limit);
            writer.WriteString("period", throttle.Period);
            if (throttle.Burst != 0)
            {
                writer.WriteNumber("burst", throttle.Burst);
            }

            WriteIfSet(writer, "key", throttle.Key);
            writer.WriteEndObject();
        }

        if (config.RateLimit is { } rateLimit)
        {
            writer.WriteStartObject("rateLimit");
            writer.WriteNumber("limit", rateLimit.Limit);
            writer.WriteString("period", rateLimit.Period);
            WriteIfSet(writer, "key", rateLimit.Key);
            writer.WriteEndObject();
        }

        if (config.Debounce is { } debounce)
        {
            writer.WriteStartObject("debounce");
            writer.WriteString("period", debounce.Period);
            WriteIfSet(writer, "key", debounce.Key);
            WriteIfSet(writer, "timeout", debounce.Timeout);
            writer.WriteEndObject();
        }

        if (config.BatchEvents is { } batch)
        {
            writer.WriteStartObject("batchEvents");
            writer.WriteNumber("maxSize", batch.MaxSize);
            writer.WriteString("timeout", batch.Timeout);
            WriteIfSet(writer, "key", batch.Key);
            WriteIfSet(writer, "if", batch.If);
            writer.WriteEndObject();
        }

        if (config.Priority is { } priority)
        {
            writer.WriteStartObject("priority");
            writer.WriteString("run", priority);
            writer.WriteEndObject();
        }

        WriteIfSet(writer, "idempotency", config.Idempotency);

        if (config.Singleton is { } singleton)
        {
            writer.WriteStartObject("singleton");
            WriteIfSet(writer, "key", singleton.Key);
            writer.WriteString("mode", singleton.Mode == SingletonMode.Cancel ? "cancel" : "skip");
            writer.WriteEndObject();
        }

        if (config.Timeouts is { Start: not null } or { Finish: not null })
        {
            writer.WriteStartObject("timeouts");
            WriteIfSet(writer, "start", config.Timeouts.Start);
            WriteIfSet(writer, "finish", config.Timeouts.Finish);
            writer.WriteEndObject();
        }

        if (config.Cancel.Count > 0)
        {
            writer.WriteStartArray("cancel");
            foreach (var cancel in config.Cancel)
            {
                writer.WriteStartObject();
                writer.WriteString("event", cancel.Event);
                WriteIfSet(writer, "if", cancel.If);
                WriteIfSet(writer, "timeout", cancel.Timeout);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>The URL Inngest calls the function at: the serve URL plus <c>fnId={compositeId}&amp;stepId=step</c>.</summary>
    /// <param name="appUrl">The serve URL.</param>
    /// <param name="compositeId">The function's composite id.</param>
    public static string StepUrl(Uri appUrl, string compositeId)
    {
        ArgumentNullException.ThrowIfNull(appUrl);
        var builder = new UriBuilder(appUrl);
        var query = builder.Query.TrimStart('?');
        var extra = $"{ServeQuery.FunctionId}={Uri.EscapeDataString(compositeId)}&{ServeQuery.StepId}={StepIds.Discovery}";
        builder.Query = query.Length == 0 ? extra : query + "&" + extra;
        return builder.Uri.AbsoluteUri;
    }

    private static void WriteTriggers(Utf8JsonWriter writer, IReadOnlyList<FunctionTrigger> triggers)
    {
        writer.WriteStartArray("triggers");
        foreach (var trigger in triggers)
        {
            writer.WriteStartObject();
            if (trigger.Cron is { } cron)
            {
                writer.WriteString("cron", cron);
                WriteIfSet(writer, "jitter", trigger.Jitter);
            }
            else
            {
                writer.WriteString("event", trigger.Event);
                WriteIfSet(writer, "expression", trigger.Expression);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Scope(ConcurrencyScope scope) => scope switch
    {
        ConcurrencyScope.Env => "env",
        ConcurrencyScope.Account => "account",
        _ => "fn",
    };

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
