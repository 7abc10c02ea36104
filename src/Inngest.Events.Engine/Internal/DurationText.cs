using System.Globalization;
using System.Text;

namespace Inngest.Events.Engine.Internal;

/// <summary>
/// Durations as people read them in timelines and messages (<c>100ms</c>, <c>1.5s</c>, <c>2m30s</c>), exact to the tick.
/// Not the wire format: <see cref="Inngest.Events.Protocol.TimeStrings.Format"/> rounds up to whole seconds, which is
/// right for a sleep sent to Inngest and wrong for saying how long a 100 ms backoff is.
/// </summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration == TimeSpan.MinValue ? TimeSpan.MaxValue : duration.Negate());
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return Number((decimal)duration.Ticks / TimeSpan.TicksPerMillisecond) + "ms";
        }

        var text = new StringBuilder();
        Append(text, duration.Days, "d");
        Append(text, duration.Hours, "h");
        Append(text, duration.Minutes, "m");
        var seconds = (decimal)(duration.Ticks % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond;
        if (seconds != 0)
        {
            text.Append(Number(seconds)).Append('s');
        }

        return text.ToString();

        static void Append(StringBuilder text, int value, string unit)
        {
            if (value != 0)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }

    private static string Number(decimal value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
