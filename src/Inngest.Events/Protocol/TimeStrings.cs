using System;
using System.Globalization;
using System.Text;

namespace Inngest.Events.Protocol;

/// <summary>
/// How time travels in the protocol (docs/protocol.md#time): durations as time strings (<c>"1d2h3m4s"</c>) in ops and
/// configs, instants as RFC 3339 text in sleeps and <c>Retry-After</c>.
/// </summary>
/// <remarks>Also compiled into the analyzers (netstandard2.0), which check duration strings with this same parser.</remarks>
internal static class TimeStrings
{
    /// <summary>
    /// Formats <paramref name="duration"/> in days, hours, minutes and seconds, rounding a fraction of a second up;
    /// zero is <c>"0s"</c>. Rounding up means a sleep or a timeout is never shorter than asked. The JS SDK floors
    /// instead (lifting only durations under a second to <c>1s</c>), so 1.5 s is <c>"2s"</c> here and <c>"1s"</c> there:
    /// docs/interop.md, <c>KD-duration-rounding</c>.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        var total = (long)Math.Ceiling(duration.TotalSeconds);
        var text = new StringBuilder();
        Append(text, total / 86400, 'd');
        Append(text, total % 86400 / 3600, 'h');
        Append(text, total % 3600 / 60, 'm');
        Append(text, total % 60, 's');
        return text.ToString();

        static void Append(StringBuilder text, long value, char unit)
        {
            if (value > 0)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }

    /// <summary>Parses a time string (<c>300ms</c>, <c>2h45m</c>, <c>7d</c>, <c>1w</c>); returns false when it is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var i = 0;
        var negative = text[0] == '-';
        if (negative || text[0] == '+')
        {
            i++;
        }

        var any = false;
        var total = TimeSpan.Zero;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(text.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && IsAsciiLetter(text[i]))
            {
                i++;
            }

            var unit = text.Substring(unitStart, i - unitStart);
            double? ms = unit switch
            {
                "ns" => value / 1e6,
                "us" or "µs" => value / 1e3,
                "ms" => value,
                "s" => value * 1e3,
                "m" => value * 60e3,
                "h" => value * 3600e3,
                "d" => value * 86400e3,
                "w" => value * 7 * 86400e3,
                _ => null,
            };
            if (ms is null)
            {
                return false;
            }

            // A value beyond TimeSpan's range is not a duration anyone means; it reads as "not a time string" instead
            // of throwing from a method whose contract is to answer false.
            if (double.IsNaN(ms.Value) || ms.Value >= TimeSpan.MaxValue.TotalMilliseconds - total.TotalMilliseconds)
            {
                return false;
            }

            total += TimeSpan.FromMilliseconds(ms.Value);
            any = true;
        }

        // Only a whole time string sets the result; a false answer leaves it zero.
        duration = negative ? -total : total;
        return any;
    }

    /// <summary>An instant as a <c>Sleep</c> op's <c>opts.duration</c> carries it: RFC 3339 in UTC with milliseconds.</summary>
    public static string FormatInstant(DateTimeOffset instant)
        => instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// When a sleep ends: its <c>opts.duration</c> is a time string or an RFC 3339 time (the server tries text of ten or
    /// more characters as a time first); a time in the past, or a negative duration, ends it at once.
    /// </summary>
    public static bool TryParseSleep(string? text, DateTimeOffset now, out DateTimeOffset until)
    {
        until = now;
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Length >= 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            until = time > now ? time : now;
            return true;
        }

        if (!TryParse(text, out var duration))
        {
            return false;
        }

        until = now + (duration > TimeSpan.Zero ? duration : TimeSpan.Zero);
        return true;
    }

    /// <summary>A <c>Retry-After</c> value for a delay: whole seconds, at least one.</summary>
    public static string FormatRetryAfter(TimeSpan delay)
        => Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>Retry-After</c> value for an instant: RFC 3339 in UTC, to the second.</summary>
    public static string FormatRetryAfter(DateTimeOffset instant)
        => instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The delay a <c>Retry-After</c> value asks for (whole seconds, or a time), kept between zero and the server's
    /// ceiling of 24 hours; false when it is neither.
    /// </summary>
    public static bool TryParseRetryAfter(string? text, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (text is null || text.Length == 0)
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            delay = TimeSpan.FromSeconds(Math.Min(Math.Max(seconds, 0), MaxRetryAfter.TotalSeconds));
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            var until = when - now;
            delay = until < TimeSpan.Zero ? TimeSpan.Zero : until > MaxRetryAfter ? MaxRetryAfter : until;
            return true;
        }

        return false;
    }

    /// <summary>The longest delay a <c>Retry-After</c> can ask for.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
