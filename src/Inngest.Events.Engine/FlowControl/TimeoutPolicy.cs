using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>timeouts</c>: <c>start</c> cancels a run still queued (for its time, its throttle or a concurrency slot) that
/// long after it was due; <c>finish</c> cancels a run that has not ended that long after it started
/// (docs/protocol.md#flow-control). Guarded by the engine's lock.
/// </summary>
internal sealed class TimeoutPolicy(EngineParts parts)
{
    private readonly EngineContext _context = parts.Context;

    public void OnQueued(RunState run)
    {
        if (EngineContext.Duration(run.Function.Config.Timeouts?.Start) is { } start)
        {
            run.StartTimer = new RunTimer(TimerKind.StartTimeout, run, null, 0);
            parts.Timers.Set(run.StartTimer, run.DueAt + start);
        }
    }

    public void OnStarted(RunState run, DateTimeOffset now)
    {
        if (run.StartTimer is not null)
        {
            parts.Timers.Cancel(run.StartTimer);
            run.StartTimer = null;
        }

        if (EngineContext.Duration(run.Function.Config.Timeouts?.Finish) is { } finish)
        {
            run.FinishTimer = new RunTimer(TimerKind.FinishTimeout, run, null, 0);
            parts.Timers.Set(run.FinishTimer, now + finish);
        }
    }

    public void OnEnded(RunState run)
    {
        if (run.StartTimer is not null)
        {
            parts.Timers.Cancel(run.StartTimer);
            run.StartTimer = null;
        }

        if (run.FinishTimer is not null)
        {
            parts.Timers.Cancel(run.FinishTimer);
            run.FinishTimer = null;
        }
    }

    public void Fire(RunTimer timer)
    {
        parts.Timers.Forget(timer);
        var run = timer.Run;
        if (run.IsTerminal)
        {
            return;
        }

        if (timer.Kind == TimerKind.StartTimeout && ReferenceEquals(run.StartTimer, timer))
        {
            run.StartTimer = null;
            if (run.StartedAt is null)
            {
                parts.Finalizer.Cancel(run, $"it waited longer than its start timeout ({run.Function.Config.Timeouts?.Start}) to start");
            }
        }
        else if (timer.Kind == TimerKind.FinishTimeout && ReferenceEquals(run.FinishTimer, timer))
        {
            run.FinishTimer = null;
            parts.Finalizer.Cancel(run, $"it did not finish within its finish timeout ({run.Function.Config.Timeouts?.Finish})");
        }
    }
}
