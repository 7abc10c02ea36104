using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports the due time of every timer created on it (<c>Task.Delay</c> with a
/// time provider creates one), so a test can see which interval code waits for, and move the clock only once it waits.
/// </summary>
internal sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (waiting for it if none was created since the last call).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _created.Reader.ReadAsync(guard.Token);
    }
}
