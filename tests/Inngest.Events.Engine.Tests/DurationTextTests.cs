using Inngest.Events.Engine.Internal;

namespace Inngest.Events.Engine.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1, "0.0001ms")]
    [InlineData(5_000, "0.5ms")]
    [InlineData(1_000_000, "100ms")]
    [InlineData(9_990_000, "999ms")]
    [InlineData(10_000_000, "1s")]
    [InlineData(15_000_000, "1.5s")]
    [InlineData(150_000_000, "15s")]
    [InlineData(600_000_000, "1m")]
    [InlineData(901_000_000, "1m30.1s")]
    [InlineData(36_000_000_000, "1h")]
    [InlineData(864_010_000_000, "1d1s")]
    [InlineData(-1_000_000, "-100ms")]
    public void Durations_read_as_they_are(long ticks, string expected)
        => Assert.Equal(expected, DurationText.Format(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void The_extremes_format_without_overflow()
    {
        Assert.Equal("10675199d2h48m5.4775807s", DurationText.Format(TimeSpan.MaxValue));
        Assert.StartsWith("-10675199d", DurationText.Format(TimeSpan.MinValue), StringComparison.Ordinal);
    }
}
