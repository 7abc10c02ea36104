using System.Globalization;
using System.Text;
using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.FlowControl;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.Ingestion;

/// <summary>
/// Decides which events become runs (docs/protocol.md#flow-control, docs/engine.md). For each function an event
/// triggers: <c>rateLimit</c> (excess events start nothing), then <c>batchEvents</c> or <c>debounce</c> (the event waits
/// in a buffer that later starts one run), then, when a run is to be created, the idempotency key (the event id, the
/// <c>idempotency</c> expression's value, or the batch or debounce id) and <c>singleton</c>. Runs started by
/// <c>step.invoke</c> skip the event-level rules (rate limit, batching, debounce, singleton): the invoking step waits for
/// exactly that run. Every event that starts no run is recorded with the reason. Guarded by the engine's lock.
/// </summary>
internal sealed class RunAdmission(EngineParts parts)
{
    private readonly EngineContext _context = parts.Context;

    /// <summary><paramref name="evt"/> triggers <paramref name="function"/>.</summary>
    public void OnEvent(InngestFunctionDefinition function, EventRecord evt, long sequence, DateTimeOffset due)
    {
        var compositeId = parts.Apps.CompositeIdOf(function);
        var config = function.Config;
        // An idempotency key overrides a rate limit (Inngest treats it as a rate limit of 1 per 24 hours on that key).
        if (config.RateLimit is not null && config.Idempotency is null && !parts.RateLimit.TryAdmit(function, compositeId, evt))
        {
            return;
        }

        if (config.BatchEvents is not null && parts.Batch.TryAdd(function, compositeId, evt))
        {
            return;
        }

        if (config.Debounce is not null)
        {
            parts.Debounce.Add(function, compositeId, evt);
            return;
        }

        Schedule(new RunRequest(function, compositeId, [evt], due));
    }

    /// <summary>Creates the run unless its idempotency key already started one, or its singleton key is taken (<c>mode: skip</c>).</summary>
    public RunState? Schedule(RunRequest request)
    {
        var now = _context.Now;
        var (function, compositeId, events, due, _, _) = request;
        var trigger = events[0];
        var key = request.IdempotencyKey ?? parts.Idempotency.KeyOf(function, trigger);

        // The key is the event's own id (one its sender gave) rather than an idempotency expression's value or a batch id.
        var ownId = request.IdempotencyKey is null && function.Config.Idempotency is null && trigger.Id != trigger.InternalId;
        if (parts.Idempotency.IsTaken(compositeId, key, now))
        {
            var message = $"skipped: idempotency key={key} already started a run within {TimeStrings.Format(_context.Options.IdempotencyWindow)}";

            // Not the same event sent twice: the id names something that more than one event is about (an entity's id
            // alone, INNG3002), so this event is lost. Worth a warning, not a debug line.
            if (ownId && parts.Idempotency.Difference(compositeId, key, trigger) is { } first)
            {
                message += $"; the id was first used by {first}, so this is no duplicate: make the id say which event it is (INNG3002)";
                _context.Logger.LogWarning(
                    "Event {EventName} with id '{EventId}' started no run of {FunctionId}: {Message}",
                    trigger.Name,
                    trigger.Id,
                    function.Id,
                    message);
            }

            _context.Skip(function, compositeId, trigger, SkipReason.Idempotency, key, message);
            return null;
        }

        string? singletonKey = null;
        RunState? replaced = null;
        if (!request.IsInvoke && function.Config.Singleton is { } singleton)
        {
            singletonKey = parts.Singleton.KeyOf(function, trigger);
            if (singletonKey is not null && parts.Singleton.Holder(compositeId, singletonKey) is { } holder)
            {
                if (singleton.Mode == SingletonMode.Skip)
                {
                    _context.Skip(function, compositeId, trigger, SkipReason.Singleton, singletonKey,
                        $"skipped: singleton{KeyText(singletonKey)}: run {holder.RunId} is still running");
                    return null;
                }

                replaced = holder;
            }
        }

        parts.Idempotency.Claim(compositeId, key, now, ownId ? trigger : null);
        var retries = Math.Clamp(function.Config.Retries ?? _context.Options.DefaultRetries, 0, 20);
        var payloads = new System.Text.Json.JsonElement[events.Count];
        var eventIds = new string[events.Count];
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = events[i].Payload;
            eventIds[i] = events[i].InternalId;
        }

        var run = new RunState
        {
            RunId = _context.Ids.Next(),
            Ordinal = ++_context.RunSequence,
            Function = function,
            CompositeId = compositeId,
            Event = trigger.Payload,
            Events = payloads,
            EventIds = eventIds,
            OriginalRunId = request.OriginalRunId,
            CreatedSequence = _context.EventSequence,
            CreatedAt = now,
            DueAt = due,
            MaxAttempts = retries + 1,
            SuppressSystemEvents = trigger.Name is SystemEventNames.FunctionFailed or SystemEventNames.FunctionFinished,
            CorrelationId = request.CorrelationId,
            ParentRunId = request.ParentRunId,
            ParentStepHash = request.ParentStepHash,
            PrioritySeconds = PriorityPolicy.Evaluate(_context, function, trigger),
            ConcurrencyKeys = parts.Concurrency.KeysOf(function, trigger),
            ThrottleKey = parts.Throttle.KeyOf(function, trigger),
        };

        if (replaced is not null)
        {
            parts.Finalizer.Cancel(replaced, $"singleton{KeyText(singletonKey)}: replaced by run {run.RunId}");
        }

        parts.Runs.Add(run);
        if (singletonKey is not null)
        {
            parts.Singleton.Hold(run, singletonKey);
        }

        _context.AddTimeline(run, RunTimelineKind.Queued, null, QueuedMessage(run, trigger, request.Note, now));
        parts.Timeouts.OnQueued(run);
        parts.Interpreter.EnqueueCall(run, StepIds.Discovery, 0, due, afterPause: false);
        return run;
    }

    private static string QueuedMessage(RunState run, EventRecord trigger, string? note, DateTimeOffset now)
    {
        var message = new StringBuilder($"queued by '{trigger.Name}' ({trigger.InternalId})");
        if (run.DueAt > now)
        {
            message.Append(" until ").Append(run.DueAt.ToString("O", CultureInfo.InvariantCulture));
        }

        if (note is not null)
        {
            message.Append(": ").Append(note);
        }

        if (run.PrioritySeconds != 0)
        {
            message.Append(CultureInfo.InvariantCulture, $"; priority {run.PrioritySeconds:+0;-0}s");
        }

        return message.ToString();
    }

    private static string KeyText(string? key) => string.IsNullOrEmpty(key) ? string.Empty : $" key={key}";
}
