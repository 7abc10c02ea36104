using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.Scheduling;

/// <summary>
/// Moves work along: fires due timers (each to the part that owns it), sends due calls through flow control (a run's
/// first call through its throttle, every call through its concurrency limits), and takes calls that may run, up to
/// <see cref="InngestEngineOptions.MaxConcurrency"/>. Counts the calls in flight. Guarded by the engine's lock.
/// </summary>
internal sealed class Dispatcher(EngineParts parts)
{
    private readonly EngineContext _context = parts.Context;

    public int InFlight { get; private set; }

    /// <summary>True when no call runs, none may start and no timer is due.</summary>
    public bool IsIdle => InFlight == 0 && parts.Concurrency.Queued == 0 && !parts.Timers.HasDue(_context.Now);

    /// <summary>Handles every due timer and takes the calls that may start now.</summary>
    public List<StartedCall> Dispatch()
    {
        var now = _context.Now;
        while (parts.Timers.TryTakeDue(now, out var item))
        {
            try
            {
                Route(item);
            }
            catch (Exception exception)
            {
                // A bug in the engine must not stop it; the affected run fails with the error.
                _context.Logger.LogError(exception, "The embedded Inngest engine failed to process a timer.");
                var run = item switch
                {
                    CallWork call => call.Run,
                    RunTimer timer => timer.Run,
                    _ => null,
                };
                if (run is { IsTerminal: false })
                {
                    parts.Finalizer.Fail(run, StepError.From(exception));
                }
            }
        }

        var started = new List<StartedCall>();
        while (InFlight < _context.Options.MaxConcurrency && parts.Concurrency.TryTake(out var call))
        {
            call.Phase = CallPhase.Running;
            InFlight++;
            started.Add(new StartedCall(call, parts.Interpreter.Start(call, now), now));
        }

        return started;
    }

    /// <summary>A call that was taken has returned (or thrown): its slots are free.</summary>
    public void Returned(CallWork call)
    {
        InFlight--;
        parts.Concurrency.Release(call);
    }

    /// <summary>Sends a due call through flow control.</summary>
    public void Admit(CallWork call)
    {
        call.Phase = CallPhase.Waiting;
        if (parts.Throttle.Applies(call))
        {
            parts.Throttle.Enqueue(call);
        }
        else
        {
            parts.Concurrency.Enqueue(call);
        }
    }

    private void Route(WorkItem item)
    {
        switch (item)
        {
            case CallWork call when call.Run.IsTerminal:
                parts.Interpreter.Drop(call);
                break;
            case CallWork call:
                Admit(call);
                break;
            case RunTimer { Kind: TimerKind.StartTimeout or TimerKind.FinishTimeout } timer:
                parts.Timeouts.Fire(timer);
                break;
            case RunTimer timer:
                parts.Interpreter.Fire(timer);
                break;
            case CronWork cron:
                parts.Crons.Fire(cron);
                break;
            case BufferTimer { Kind: TimerKind.Debounce } debounce:
                parts.Debounce.Fire(debounce);
                break;
            case BufferTimer batch:
                parts.Batch.Fire(batch);
                break;
            case ThrottleWake wake:
                parts.Throttle.Wake(wake);
                break;
        }
    }
}
