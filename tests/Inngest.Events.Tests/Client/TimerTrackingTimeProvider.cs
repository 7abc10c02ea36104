using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Tests.Client;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, so a test can see the delay a retry waits
/// for, and advance the clock only once the retry is actually waiting.
/// </summary>
internal sealed class TimerTrackingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> dueTimes = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            dueTimes.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer created.</summary>
    public async Task<TimeSpan> NextTimerAsync() => await dueTimes.Reader.ReadAsync().AsTask().WaitAsync(TestClient.Timeout);
}
