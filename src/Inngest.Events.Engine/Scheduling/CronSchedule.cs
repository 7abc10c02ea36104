using Cronos;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Scheduling;

/// <summary>
/// A function's cron trigger: 5-field (or 6-field, with seconds) cron, the <c>@hourly</c>-style macros, <c>@every 5m</c>,
/// and a <c>TZ=Zone</c> or <c>CRON_TZ=Zone</c> prefix (UTC otherwise), as the robfig parser Inngest uses accepts.
/// </summary>
internal sealed class CronSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan? _every;

    private CronSchedule(InngestFunctionDefinition function, string expression, TimeSpan? jitter, CronExpression? cron, TimeZoneInfo zone, TimeSpan? every)
    {
        Function = function;
        Expression = expression;
        Jitter = jitter;
        _cron = cron;
        _zone = zone;
        _every = every;
    }

    public InngestFunctionDefinition Function { get; }

    /// <summary>The expression as configured (it goes into the event's <c>data.cron</c>).</summary>
    public string Expression { get; }

    public TimeSpan? Jitter { get; }

    /// <exception cref="ArgumentException">The expression, time zone or jitter is invalid.</exception>
    public static CronSchedule Parse(InngestFunctionDefinition function, FunctionTrigger trigger)
    {
        var expression = trigger.Cron!;
        var text = expression.Trim();
        var zone = TimeZoneInfo.Utc;
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOfAny([' ', '\t']);
            if (space < 0)
            {
                throw Invalid(function, expression, "a time zone prefix must be followed by a schedule");
            }

            var zoneId = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            }
            catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw Invalid(function, expression, $"unknown time zone '{zoneId}'");
            }

            text = text[(space + 1)..].Trim();
        }

        TimeSpan? jitter = null;
        if (trigger.Jitter is { Length: > 0 } jitterText)
        {
            if (!TimeStrings.TryParse(jitterText, out var j) || j < TimeSpan.Zero)
            {
                throw Invalid(function, expression, $"invalid jitter '{jitterText}'");
            }

            jitter = j;
        }

        if (text.StartsWith("@every", StringComparison.Ordinal))
        {
            if (!TimeStrings.TryParse(text["@every".Length..].Trim(), out var every) || every <= TimeSpan.Zero)
            {
                throw Invalid(function, expression, "'@every' needs a positive duration such as '@every 5m'");
            }

            return new CronSchedule(function, expression, jitter, null, zone, every);
        }

        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            return new CronSchedule(function, expression, jitter, CronExpression.Parse(text, format), zone, null);
        }
        catch (CronFormatException exception)
        {
            throw Invalid(function, expression, exception.Message);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
        => _every is { } every ? after + every : _cron!.GetNextOccurrence(after, _zone)?.ToUniversalTime();

    private static ArgumentException Invalid(InngestFunctionDefinition function, string expression, string problem)
        => new($"The cron trigger '{expression}' of function '{function.Id}' is invalid: {problem}.");
}
