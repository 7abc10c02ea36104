using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

public sealed partial class InngestEngine
{
    private void Complete(RunState run, JsonElement result)
    {
        run.Terminal = RunStatus.Completed;
        run.Result = result;
        AddTimeline(run, RunTimelineKind.Completed, null, "completed");
        Finalize(run);
    }

    private void Fail(RunState run, StepError error)
    {
        run.Terminal = RunStatus.Failed;
        run.Error = error;
        run.ErrorObject = Inngest.Events.FunctionError.From(error);
        AddTimeline(run, RunTimelineKind.Failed, null, $"failed: {error.Name}: {error.Message}");
        Finalize(run);
    }

    private void Cancel(RunState run, string reason)
    {
        run.Terminal = RunStatus.Cancelled;
        run.CancellationReason = reason;
        AddTimeline(run, RunTimelineKind.Cancelled, null, $"cancelled: {reason}");
        Finalize(run);
    }

    /// <summary>
    /// Ends a run: drops its pauses and timers, resumes the run that invoked it, and emits the system events
    /// (docs/protocol.md#system-events). Under the lock.
    /// </summary>
    private void Finalize(RunState run)
    {
        run.EndedAt = _time.GetUtcNow();
        _waits.RemoveAll(wait => wait.Run == run);
        run.Pending.Clear();
        _active.Remove(run);
        ResumeParent(run);
        if (!run.SuppressSystemEvents)
        {
            EmitSystemEvents(run);
        }

        Signal();
    }

    private void ResumeParent(RunState run)
    {
        if (run.Parent is not { IsTerminal: false } parent
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
                Resolve(parent, hash, StepMemo.EncodeData(result), StepStatus.Completed, result, null, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} completed");
                break;
            case RunStatus.Failed:
                Resolve(parent, hash, StepMemo.EncodeError(run.ErrorObject!), StepStatus.Failed, null, run.Error, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} failed: {run.Error!.Name}: {run.Error.Message}");
                break;
            default:
                var error = new StepError("Error", "function cancelled");
                Resolve(parent, hash, StepMemo.EncodeError(Inngest.Events.FunctionError.From(error)), StepStatus.Failed, null, error, executed: false,
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

        IngestSystemEvent(FunctionFinished, null, null, data, fanOut: true);
        if (status == RunStatus.Failed)
        {
            IngestSystemEvent(FunctionFailed, run.RunId, null, data, fanOut: true);
        }
        else if (status == RunStatus.Cancelled)
        {
            IngestSystemEvent(FunctionCancelled, run.RunId, null, data, fanOut: true);
        }
    }
}
