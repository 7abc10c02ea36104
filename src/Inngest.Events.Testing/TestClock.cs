using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Testing;

/// <summary>
/// The virtual clock of an <see cref="InngestTestHost"/>: the engine, the functions and every service that takes a
/// <see cref="TimeProvider"/> read it. It moves only when the host moves it (<see cref="InngestTestHost.AdvanceAsync"/>,
/// <see cref="InngestTestHost.RunUntilIdleAsync"/>, <see cref="InngestTestHost.WaitForRunAsync(string, TimeSpan, Func{TestRun, bool}?)"/>),
/// from one due timer to the next, so nothing waits for real time. Timers that services create on it fire as it passes them.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly FakeTimeProvider _time;

    internal TestClock(DateTimeOffset start)
    {
        Start = start;
        _time = new FakeTimeProvider(start);
    }

    /// <summary>Where the clock started.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>How much virtual time has passed since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => _time.TimestampFrequency;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    /// <inheritdoc/>
    public override long GetTimestamp() => _time.GetTimestamp();

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => _time.CreateTimer(callback, state, dueTime, period);

    /// <summary>The clock's time as an offset from <see cref="Start"/>, as timelines show it: <c>+00:15:00</c>.</summary>
    public string Format(DateTimeOffset time) => FormatOffset(time - Start);

    internal static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        var days = offset.Days > 0 ? $"{offset.Days}d " : string.Empty;
        var fraction = offset.Milliseconds > 0 ? $".{offset.Milliseconds:000}" : string.Empty;
        return $"{sign}{days}{offset.Hours:00}:{offset.Minutes:00}:{offset.Seconds:00}{fraction}";
    }

    /// <summary>A duration as messages show it: <c>15s</c>, <c>1h30m</c>, <c>367d</c>.</summary>
    internal static string FormatDuration(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return duration == TimeSpan.Zero ? "0s" : "-" + FormatDuration(duration.Negate());
        }

        var text = new System.Text.StringBuilder();
        void Part(int value, string unit)
        {
            if (value > 0)
            {
                text.Append(value).Append(unit);
            }
        }

        Part(duration.Days, "d");
        Part(duration.Hours, "h");
        Part(duration.Minutes, "m");
        Part(duration.Seconds, "s");
        Part(duration.Milliseconds, "ms");
        return text.ToString();
    }

    /// <summary>Moves the clock forward to <paramref name="time"/> (never back), firing the timers it passes.</summary>
    internal void AdvanceTo(DateTimeOffset time)
    {
        if (time > _time.GetUtcNow())
        {
            _time.SetUtcNow(time);
        }
    }
}
