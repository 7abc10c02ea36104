using Xunit;
using Inngest.Events.Protocol;

namespace Inngest.Events.Tests.Runner;

/// <summary>Time strings (docs/protocol.md#time: Go durations plus <c>d</c> and <c>w</c>) as they travel in ops and configs.</summary>
public sealed class TimeStringsTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(-5_000, "0s")]
    [InlineData(1, "1s")]
    [InlineData(1_000, "1s")]
    [InlineData(1_500, "2s")]
    [InlineData(59_999, "1m")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(93_784_000, "1d2h3m4s")]
    [InlineData(7 * 86_400_000L, "7d")]
    public void Format_writes_days_hours_minutes_seconds_rounding_a_fraction_up(long milliseconds, string expected)
        => Assert.Equal(expected, TimeStrings.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("300ms", 300)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2h45m", 9_900_000)]
    [InlineData("7d", 604_800_000)]
    [InlineData("1w", 604_800_000)]
    [InlineData("1d2h3m4s", 93_784_000)]
    [InlineData("-1m", -60_000)]
    [InlineData("1500us", 1.5)]
    public void TryParse_reads_go_durations_with_days_and_weeks(string text, double milliseconds)
    {
        Assert.True(TimeStrings.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("10")]
    [InlineData("1y")]
    [InlineData("h")]
    [InlineData("1h 30m")]
    [InlineData("99999999999999d")]
    [InlineData("9999999999w9999999999w")]
    [InlineData("1e400s")]
    public void TryParse_answers_false_for_what_is_not_a_time_string_even_when_it_overflows(string? text)
    {
        Assert.False(TimeStrings.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(90_000)]
    [InlineData(93_784_000)]
    public void Formatted_whole_seconds_parse_back_to_the_same_duration(long milliseconds)
    {
        Assert.True(TimeStrings.TryParse(TimeStrings.Format(TimeSpan.FromMilliseconds(milliseconds)), out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }
}
