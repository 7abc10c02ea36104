using System;
using System.Globalization;
using System.Text;

namespace Inngest.Events.Protocol;

/// <summary>Inngest time strings (<c>"1d2h3m4s"</c>): how durations travel in ops and configs.</summary>
/// <remarks>Also compiled into the analyzers (netstandard2.0), which check duration strings with this same parser.</remarks>
public static class TimeStrings
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

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
