using System.Globalization;
using Inngest.Events.Protocol;
using Inngest.Events.Engine.Scheduling;

namespace Inngest.Events.Engine.Apps;

/// <summary>
/// Checks what the engine must understand to run a function before it is registered: cron schedules, and the durations
/// and sizes of its flow control (docs/protocol.md#flow-control). A function the engine cannot honour is refused with
/// the field and the reason, rather than run without its limits.
/// </summary>
internal static class FunctionValidator
{
    /// <summary>Checks the cron triggers.</summary>
    /// <exception cref="ArgumentException">A cron trigger is invalid; the message names the function and the trigger.</exception>
    public static void ValidateTriggers(InngestFunctionDefinition function)
    {
        foreach (var trigger in function.Triggers)
        {
            if (trigger.Cron is { Length: > 0 })
            {
                CronSchedule.Parse(function, trigger);
            }
        }
    }

    /// <summary>Checks the flow control.</summary>
    /// <param name="function">The function.</param>
    /// <param name="name">How messages name it (its id, or its composite id for a synced function).</param>
    /// <exception cref="ArgumentException">Something is invalid; the message names the function and the field.</exception>
    public static void ValidateFlowControl(InngestFunctionDefinition function, string name)
    {
        var config = function.Config;
        if (config.Concurrency.Count > 2)
        {
            throw Invalid(name, "concurrency", $"{config.Concurrency.Count} limits; Inngest allows at most 2");
        }

        foreach (var limit in config.Concurrency)
        {
            if (limit.Scope != ConcurrencyScope.Fn && string.IsNullOrEmpty(limit.Key))
            {
                throw Invalid(name, "concurrency", $"a limit with scope {limit.Scope.ToString().ToLowerInvariant()} has no key; env and account limits need one");
            }
        }

        if (config.Throttle is { } throttle)
        {
            Positive(name, "throttle.period", throttle.Period);
            NotNegative(name, "throttle.limit", throttle.Limit);
            NotNegative(name, "throttle.burst", throttle.Burst);
        }

        if (config.RateLimit is { } rateLimit)
        {
            Positive(name, "rateLimit.period", rateLimit.Period);
            if (rateLimit.Limit < 1)
            {
                throw Invalid(name, "rateLimit.limit", $"{rateLimit.Limit}; it must be at least 1");
            }
        }

        if (config.Debounce is { } debounce)
        {
            Positive(name, "debounce.period", debounce.Period);
            if (debounce.Timeout is not null)
            {
                Positive(name, "debounce.timeout", debounce.Timeout);
            }
        }

        if (config.BatchEvents is { } batch)
        {
            Positive(name, "batchEvents.timeout", batch.Timeout);
            if (batch.MaxSize < 1)
            {
                throw Invalid(name, "batchEvents.maxSize", $"{batch.MaxSize}; it must be at least 1");
            }

            // Inngest's server refuses these combinations (pkg/inngest/function.go, Validate).
            if (config.Cancel.Count > 0)
            {
                throw Invalid(name, "batchEvents", "batching and cancellation (cancelOn) are mutually exclusive");
            }

            if (config.Debounce is not null)
            {
                throw Invalid(name, "batchEvents", "batching and debouncing are mutually exclusive");
            }
        }

        if (config.Timeouts is { } timeouts)
        {
            if (timeouts.Start is not null)
            {
                Positive(name, "timeouts.start", timeouts.Start);
            }

            if (timeouts.Finish is not null)
            {
                Positive(name, "timeouts.finish", timeouts.Finish);
            }
        }
    }

    private static void Positive(string name, string field, string text)
    {
        if (!TimeStrings.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            throw Invalid(name, field, $"'{text}', which is not a positive duration such as '30s', '5m' or '1h'");
        }
    }

    private static void NotNegative(string name, string field, int value)
    {
        if (value < 0)
        {
            throw Invalid(name, field, $"{value.ToString(CultureInfo.InvariantCulture)}; it must not be negative");
        }
    }

    private static ArgumentException Invalid(string name, string field, string problem)
        => new($"The function '{name}' has an invalid {field}: {problem}.");
}
