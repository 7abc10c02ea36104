using System.Globalization;
using System.Text.Json;

namespace Inngest.Events.Engine.Http;

/// <summary>
/// Reads a function's sync config (docs/protocol.md#function-configuration) into a definition the engine can schedule: triggers,
/// retries and flow control. Its handler is never called: the function runs wherever its step URL points.
/// </summary>
internal static class FunctionConfigReader
{
    /// <exception cref="InngestSyncException">The config is invalid; the message names the function and the field.</exception>
    public static RemoteFunction Read(JsonElement config, string appId)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("?", "a function config must be a JSON object");
        }

        var compositeId = String(config, "id") is { Length: > 0 } id ? id : throw Invalid("?", "'id' is required");
        var shortId = compositeId.StartsWith(appId + "-", StringComparison.Ordinal) && compositeId.Length > appId.Length + 1
            ? compositeId[(appId.Length + 1)..]
            : compositeId;

        var (stepUrl, stepRetries) = ReadStep(config, compositeId);
        int? retries = stepRetries;
        if (retries is null && config.TryGetProperty("retries", out var sugar) && sugar.ValueKind == JsonValueKind.Number)
        {
            retries = sugar.GetInt32();
        }

        if (retries is < 0 or > 20)
        {
            throw Invalid(compositeId, $"retries must be between 0 and 20, not {retries}");
        }

        var definition = new InngestFunctionDefinition
        {
            Id = shortId,
            Name = String(config, "name"),
            Triggers = ReadTriggers(config, compositeId),
            Config = new FunctionConfig
            {
                Retries = retries,
                Concurrency = ReadConcurrency(config, compositeId),
                Throttle = Object(config, "throttle") is { } t
                    ? new ThrottleConfig(Int(t, "limit", compositeId, "throttle.limit") ?? throw Invalid(compositeId, "throttle.limit is required"),
                        String(t, "period") ?? throw Invalid(compositeId, "throttle.period is required"), Int(t, "burst", compositeId, "throttle.burst") ?? 0, String(t, "key"))
                    : null,
                RateLimit = Object(config, "rateLimit") is { } r
                    ? new RateLimitConfig(Int(r, "limit", compositeId, "rateLimit.limit") ?? throw Invalid(compositeId, "rateLimit.limit is required"),
                        String(r, "period") ?? throw Invalid(compositeId, "rateLimit.period is required"), String(r, "key"))
                    : null,
                Debounce = Object(config, "debounce") is { } d
                    ? new DebounceConfig(String(d, "period") ?? throw Invalid(compositeId, "debounce.period is required"), String(d, "key"), String(d, "timeout"))
                    : null,
                BatchEvents = Object(config, "batchEvents") is { } b
                    ? new BatchConfig(Int(b, "maxSize", compositeId, "batchEvents.maxSize") ?? throw Invalid(compositeId, "batchEvents.maxSize is required"),
                        String(b, "timeout") ?? throw Invalid(compositeId, "batchEvents.timeout is required"), String(b, "key"), String(b, "if"))
                    : null,
                Priority = Object(config, "priority") is { } p ? String(p, "run") : null,
                Idempotency = String(config, "idempotency"),
                Singleton = Object(config, "singleton") is { } s
                    ? new SingletonConfig(String(s, "mode") == "cancel" ? SingletonMode.Cancel : SingletonMode.Skip, String(s, "key"))
                    : null,
                Timeouts = Object(config, "timeouts") is { } timeouts ? new TimeoutsConfig(String(timeouts, "start"), String(timeouts, "finish")) : null,
                Cancel = ReadCancel(config, compositeId),
            },
            Handler = static _ => throw new InvalidOperationException("This function is served over HTTP; the engine calls it at its URL."),
        };

        return new RemoteFunction(definition, compositeId, stepUrl, config.GetRawText(), appId);
    }

    private static (Uri Url, int? Retries) ReadStep(JsonElement config, string id)
    {
        if (Object(config, "steps") is not { } steps)
        {
            throw Invalid(id, "'steps' is required and must hold one step with a runtime URL");
        }

        foreach (var step in steps.EnumerateObject())
        {
            if (step.Value.ValueKind != JsonValueKind.Object
                || Object(step.Value, "runtime") is not { } runtime
                || String(runtime, "url") is not { } text)
            {
                throw Invalid(id, $"step '{step.Name}' has no runtime.url");
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw Invalid(id, $"step '{step.Name}' has the URL '{text}', which is not an absolute http(s) URL");
            }

            int? retries = Object(step.Value, "retries") is { } r ? Int(r, "attempts", id, "retries.attempts") : null;
            return (url, retries);
        }

        throw Invalid(id, "'steps' must hold one step with a runtime URL");
    }

    private static IReadOnlyList<FunctionTrigger> ReadTriggers(JsonElement config, string id)
    {
        if (!config.TryGetProperty("triggers", out var triggers) || triggers.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (triggers.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(id, "'triggers' must be an array");
        }

        var list = new List<FunctionTrigger>();
        foreach (var trigger in triggers.EnumerateArray())
        {
            if (trigger.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(id, "each trigger must be an object");
            }

            if (String(trigger, "event") is { Length: > 0 } name)
            {
                list.Add(FunctionTrigger.ForEvent(name, String(trigger, "expression")));
            }
            else if (String(trigger, "cron") is { Length: > 0 } cron)
            {
                list.Add(FunctionTrigger.ForCron(cron, String(trigger, "jitter")));
            }
            else
            {
                throw Invalid(id, "each trigger needs an 'event' or a 'cron'");
            }
        }

        return list;
    }

    /// <summary><c>concurrency</c> is a number, an object or an array of objects (the server accepts all three).</summary>
    private static IReadOnlyList<ConcurrencyLimit> ReadConcurrency(JsonElement config, string id)
    {
        if (!config.TryGetProperty("concurrency", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        ConcurrencyLimit One(JsonElement limit) => limit.ValueKind switch
        {
            JsonValueKind.Number => new ConcurrencyLimit(limit.GetInt32()),
            JsonValueKind.Object => new ConcurrencyLimit(
                Int(limit, "limit", id, "concurrency.limit") ?? throw Invalid(id, "concurrency.limit is required"),
                String(limit, "key"),
                String(limit, "scope") switch
                {
                    "env" => ConcurrencyScope.Env,
                    "account" => ConcurrencyScope.Account,
                    _ => ConcurrencyScope.Fn,
                }),
            _ => throw Invalid(id, "concurrency must be a number, an object or an array of objects"),
        };

        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(One).ToArray() : [One(value)];
    }

    private static IReadOnlyList<CancelOn> ReadCancel(JsonElement config, string id)
    {
        if (!config.TryGetProperty("cancel", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(id, "'cancel' must be an array");
        }

        return value.EnumerateArray()
            .Select(c => new CancelOn(String(c, "event") ?? throw Invalid(id, "each cancel rule needs an 'event'"), String(c, "if"), String(c, "timeout")))
            .ToArray();
    }

    private static JsonElement? Object(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name, string id, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw Invalid(id, $"{path} must be an integer");
    }

    private static InngestSyncException Invalid(string id, string problem)
        => new(400, $"The function '{id}' is invalid: {problem}.");
}
