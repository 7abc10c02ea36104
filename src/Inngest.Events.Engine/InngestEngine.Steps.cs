using System.Globalization;
using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

public sealed partial class InngestEngine
{
    /// <summary>A <c>Sleep</c> op: a timer, then <c>null</c> is stored. Under the lock.</summary>
    private void StartSleep(RunState run, StepOp op, DateTimeOffset now)
    {
        if (IsKnown(run, op.Id))
        {
            return;
        }

        var step = run.GetOrAddStep(op.Id, op, OpCodes.Sleep);
        var text = JsonValues.GetString(op.Opts ?? default, "duration") ?? op.Name;
        if (SleepUntil(text, now) is not { } until)
        {
            Fail(run, new StepError("Error", $"The sleep of step {step.Label} has an invalid duration '{text}'."));
            return;
        }

        step.Status = StepStatus.Sleeping;
        var pending = new PendingStep(op.Id, PendingKind.Sleep, ++_tokens) { Race = IsRace(op), ExpiresAt = until };
        run.Pending[op.Id] = pending;
        AddTimeline(run, RunTimelineKind.Sleeping, step.Name, $"step {step.Label} sleeping until {until.ToString("O", CultureInfo.InvariantCulture)}");
        Enqueue(new TimerWork(TimerKind.WakeSleep, run, op.Id, pending.Token), until);
    }

    /// <summary>When a sleep ends (<see cref="TimeStrings.TryParseSleep"/>).</summary>
    private static DateTimeOffset? SleepUntil(string? text, DateTimeOffset now)
        => TimeStrings.TryParseSleep(text, now, out var until) ? until : null;

    /// <summary>
    /// A <c>WaitForEvent</c> op: a pause that only events ingested from now on can match, by name and <c>if</c>
    /// (<c>event</c> = the trigger, <c>async</c> = the candidate), until its timeout (an empty timeout expires at once). Under the lock.
    /// </summary>
    private void StartWait(RunState run, StepOp op, DateTimeOffset now)
    {
        if (IsKnown(run, op.Id))
        {
            return;
        }

        var opts = op.Opts ?? default;
        var step = run.GetOrAddStep(op.Id, op, OpCodes.WaitForEvent);
        var eventName = JsonValues.GetString(opts, "event") ?? op.Name;
        var timeout = Duration(JsonValues.GetString(opts, "timeout")) is { } t && t > TimeSpan.Zero ? t : TimeSpan.Zero;
        var pending = new PendingStep(op.Id, PendingKind.Wait, ++_tokens)
        {
            Race = IsRace(op),
            EventName = eventName,
            If = JsonValues.GetString(opts, "if"),
            CreatedSequence = _eventSequence,
            ExpiresAt = now + timeout,
        };
        step.Status = StepStatus.Waiting;
        run.Pending[op.Id] = pending;
        _waits.Add((run, pending));
        AddTimeline(run, RunTimelineKind.Waiting, step.Name,
            $"step {step.Label} waiting for '{eventName}'{(pending.If is null ? string.Empty : $" if {pending.If}")} until {pending.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)}");
        Enqueue(new TimerWork(TimerKind.ExpireWait, run, op.Id, pending.Token), pending.ExpiresAt);
    }

    /// <summary>
    /// An <c>InvokeFunction</c> op: an <c>inngest/function.invoked</c> event starts the target function, whose result
    /// (or error) is stored when it finishes, or a timeout error when it takes too long. Under the lock.
    /// </summary>
    private void StartInvoke(RunState run, StepOp op, DateTimeOffset now)
    {
        if (IsKnown(run, op.Id))
        {
            return;
        }

        var opts = op.Opts ?? default;
        var step = run.GetOrAddStep(op.Id, op, OpCodes.InvokeFunction);
        var functionId = JsonValues.GetString(opts, "function_id");
        var timeout = Duration(JsonValues.GetString(opts, "timeout")) ?? _options.DefaultInvokeTimeout;
        var correlationId = $"{run.RunId}.{op.Id}";
        var pending = new PendingStep(op.Id, PendingKind.Invoke, ++_tokens) { Race = IsRace(op), CorrelationId = correlationId, ExpiresAt = now + timeout };
        step.Status = StepStatus.Invoking;
        run.Pending[op.Id] = pending;

        var target = functionId is null ? null : FindInvokable(functionId);
        if (target is null)
        {
            var error = new StepError("Error", $"The function '{functionId}' to invoke was not found in app '{AppId}'.");
            Resolve(run, op.Id, StepMemo.EncodeError(Inngest.Events.FunctionError.From(error)), StepStatus.Failed, null, error, executed: false,
                RunTimelineKind.InvokeFinished, $"step {step.Label} could not invoke '{functionId}': not found");
            return;
        }

        AddTimeline(run, RunTimelineKind.Invoking, step.Name, $"step {step.Label} invoking '{CompositeIdOf(target)}'");
        var payload = opts.ValueKind == JsonValueKind.Object && opts.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var userData = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("data", out var d) ? d : default;
        var data = SystemEventPayloads.Invoked(userData, new FunctionInvokedMetadata(
            CompositeIdOf(target), correlationId, pending.ExpiresAt.ToUnixTimeMilliseconds(), FunctionInvoked, AppIdOf(run.Function), run.CompositeId, 1));
        var user = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u.Clone() : JsonValues.EmptyObject;
        var version = JsonValues.GetString(payload, "v");
        var evt = Ingest(new ParsedEvent(FunctionInvoked, data, null, null, user, version), fanOut: false);
        ScheduleRun(target, evt, _eventSequence, now, correlationId, run, op.Id);
        Enqueue(new TimerWork(TimerKind.ExpireInvoke, run, op.Id, pending.Token), pending.ExpiresAt);
    }

    private InngestFunctionDefinition? FindInvokable(string functionId)
    {
        foreach (var function in _functions)
        {
            if (CompositeIdOf(function) == functionId || function.Id == functionId)
            {
                return function;
            }
        }

        return null;
    }
}
