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
        run.ErrorObject = JsonValues.FunctionError(error);
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
    /// (design/inngest-protocol.md §6). Under the lock.
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
                Resolve(parent, hash, JsonValues.DataMemo(result), StepStatus.Completed, result, null, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} completed");
                break;
            case RunStatus.Failed:
                Resolve(parent, hash, JsonValues.ErrorMemo(run.ErrorObject!.Value), StepStatus.Failed, null, run.Error, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} failed: {run.Error!.Name}: {run.Error.Message}");
                break;
            default:
                var error = new StepError("Error", "function cancelled");
                Resolve(parent, hash, JsonValues.ErrorMemo(JsonValues.FunctionError(error)), StepStatus.Failed, null, error, executed: false,
                    RunTimelineKind.InvokeFinished, $"step {step.Label}: invoked run {run.RunId} was cancelled");
                break;
        }
    }

    /// <summary><c>inngest/function.finished</c> for every ended run, plus <c>.failed</c> or <c>.cancelled</c> (with the run id as event id).</summary>
    private void EmitSystemEvents(RunState run)
    {
        var status = run.Terminal!.Value;
        var data = JsonValues.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("function_id", run.CompositeId);
            writer.WriteString("run_id", run.RunId);
            writer.WritePropertyName("event");
            run.Event.WriteTo(writer);
            writer.WriteStartArray("events");
            foreach (var evt in run.Events)
            {
                evt.WriteTo(writer);
            }

            writer.WriteEndArray();
            if (status == RunStatus.Failed)
            {
                writer.WritePropertyName("error");
                run.ErrorObject!.Value.WriteTo(writer);
            }
            else if (status == RunStatus.Completed)
            {
                writer.WritePropertyName("result");
                (run.Result ?? JsonValues.Null).WriteTo(writer);
            }

            if (run.CorrelationId is not null)
            {
                writer.WriteString("correlation_id", run.CorrelationId);
            }

            writer.WriteStartObject("_inngest");
            writer.WriteString("status", status.ToString());
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

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
