using System.Globalization;
using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

public sealed partial class InngestEngine
{
    /// <summary>The final-result op (docs/protocol.md#ops), not in <see cref="OpCodes"/>.</summary>
    private const string RunCompleteOp = "RunComplete";

    /// <summary>Interprets a call response (docs/protocol.md#the-embedded-engine steps 4–5). Under the lock.</summary>
    private void Apply(CallWork call, CallRequest request, CallResponse response, DateTimeOffset startedAt)
    {
        var run = call.Run;
        run.Calls.Add(new CallRecord(startedAt, request, response));
        run.VersionPinned = true;
        if (call.IsDiscovery)
        {
            run.DiscoveryScheduled = false;
        }

        if (run.IsTerminal)
        {
            // A cancelled run's last call finished: its outcome is discarded.
            return;
        }

        switch (response.StatusCode)
        {
            case 200:
                Complete(run, response.Result ?? JsonValues.Null);
                break;
            case 206 when response.Ops.Count > 0:
                ApplyOps(run, call, response);
                break;
            case 206:
                FunctionError(run, call, response with { StatusCode = 500, Error = new StepError("Error", "The function answered 206 without any op.") });
                break;
            default:
                FunctionError(run, call, response);
                break;
        }
    }

    /// <summary>The function failed outside steps (or the call failed): retry the same call with backoff, or fail the run.</summary>
    private void FunctionError(RunState run, CallWork call, CallResponse response)
    {
        var error = response.Error ?? new StepError("Error", $"The function answered {response.StatusCode.ToString(CultureInfo.InvariantCulture)} without an error.");
        var nonRetriable = response.NoRetry == true || (response.StatusCode is >= 400 and < 500 && response.NoRetry != false);
        if (nonRetriable || call.Attempt + 1 >= run.MaxAttempts)
        {
            Fail(run, error);
            return;
        }

        var delay = RetryDelay(call.Attempt, response.RetryAfter);
        AddTimeline(run, RunTimelineKind.Retrying, null,
            $"function failed (attempt {call.Attempt + 1} of {run.MaxAttempts}): {error.Name}: {error.Message}; retrying in {DurationText.Format(delay)}");
        EnqueueCall(run, call.StepId, call.Attempt + 1, _time.GetUtcNow() + delay);
    }

    private void ApplyOps(RunState run, CallWork call, CallResponse response)
    {
        if (response.Ops.Count > 1)
        {
            // More than one op means parallel steps: from now on every step is planned before it runs (§4.3).
            run.DisableImmediateExecution = true;
        }

        run.Applying = true;
        run.RaceResolved = false;
        try
        {
            foreach (var op in response.Ops)
            {
                if (!ApplyOp(run, call, response, op) || run.IsTerminal)
                {
                    return;
                }
            }
        }
        finally
        {
            run.Applying = false;
        }

        MaybeDiscover(run, run.RaceResolved);
        if (!run.IsTerminal && !run.DiscoveryScheduled && run.Pending.Count == 0 && run.CallsOutstanding == 0)
        {
            // Nothing is pending and nothing new was reported: discovering again would loop.
            FunctionError(run, call, CallResponse.Failed(
                new StepError("Error", "The function reported only steps that are already stored or pending; did its code change since the run started?"),
                retriable: true));
        }
    }

    /// <summary>Applies one op; false when the response must not be applied further.</summary>
    private bool ApplyOp(RunState run, CallWork call, CallResponse response, StepOp op)
    {
        var now = _time.GetUtcNow();
        switch (Canonical(op.Op))
        {
            case OpCodes.StepRun:
            {
                var data = op.Data ?? JsonValues.Null;
                var step = run.GetOrAddStep(op.Id, op, OpCodes.StepRun);
                Resolve(run, op.Id, StepMemo.EncodeData(data), StepStatus.Completed, data, null, executed: true,
                    RunTimelineKind.StepCompleted, $"step {step.Label} completed{AttemptSuffix(step.Attempts + 1)}");
                return true;
            }

            case OpCodes.StepError when response.NoRetry != true && call.Attempt + 1 < run.MaxAttempts:
            {
                var error = op.Error ?? new StepError("Error", "The step failed without an error.");
                var step = run.GetOrAddStep(op.Id, op, OpCodes.StepRun);
                step.Attempts++;
                step.Status = StepStatus.Retrying;
                step.Error = error;
                var delay = RetryDelay(call.Attempt, response.RetryAfter);
                AddTimeline(run, RunTimelineKind.StepRetrying, step.Name,
                    $"step {step.Label} failed (attempt {call.Attempt + 1} of {run.MaxAttempts}): {error.Name}: {error.Message}; retrying in {DurationText.Format(delay)}");
                EnqueueCall(run, call.StepId, call.Attempt + 1, now + delay);
                return true;
            }

            case OpCodes.StepError:
            case OpCodes.StepFailed:
            {
                var error = op.Error ?? new StepError("Error", "The step failed without an error.");
                var step = run.GetOrAddStep(op.Id, op, OpCodes.StepRun);
                Resolve(run, op.Id, StepMemo.EncodeError(error), StepStatus.Failed, null, error, executed: true,
                    RunTimelineKind.StepFailed, $"step {step.Label} failed for good (attempt {call.Attempt + 1} of {run.MaxAttempts}): {error.Name}: {error.Message}");
                return true;
            }

            case OpCodes.StepPlanned:
            {
                if (IsKnown(run, op.Id))
                {
                    return true;
                }

                var step = run.GetOrAddStep(op.Id, op, OpCodes.StepRun);
                step.Status = StepStatus.Planned;
                run.Pending[op.Id] = new PendingStep(op.Id, PendingKind.Planned, ++_tokens) { Race = IsRace(op) };
                AddTimeline(run, RunTimelineKind.StepPlanned, step.Name, $"step {step.Label} planned");
                EnqueueCall(run, op.Id, 0, now);
                return true;
            }

            case OpCodes.Sleep:
                StartSleep(run, op, now);
                return true;
            case OpCodes.WaitForEvent:
                StartWait(run, op, now);
                return true;
            case OpCodes.InvokeFunction:
                StartInvoke(run, op, now);
                return true;
            case RunCompleteOp:
                // The function's result as an op, after any steps it ran in the same call (the JS SDK answers this way
                // when it checkpoints).
                Complete(run, op.Data ?? JsonValues.Null);
                return false;
            case OpCodes.StepNotFound:
                FunctionError(run, call, response with
                {
                    StatusCode = 500,
                    Error = op.Error ?? new StepError("StepNotFound", $"The function did not reach the requested step '{call.StepId}'."),
                });
                return false;
            default:
                Fail(run, new StepError("UnsupportedOpError", $"The embedded engine does not support the op '{op.Op}' (step '{op.Name ?? op.Id}')."));
                return false;
        }
    }

    private static string Canonical(string op)
    {
        foreach (var known in (ReadOnlySpan<string>)[OpCodes.StepRun, OpCodes.StepError, OpCodes.StepFailed, OpCodes.StepPlanned, OpCodes.Sleep, OpCodes.WaitForEvent, OpCodes.InvokeFunction, OpCodes.StepNotFound, RunCompleteOp])
        {
            if (string.Equals(op, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return op;
    }

    private static bool IsRace(StepOp op) => JsonValues.GetString(op.Opts ?? default, "parallelMode") == "race";

    private static bool IsKnown(RunState run, string hash) => run.Memo.ContainsKey(hash) || run.Pending.ContainsKey(hash);

    private static string AttemptSuffix(int attempt) => attempt > 1 ? $" (attempt {attempt})" : string.Empty;

    /// <summary>
    /// Stores a step's memo, pushes it onto the stack and, when nothing else is pending, schedules discovery. Under the lock.
    /// </summary>
    private void Resolve(
        RunState run,
        string hash,
        JsonElement memo,
        StepStatus status,
        JsonElement? output,
        StepError? error,
        bool executed,
        RunTimelineKind kind,
        string message)
    {
        if (run.IsTerminal || run.Memo.ContainsKey(hash))
        {
            return;
        }

        run.Memo[hash] = memo;
        run.Stack.Add(hash);
        var step = run.GetOrAddStep(hash, null, OpCodes.StepRun);
        step.Status = status;
        step.Output = output;
        step.Error = error ?? (status == StepStatus.Completed ? null : step.Error);
        step.Memo = memo;
        if (executed)
        {
            step.Attempts++;
        }

        var race = false;
        if (run.Pending.Remove(hash, out var pending))
        {
            race = pending.Race;
            if (pending.Kind == PendingKind.Wait)
            {
                _waits.Remove((run, pending));
            }
        }

        AddTimeline(run, kind, step.Name, message);
        if (run.Applying)
        {
            run.RaceResolved |= race;
        }
        else
        {
            MaybeDiscover(run, race);
        }
    }

    /// <summary>Schedules a discovery call when nothing is pending (or a race-mode step resolved). Under the lock.</summary>
    private void MaybeDiscover(RunState run, bool force = false)
    {
        if (run.IsTerminal || run.DiscoveryScheduled || (run.Pending.Count > 0 && !force))
        {
            return;
        }

        EnqueueCall(run, StepIds.Discovery, 0, _time.GetUtcNow());
    }

    /// <summary>The delay before retrying after a failed attempt: <c>Retry-After</c> when given, else the backoff table.</summary>
    private TimeSpan RetryDelay(int attempt, string? retryAfter)
    {
        if (TimeStrings.TryParseRetryAfter(retryAfter, _time.GetUtcNow(), out var delay))
        {
            return delay;
        }

        var table = _options.RetryBackoff;
        return table.Count == 0 ? TimeSpan.Zero : table[Math.Min(attempt, table.Count - 1)];
    }

    /// <summary>Handles a due timer. Under the lock.</summary>
    private void Fire(WorkItem item, DateTimeOffset now)
    {
        switch (item)
        {
            case CronWork cron:
                FireCron(cron);
                return;
            case TimerWork { Kind: TimerKind.FinishTimeout, Run: var run }:
                if (!run.IsTerminal)
                {
                    Cancel(run, $"it did not finish within its finish timeout ({run.Function.Config.Timeouts?.Finish})");
                }

                return;
            case TimerWork timer:
                FirePendingTimer(timer, now);
                return;
        }
    }

    private void FirePendingTimer(TimerWork timer, DateTimeOffset now)
    {
        var run = timer.Run;
        if (run.IsTerminal || timer.Hash is null || !run.Pending.TryGetValue(timer.Hash, out var pending) || pending.Token != timer.Token)
        {
            return;
        }

        var step = run.StepsByHash[timer.Hash];
        switch (timer.Kind)
        {
            case TimerKind.WakeSleep:
                Resolve(run, timer.Hash, JsonValues.Null, StepStatus.Completed, JsonValues.Null, null, executed: false,
                    RunTimelineKind.Woke, $"step {step.Label} woke");
                break;
            case TimerKind.ExpireWait:
                Resolve(run, timer.Hash, JsonValues.Null, StepStatus.TimedOut, JsonValues.Null, null, executed: false,
                    RunTimelineKind.WaitTimedOut, $"step {step.Label} timed out waiting for '{pending.EventName}'");
                break;
            case TimerKind.ExpireInvoke:
                var error = new StepError("InngestInvokeTimeoutError", "Timed out waiting for invoked function to complete");
                Resolve(run, timer.Hash, StepMemo.EncodeError(error), StepStatus.TimedOut, null, error, executed: false,
                    RunTimelineKind.InvokeTimedOut, $"step {step.Label} timed out waiting for the invoked function");
                break;
        }
    }
}
