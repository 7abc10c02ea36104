using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Execution;

/// <summary>
/// Ends runs: completes, fails or cancels them, drops their pauses, timers and queued calls, frees their singleton slot,
/// resumes the run that invoked them, and emits the <c>inngest/function.*</c> system events (
/// docs/protocol.md#system-events). Also applies <c>cancelOn</c> rules to incoming events. Guarded by the engine's lock.
/// </summary>
internal sealed class RunFinalizer(EngineParts parts)
{
    private readonly EngineContext _context = parts.Context;

    public void Complete(RunState run, JsonElement result)
    {
        run.Terminal = RunStatus.Completed;
        run.Result = result;
        _context.AddTimeline(run, RunTimelineKind.Completed, null, "completed");
        Finalize(run);
    }

    public void Fail(RunState run, StepError error)
    {
        run.Terminal = RunStatus.Failed;
        run.Error = error;
        run.ErrorObject = FunctionError.From(error);
        _context.AddTimeline(run, RunTimelineKind.Failed, null, $"failed: {error.Name}: {error.Message}");
        Finalize(run);
    }

    public void Cancel(RunState run, string reason)
    {
        run.Terminal = RunStatus.Cancelled;
        run.CancellationReason = reason;
        _context.AddTimeline(run, RunTimelineKind.Cancelled, null, $"cancelled: {reason}");
        Finalize(run);
    }

    /// <summary>Cancels the runs whose cancel-on rules <paramref name="evt"/> matches.</summary>
    public void CancelRunsOn(EventRecord evt, long sequence, DateTimeOffset now)
    {
        foreach (var run in parts.Runs.CancelCandidates(evt.Name))
        {
            if (run.IsTerminal || run.CreatedSequence >= sequence)
            {
                continue;
            }

            foreach (var rule in run.Function.Config.Cancel)
            {
                if (!string.Equals(rule.Event, evt.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                var window = EngineContext.Duration(rule.Timeout) ?? _context.Options.DefaultCancelTimeout;
                if (now > run.CreatedAt + window)
                {
                    continue;
                }

                if (rule.If is null || _context.IsTruthy(rule.If, run.Event, evt.Payload, $"cancel rule of function '{run.Function.Id}'"))
                {
                    Cancel(run, $"cancelled by '{evt.Name}' ({evt.InternalId})");
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Ends a run: drops its pauses and timers, resumes the run that invoked it, and emits the system events.
    /// </summary>
    private void Finalize(RunState run)
    {
        run.EndedAt = _context.Now;
        _context.Changes.RunChanged(run);
        parts.Waits.RemoveAll(run);
        foreach (var pending in run.Pending.Values)
        {
            _context.Changes.PendingDeleted(run, pending.Hash);
            if (pending.Timer is { } timer)
            {
                parts.Timers.Cancel(timer);
            }
        }

        run.Pending.Clear();

        // Calls not due yet are cancelled. Calls waiting for flow control stay where they wait and are dropped when
        // they come up; a call that is running keeps its slot until it returns. Their rows go now.
        foreach (var call in run.Outstanding.ToArray())
        {
            if (call.Phase == CallPhase.Timed)
            {
                parts.Timers.Cancel(call);
                run.Outstanding.Remove(call);
            }
            else
            {
                parts.Timers.Forget(call);
            }
        }

        parts.Timeouts.OnEnded(run);
        parts.Singleton.Release(run);
        parts.Runs.Remove(run);
        ResumeParent(run);
        if (!run.SuppressSystemEvents)
        {
            EmitSystemEvents(run);
        }

        _context.Signal();
    }

    private void ResumeParent(RunState run)
    {
        if (run.ParentRunId is null
            || !parts.Runs.TryGet(run.ParentRunId, out var parent)
            || parent.IsTerminal
            || run.ParentStepHash is not { } hash
            || !parent.Pending.TryGetValue(hash, out var pending)
            || pending.CorrelationId != run.CorrelationId)
        {
            return;
        }

        var step = parent.StepsByHash[hash];
        switch (run.Terminal)
        {
            case RunStatus.Completed:
                var result = run.Result ?? JsonValues.Null;
                parts.Interpreter.Resolve(parent, hash, StepMemo.EncodeData(result), StepStatus.Completed, result, null, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} completed");
                break;
            case RunStatus.Failed:
                parts.Interpreter.Resolve(parent, hash, StepMemo.EncodeError(run.ErrorObject!), StepStatus.Failed, null, run.Error, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} failed: {run.Error!.Name}: {run.Error.Message}");
                break;
            default:
                var error = new StepError("Error", "function cancelled");
                parts.Interpreter.Resolve(parent, hash, StepMemo.EncodeError(FunctionError.From(error)), StepStatus.Failed, null, error, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} was cancelled");
                break;
        }
    }

    /// <summary><c>inngest/function.finished</c> for every ended run, plus <c>.failed</c> or <c>.cancelled</c> (with the run id as event id).</summary>
    private void EmitSystemEvents(RunState run)
    {
        var status = run.Terminal!.Value;
        var data = SystemEventPayloads.RunEnded(new FunctionFinished(
            run.CompositeId,
            run.RunId,
            run.Event,
            run.Events,
            Result: status == RunStatus.Completed ? run.Result ?? JsonValues.Null : null,
            Error: status == RunStatus.Failed ? run.ErrorObject : null,
            CorrelationId: run.CorrelationId,
            Inngest: new RunEndMetadata(status.ToString())));

        parts.Ingestor.IngestSystemEvent(SystemEventNames.FunctionFinished, null, null, data, fanOut: true);
        if (status == RunStatus.Failed)
        {
            parts.Ingestor.IngestSystemEvent(SystemEventNames.FunctionFailed, run.RunId, null, data, fanOut: true);
        }
        else if (status == RunStatus.Cancelled)
        {
            parts.Ingestor.IngestSystemEvent(SystemEventNames.FunctionCancelled, run.RunId, null, data, fanOut: true);
        }
    }
}
