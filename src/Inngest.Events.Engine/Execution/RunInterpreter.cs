using System.Globalization;
using System.Text.Json;
using Inngest.Events.Engine.Ingestion;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Execution;

/// <summary>
/// Drives runs through the protocol (docs/protocol.md#the-embedded-engine): queues their calls, builds each call
/// request from the memoized steps, and interprets the answers as Inngest does: memoized steps, parallel plans,
/// retries with backoff, sleeps, waits for events, invokes. Ending runs is <see cref="RunFinalizer"/>'s. Guarded by
/// the engine's lock.
/// </summary>
internal sealed class RunInterpreter(EngineParts parts)
{
    /// <summary>The final-result op (docs/protocol.md#ops), not in <see cref="OpCodes"/>.</summary>
    private const string RunCompleteOp = "RunComplete";

    private readonly EngineContext _context = parts.Context;

    /// <summary>Queues a call of <paramref name="run"/>, due at <paramref name="due"/>.</summary>
    public void EnqueueCall(RunState run, string stepId, int attempt, DateTimeOffset due, bool afterPause)
    {
        var call = new CallWork(run, stepId, attempt, afterPause);
        run.Outstanding.Add(call);
        if (call.IsDiscovery)
        {
            run.DiscoveryScheduled = true;
        }

        parts.Timers.Set(call, due);
        _context.Changes.RunChanged(run);
    }

    /// <summary>Forgets a queued call that will not run (its run ended).</summary>
    public void Drop(CallWork call)
    {
        call.Run.Outstanding.Remove(call);
        parts.Timers.Forget(call);
        _context.Changes.RunChanged(call.Run);
    }

    /// <summary>A call is about to run: the run's first call starts it. Returns the request.</summary>
    public CallRequest Start(CallWork call, DateTimeOffset now)
    {
        var run = call.Run;
        if (run.StartedAt is null)
        {
            run.StartedAt = now;
            _context.AddTimeline(run, RunTimelineKind.Started, null, "started");
            parts.Timeouts.OnStarted(run, now);
        }

        var steps = new Dictionary<string, JsonElement>(run.Stack.Count, StringComparer.Ordinal);
        foreach (var hash in run.Stack)
        {
            steps[hash] = run.Memo[hash];
        }

        return new CallRequest
        {
            Event = run.Event,
            Events = run.Events,
            Steps = steps,
            Version = run.VersionPinned ? 2 : -1,
            Ctx = new CallContext
            {
                FnId = run.CompositeId,
                RunId = run.RunId,
                StepId = call.StepId,
                Attempt = call.Attempt,
                MaxAttempts = run.MaxAttempts,
                Stack = run.Stack.ToArray(),
                DisableImmediateExecution = run.DisableImmediateExecution,
            },
        };
    }

    /// <summary>Interprets a call response (docs/protocol.md#call-responses).</summary>
    public void Apply(CallWork call, CallRequest request, CallResponse response, DateTimeOffset startedAt)
    {
        var run = call.Run;
        run.Outstanding.Remove(call);
        parts.Timers.Forget(call);
        _context.Changes.CallFinished(run.RunId, new CallRecord(startedAt, request, response));
        _context.Changes.RunChanged(run);
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
                parts.Finalizer.Complete(run, response.Result ?? JsonValues.Null);
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

    /// <summary>Handles a due sleep, wait or invoke timer (stale ones do nothing).</summary>
    public void Fire(RunTimer timer)
    {
        parts.Timers.Forget(timer);
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

    /// <summary>Resumes the waits that <paramref name="evt"/> matches; each wait takes the first match.</summary>
    public void ResumeWaits(EventRecord evt, long sequence, DateTimeOffset now)
    {
        if (parts.Waits.Count == 0)
        {
            return;
        }

        foreach (var (run, wait) in parts.Waits.For(evt.Name))
        {
            if (!run.IsTerminal
                && sequence > wait.CreatedSequence
                && now < wait.ExpiresAt
                && run.Pending.TryGetValue(wait.Hash, out var current) && ReferenceEquals(current, wait)
                && (wait.If is null || _context.IsTruthy(wait.If, run.Event, evt.Payload, $"wait of function '{run.Function.Id}'")))
            {
                var step = run.StepsByHash[wait.Hash];
                Resolve(run, wait.Hash, evt.Payload, StepStatus.Completed, evt.Payload, null, executed: false,
                    RunTimelineKind.EventMatched, $"step {step.Label} received '{evt.Name}' ({evt.InternalId})");
            }
        }
    }

    /// <summary>
    /// Stores a step's memo, pushes it onto the stack and, when nothing else is pending, schedules discovery.
    /// </summary>
    public void Resolve(
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
        var step = run.GetOrAddStep(hash, null, OpCodes.StepRun);
        step.StackIndex = run.Stack.Count;
        run.Stack.Add(hash);
        step.Status = status;
        step.Output = output;
        step.Error = error ?? (status == StepStatus.Completed ? null : step.Error);
        step.Memo = memo;
        if (executed)
        {
            step.Attempts++;
        }

        _context.Changes.StepChanged(run, step);
        var race = false;
        if (run.Pending.Remove(hash, out var pending))
        {
            race = pending.Race;
            _context.Changes.PendingDeleted(run, hash);
            if (pending.Timer is { } timer)
            {
                parts.Timers.Cancel(timer);
            }

            if (pending.Kind == PendingKind.Wait)
            {
                parts.Waits.Remove(run, pending);
            }
        }

        _context.AddTimeline(run, kind, step.Name, message);
        if (run.Applying)
        {
            run.RaceResolved |= race;
        }
        else
        {
            MaybeDiscover(run, race, afterPause: !executed);
        }
    }

    /// <summary>The function failed outside steps (or the call failed): retry the same call with backoff, or fail the run.</summary>
    private void FunctionError(RunState run, CallWork call, CallResponse response)
    {
        var error = response.Error ?? new StepError("Error", $"The function answered {response.StatusCode.ToString(CultureInfo.InvariantCulture)} without an error.");
        var nonRetriable = response.NoRetry == true || (response.StatusCode is >= 400 and < 500 && response.NoRetry != false);
        if (nonRetriable || call.Attempt + 1 >= run.MaxAttempts)
        {
            parts.Finalizer.Fail(run, error);
            return;
        }

        var delay = RetryDelay(call.Attempt, response.RetryAfter);
        _context.AddTimeline(run, RunTimelineKind.Retrying, null,
            $"function failed (attempt {call.Attempt + 1} of {run.MaxAttempts}): {error.Name}: {error.Message}; retrying in {DurationText.Format(delay)}");
        EnqueueCall(run, call.StepId, call.Attempt + 1, _context.Now + delay, call.AfterPause);
    }

    private void ApplyOps(RunState run, CallWork call, CallResponse response)
    {
        if (response.Ops.Count > 1)
        {
            // More than one op means parallel steps: from now on every step is planned before it runs (docs/protocol.md#ops).
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

        MaybeDiscover(run, run.RaceResolved, afterPause: false);
        if (!run.IsTerminal && !run.DiscoveryScheduled && run.Pending.Count == 0 && run.Outstanding.Count == 0)
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
        var now = _context.Now;
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
                _context.Changes.StepChanged(run, step);
                var delay = RetryDelay(call.Attempt, response.RetryAfter);
                _context.AddTimeline(run, RunTimelineKind.StepRetrying, step.Name,
                    $"step {step.Label} failed (attempt {call.Attempt + 1} of {run.MaxAttempts}): {error.Name}: {error.Message}; retrying in {DurationText.Format(delay)}");
                EnqueueCall(run, call.StepId, call.Attempt + 1, now + delay, call.AfterPause);
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
                _context.Changes.StepChanged(run, step);
                var pending = new PendingStep(op.Id, PendingKind.Planned, _context.NextToken()) { Race = IsRace(op) };
                run.Pending[op.Id] = pending;
                _context.Changes.PendingSet(run, pending);
                _context.AddTimeline(run, RunTimelineKind.StepPlanned, step.Name, $"step {step.Label} planned");
                EnqueueCall(run, op.Id, 0, now, afterPause: false);
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
                parts.Finalizer.Complete(run, op.Data ?? JsonValues.Null);
                return false;
            case OpCodes.StepNotFound:
                FunctionError(run, call, response with
                {
                    StatusCode = 500,
                    Error = op.Error ?? new StepError("StepNotFound", $"The function did not reach the requested step '{call.StepId}'."),
                });
                return false;
            default:
                parts.Finalizer.Fail(run, new StepError("UnsupportedOpError", $"The embedded engine does not support the op '{op.Op}' (step '{op.Name ?? op.Id}')."));
                return false;
        }
    }

    /// <summary>A <c>Sleep</c> op: a timer, then <c>null</c> is stored.</summary>
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
            parts.Finalizer.Fail(run, new StepError("Error", $"The sleep of step {step.Label} has an invalid duration '{text}'."));
            return;
        }

        step.Status = StepStatus.Sleeping;
        _context.Changes.StepChanged(run, step);
        var pending = new PendingStep(op.Id, PendingKind.Sleep, _context.NextToken()) { Race = IsRace(op), ExpiresAt = until };
        AddPending(run, pending, TimerKind.WakeSleep);
        _context.AddTimeline(run, RunTimelineKind.Sleeping, step.Name, $"step {step.Label} sleeping until {until.ToString("O", CultureInfo.InvariantCulture)}");
    }

    /// <summary>When a sleep ends (<see cref="TimeStrings.TryParseSleep"/>).</summary>
    private static DateTimeOffset? SleepUntil(string? text, DateTimeOffset now)
        => TimeStrings.TryParseSleep(text, now, out var until) ? until : null;

    /// <summary>
    /// A <c>WaitForEvent</c> op: a pause that only events ingested from now on can match, by name and <c>if</c>
    /// (<c>event</c> = the trigger, <c>async</c> = the candidate), until its timeout (an empty timeout expires at once).
    /// </summary>
    private void StartWait(RunState run, StepOp op, DateTimeOffset now)
    {
        if (IsKnown(run, op.Id))
        {
            return;
        }

        var opts = op.Opts ?? default;
        var step = run.GetOrAddStep(op.Id, op, OpCodes.WaitForEvent);
        var eventName = JsonValues.GetString(opts, "event") ?? op.Name ?? string.Empty;
        var timeout = EngineContext.Duration(JsonValues.GetString(opts, "timeout")) is { } t && t > TimeSpan.Zero ? t : TimeSpan.Zero;
        var pending = new PendingStep(op.Id, PendingKind.Wait, _context.NextToken())
        {
            Race = IsRace(op),
            EventName = eventName,
            If = JsonValues.GetString(opts, "if"),
            CreatedSequence = _context.EventSequence,
            ExpiresAt = now + timeout,
        };
        step.Status = StepStatus.Waiting;
        _context.Changes.StepChanged(run, step);
        AddPending(run, pending, TimerKind.ExpireWait);
        parts.Waits.Add(run, pending);
        _context.AddTimeline(run, RunTimelineKind.Waiting, step.Name,
            $"step {step.Label} waiting for '{eventName}'{(pending.If is null ? string.Empty : $" if {pending.If}")} until {pending.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// An <c>InvokeFunction</c> op: an <c>inngest/function.invoked</c> event starts the target function, whose result
    /// (or error) is stored when it finishes, or a timeout error when it takes too long.
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
        var timeout = EngineContext.Duration(JsonValues.GetString(opts, "timeout")) ?? _context.Options.DefaultInvokeTimeout;
        var correlationId = $"{run.RunId}.{op.Id}";
        var pending = new PendingStep(op.Id, PendingKind.Invoke, _context.NextToken()) { Race = IsRace(op), CorrelationId = correlationId, ExpiresAt = now + timeout };
        step.Status = StepStatus.Invoking;
        _context.Changes.StepChanged(run, step);
        run.Pending[op.Id] = pending;

        var target = functionId is null ? null : parts.Apps.FindInvokable(functionId);
        if (target is null)
        {
            var error = new StepError("Error", $"The function '{functionId}' to invoke was not found in app '{_context.AppId}'.");
            Resolve(run, op.Id, StepMemo.EncodeError(Inngest.Events.FunctionError.From(error)), StepStatus.Failed, null, error, executed: false,
                RunTimelineKind.InvokeFinished, $"step {step.Label} could not invoke '{functionId}': not found");
            return;
        }

        var targetId = parts.Apps.CompositeIdOf(target);
        _context.AddTimeline(run, RunTimelineKind.Invoking, step.Name, $"step {step.Label} invoking '{targetId}'");
        var payload = opts.ValueKind == JsonValueKind.Object && opts.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var userData = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("data", out var d) ? d : default;
        var data = SystemEventPayloads.Invoked(userData, new FunctionInvokedMetadata(
            targetId, correlationId, pending.ExpiresAt.ToUnixTimeMilliseconds(), SystemEventNames.FunctionInvoked, parts.Apps.AppIdOf(run.Function), run.CompositeId, 1));
        var user = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u.Clone() : JsonValues.EmptyObject;
        var version = JsonValues.GetString(payload, "v");
        var evt = parts.Ingestor.Ingest(new ParsedEvent(SystemEventNames.FunctionInvoked, data, null, null, user, version), fanOut: false);
        parts.Admission.Schedule(new RunRequest(target, targetId, [evt], now)
        {
            CorrelationId = correlationId,
            ParentRunId = run.RunId,
            ParentStepHash = op.Id,
        });
        if (!run.IsTerminal && run.Pending.TryGetValue(op.Id, out var current) && ReferenceEquals(current, pending))
        {
            AddPending(run, pending, TimerKind.ExpireInvoke);
        }
    }

    /// <summary>Adds a pending step with the timer that ends it.</summary>
    private void AddPending(RunState run, PendingStep pending, TimerKind timerKind)
    {
        run.Pending[pending.Hash] = pending;
        var timer = new RunTimer(timerKind, run, pending.Hash, pending.Token);
        parts.Timers.Set(timer, pending.ExpiresAt);
        pending.Timer = timer;
        _context.Changes.PendingSet(run, pending);
    }

    /// <summary>Schedules a discovery call when nothing is pending (or a race-mode step resolved).</summary>
    private void MaybeDiscover(RunState run, bool force, bool afterPause)
    {
        if (run.IsTerminal || run.DiscoveryScheduled || (run.Pending.Count > 0 && !force))
        {
            return;
        }

        EnqueueCall(run, StepIds.Discovery, 0, _context.Now, afterPause);
    }

    /// <summary>The delay before retrying after a failed attempt: <c>Retry-After</c> when given, else the backoff table.</summary>
    private TimeSpan RetryDelay(int attempt, string? retryAfter)
    {
        if (TimeStrings.TryParseRetryAfter(retryAfter, _context.Now, out var delay))
        {
            return delay;
        }

        var table = _context.Options.RetryBackoff;
        return table.Count == 0 ? TimeSpan.Zero : table[Math.Min(attempt, table.Count - 1)];
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
}
