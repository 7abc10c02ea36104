using System;
using Inngest.Events.Protocol;

namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>
/// What a duration string must be at one place: a time string the runtime's <see cref="TimeStrings"/> parser reads,
/// within the range Inngest documents for that option (see the INNG4006 page for the table).
/// </summary>
/// <param name="Min">The shortest accepted duration (exclusive of zero when <see cref="TimeSpan.Zero"/>: durations must be positive).</param>
/// <param name="Max">The longest accepted duration, or null when Inngest documents none.</param>
/// <param name="Range">The accepted range, as messages state it.</param>
/// <param name="GoDuration">True where the server parses with Go's time.ParseDuration, which has no 'd' or 'w' units.</param>
internal sealed record DurationRule(TimeSpan Min, TimeSpan? Max, string Range, bool GoDuration = false)
{
    public static readonly DurationRule Positive = new(TimeSpan.Zero, null, "durations longer than 0");

    /// <summary>Throttle periods: positive (Inngest's docs give 1s to 7d).</summary>
    public static readonly DurationRule ThrottlePeriod = Positive;

    /// <summary>Rate-limit periods: at most 24 hours.</summary>
    public static readonly DurationRule RateLimitPeriod = new(TimeSpan.Zero, TimeSpan.FromHours(24), "more than 0 and at most 24h");

    /// <summary>Debounce periods: 1s to 7d.</summary>
    public static readonly DurationRule DebouncePeriod = new(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), "1s to 7d");

    /// <summary>Batch timeouts: at least 1s, at most the largest plan cap of 5 minutes, Go units only.</summary>
    public static readonly DurationRule BatchTimeout = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "1s to 5m", GoDuration: true);

    /// <summary>Cron jitter: 1s to 5m.</summary>
    public static readonly DurationRule CronJitter = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "1s to 5m");

    /// <summary>What is wrong with <paramref name="text"/>, as the end of a sentence, or null when it is fine.</summary>
    public string? Check(string text)
    {
        TimeSpan duration;
        try
        {
            if (!TimeStrings.TryParse(text, out duration))
            {
                return "is not a time string; write a number and a unit, e.g. '30s', '5m', '2h' or '7d' (units: ns, us, ms, s, m, h, d, w)";
            }
        }
        catch (OverflowException)
        {
            return "is longer than any duration can be";
        }

        if (GoDuration && (text.IndexOf('d') >= 0 || text.IndexOf('w') >= 0))
        {
            return "uses a 'd' or 'w' unit, which Inngest does not accept here (it reads this value as a Go duration: ns, us, ms, s, m, h)";
        }

        var tooShort = Min == TimeSpan.Zero ? duration <= TimeSpan.Zero : duration < Min;
        if (tooShort || (Max is { } max && duration > max))
        {
            return "is out of range; Inngest accepts " + Range;
        }

        return null;
    }
}
