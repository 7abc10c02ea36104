using System.Globalization;
using Inngest.Events.Protocol;
using Inngest.Events.Engine.Scheduling;

namespace Inngest.Events.Engine.Apps;

/// <summary>
/// Checks what the engine must understand to run a function before it is registered: cron schedules, and the durations
/// and sizes of its flow control (design/inngest-protocol.md §7). A function the engine cannot honour is refused with
/// the field and the reason, rather than run without its limits.
/// </summary>
internal static class FunctionValidator
{
    /// <exception cref="ArgumentException">Something is invalid; the message names the function and the field.</exception>
    public static void Validate(InngestFunctionDefinition function)
    {
        foreach (var trigger in function.Triggers)
        {
            if (trigger.Cron is { Length: > 0 })
            {
                CronSchedule.Parse(function, trigger);
            }
        }

        var config = function.Config;
        if (config.Concurrency.Count > 2)
        {
            throw Invalid(function, "concurrency", $"has {config.Concurrency.Count} limits; Inngest allows at most 2");
        }

        if (config.Throttle is { } throttle)
        {
            Positive(function, "throttle.period", throttle.Period);
            NotNegative(function, "throttle.limit", throttle.Limit);
            NotNegative(function, "throttle.burst", throttle.Burst);
        }

        if (config.RateLimit is { } rateLimit)
        {
            Positive(function, "rateLimit.period", rateLimit.Period);
            if (rateLimit.Limit < 1)
            {
                throw Invalid(function, "rateLimit.limit", $"is {rateLimit.Limit}; it must be at least 1");
            }
        }

        if (config.Debounce is { } debounce)
        {
            Positive(function, "debounce.period", debounce.Period);
            if (debounce.Timeout is not null)
            {
                Positive(function, "debounce.timeout", debounce.Timeout);
            }
        }

        if (config.BatchEvents is { } batch)
        {
            Positive(function, "batchEvents.timeout", batch.Timeout);
            if (batch.MaxSize < 1)
            {
                throw Invalid(function, "batchEvents.maxSize", $"is {batch.MaxSize}; it must be at least 1");
            }
        }

        if (config.Timeouts is { } timeouts)
        {
            if (timeouts.Start is not null)
            {
                Positive(function, "timeouts.start", timeouts.Start);
            }

            if (timeouts.Finish is not null)
            {
                Positive(function, "timeouts.finish", timeouts.Finish);
            }
        }
    }

    private static void Positive(InngestFunctionDefinition function, string field, string text)
    {
        if (!TimeStrings.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            throw Invalid(function, field, $"'{text}' is not a positive duration such as '30s', '5m' or '1h'");
        }
    }

    private static void NotNegative(InngestFunctionDefinition function, string field, int value)
    {
        if (value < 0)
        {
            throw Invalid(function, field, $"is {value.ToString(CultureInfo.InvariantCulture)}; it must not be negative");
        }
    }

    private static ArgumentException Invalid(InngestFunctionDefinition function, string field, string problem)
        => new($"The {field} of function '{function.Id}' {problem}.");
}
