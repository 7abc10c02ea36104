using System.Globalization;
using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine;

public sealed partial class InngestEngine
{
    private const string FunctionFailed = SystemEventNames.FunctionFailed;
    private const string FunctionFinished = SystemEventNames.FunctionFinished;
    private const string FunctionCancelled = SystemEventNames.FunctionCancelled;
    private const string FunctionInvoked = SystemEventNames.FunctionInvoked;
    private const string ScheduledTimer = SystemEventNames.ScheduledTimer;

    /// <summary>Sends events to the engine, validated and serialized as the client does; returns their internal ids.</summary>
    /// <exception cref="InngestEventValidationException">An event breaks a rule of the event API; none was ingested.</exception>
    public async Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<InngestEvent> events, CancellationToken cancellationToken = default)
        => (await _client.SendAsync(events, cancellationToken).ConfigureAwait(false)).Ids;

    /// <summary>Sends one event with <paramref name="data"/> to the engine; returns its internal id.</summary>
    /// <exception cref="InngestEventValidationException">The event breaks a rule of the event API.</exception>
    public async Task<IReadOnlyList<string>> SendAsync<TData>(TData data, EventOptions? options = null, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>
        => (await _client.SendAsync(data, options, cancellationToken).ConfigureAwait(false)).Ids;

    /// <summary>Sends one event envelope to the engine; returns its internal id.</summary>
    /// <exception cref="InngestEventValidationException">The event breaks a rule of the event API.</exception>
    public async Task<IReadOnlyList<string>> SendAsync<TData>(Event<TData> evt, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>
        => (await _client.SendAsync(evt, cancellationToken).ConfigureAwait(false)).Ids;

    /// <summary>
    /// Sends raw JSON as Inngest's event API takes it: one event object or an array of them. Every event is validated
    /// (docs/protocol.md#event-rules) before any is ingested. Returns the internal ids.
    /// </summary>
    /// <exception cref="JsonException">The JSON is malformed, or an event's fields have the wrong types (e.g. <c>data</c> is not an object).</exception>
    /// <exception cref="InngestEventValidationException">An event breaks a rule of the event API.</exception>
    public IReadOnlyList<string> SendJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return IngestAll(EventParser.ParseBody(json));
    }

    /// <summary>
    /// One event of an event API request that carried <c>x-inngest-event-id-seed</c> (docs/protocol.md#event-ids-and-the-seed-header):
    /// its internal id is derived from the seed and its index in the request, as Inngest derives it, so a client's retry
    /// of the same request gets the same ids, and an event already ingested under its id is not ingested again (no
    /// second run, no second resumed wait). Without a readable seed the event gets a fresh id.
    /// </summary>
    internal string SendJson(string json, string? eventIdSeed, int index)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parsed = EventParser.ParseBody(json);
        if (parsed.Count != 1)
        {
            throw new JsonException("Expected one event object.");
        }

        var internalId = eventIdSeed is null ? null : UlidGenerator.FromSeed(eventIdSeed, index);
        string id;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (internalId is not null && !_seededIds.Add(internalId))
            {
                _logger.LogDebug("Event {EventId} ('{Name}') was already ingested from the same id seed; the retried request does not ingest it again.", internalId, parsed[0].Name);
                return internalId;
            }

            id = Ingest(parsed[0], fanOut: true, internalId).InternalId;
        }

        Notify();
        return id;
    }

    /// <inheritdoc/>
    Task<SendEventsResult> IEventTransport.SendAsync(SerializedEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var parsed = new ParsedEvent[events.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = EventParser.Parse(events.GetJson(i).Span, i);
        }

        return Task.FromResult(new SendEventsResult(IngestAll(parsed)));
    }

    private Task<IReadOnlyList<string>> SendFromStepAsync(IReadOnlyList<InngestEvent> events, CancellationToken cancellationToken)
        => SendAsync(events, cancellationToken);

    private IReadOnlyList<string> IngestAll(IReadOnlyList<ParsedEvent> events)
    {
        var ids = new string[events.Count];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Ingest(events[i], fanOut: true).InternalId;
            }
        }

        Notify();
        return ids;
    }

    /// <summary>
    /// Stores an event and lets it act: cancel runs, resume waits, and (with <paramref name="fanOut"/>) start the
    /// functions it triggers. Under the lock.
    /// </summary>
    private EventRecord Ingest(ParsedEvent parsed, bool fanOut, string? seededId = null)
    {
        var now = _time.GetUtcNow();
        var internalId = seededId ?? _ids.Next();
        var id = string.IsNullOrEmpty(parsed.Id) ? internalId : parsed.Id;
        var ts = parsed.Ts ?? now.ToUnixTimeMilliseconds();
        var payload = JsonValues.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", parsed.Name);
            writer.WritePropertyName("data");
            parsed.Data.WriteTo(writer);
            writer.WriteString("id", id);
            writer.WriteNumber("ts", ts);
            writer.WritePropertyName("user");
            parsed.User.WriteTo(writer);
            if (parsed.V is not null)
            {
                writer.WriteString("v", parsed.V);
            }

            writer.WriteEndObject();
        });
        var record = new EventRecord(internalId, parsed.Name, id, payload, now);
        _events.Add(record);
        var sequence = ++_eventSequence;

        CancelRunsOn(record, sequence, now);
        ResumeWaits(record, sequence, now);
        if (fanOut)
        {
            var due = DateTimeOffset.FromUnixTimeMilliseconds(ts);
            foreach (var function in _functions)
            {
                if (Triggers(function, record))
                {
                    ScheduleRun(function, record, sequence, due > now ? due : now);
                }
            }
        }

        Signal();
        return record;
    }

    private EventRecord IngestSystemEvent(string name, string? id, long? ts, JsonElement data, bool fanOut)
        => Ingest(new ParsedEvent(name, data, id, ts, JsonValues.EmptyObject, null), fanOut);

    private bool Triggers(InngestFunctionDefinition function, EventRecord evt)
    {
        foreach (var trigger in function.Triggers)
        {
            if (trigger.Event is null || !string.Equals(trigger.Event, evt.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (trigger.Expression is null || IsTruthy(trigger.Expression, evt.Payload, null, $"trigger of function '{function.Id}'"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Creates a run of <paramref name="function"/> unless its idempotency key was seen within the window. Under the lock.</summary>
    private RunState? ScheduleRun(
        InngestFunctionDefinition function,
        EventRecord trigger,
        long sequence,
        DateTimeOffset due,
        string? correlationId = null,
        RunState? parent = null,
        string? parentStepHash = null)
    {
        var now = _time.GetUtcNow();
        var key = trigger.Id;
        if (function.Config.Idempotency is { } expression)
        {
            try
            {
                key = _expressions.EvaluateKey(expression, trigger.Payload);
            }
            catch (Exception exception) when (exception is InngestException or FormatException)
            {
                _logger.LogWarning(exception, "The idempotency expression of function '{FunctionId}' is invalid; using the event id.", function.Id);
            }
        }

        if (_idempotency.TryGetValue((function.Id, key), out var seen) && now - seen < _options.IdempotencyWindow)
        {
            _logger.LogDebug("Function '{FunctionId}' already ran for key '{Key}' at {Seen}; event {EventId} starts no run.", function.Id, key, seen, trigger.InternalId);
            return null;
        }

        PruneIdempotency(now);
        _idempotency[(function.Id, key)] = now;

        var retries = Math.Clamp(function.Config.Retries ?? _options.DefaultRetries, 0, 20);
        var run = new RunState
        {
            RunId = _ids.Next(),
            Function = function,
            CompositeId = CompositeIdOf(function),
            Event = trigger.Payload,
            Events = [trigger.Payload],
            CreatedSequence = sequence,
            CreatedAt = now,
            DueAt = due,
            MaxAttempts = retries + 1,
            SuppressSystemEvents = trigger.Name is FunctionFailed or FunctionFinished,
            CorrelationId = correlationId,
            Parent = parent,
            ParentStepHash = parentStepHash,
        };
        _runs.Add(run);
        _runsById.Add(run.RunId, run);
        _active.Add(run);
        AddTimeline(run, RunTimelineKind.Queued, null, due > now
            ? $"queued by '{trigger.Name}' ({trigger.InternalId}) until {due.ToString("O", CultureInfo.InvariantCulture)}"
            : $"queued by '{trigger.Name}' ({trigger.InternalId})");
        EnqueueCall(run, StepIds.Discovery, 0, due);
        return run;
    }

    private void PruneIdempotency(DateTimeOffset now)
    {
        if (_idempotency.Count < 4096 || _idempotency.Count % 1024 != 0)
        {
            return;
        }

        foreach (var (key, seen) in _idempotency.ToArray())
        {
            if (now - seen >= _options.IdempotencyWindow)
            {
                _idempotency.Remove(key);
            }
        }
    }

    /// <summary>Cancels the runs whose cancel-on rules <paramref name="evt"/> matches. Under the lock.</summary>
    private void CancelRunsOn(EventRecord evt, long sequence, DateTimeOffset now)
    {
        if (_active.Count == 0)
        {
            return;
        }

        foreach (var run in _active.ToArray())
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

                var window = Duration(rule.Timeout) ?? _options.DefaultCancelTimeout;
                if (now > run.CreatedAt + window)
                {
                    continue;
                }

                if (rule.If is null || IsTruthy(rule.If, run.Event, evt.Payload, $"cancel rule of function '{run.Function.Id}'"))
                {
                    Cancel(run, $"cancelled by '{evt.Name}' ({evt.InternalId})");
                    break;
                }
            }
        }
    }

    /// <summary>Resumes the waits that <paramref name="evt"/> matches; each wait takes the first match. Under the lock.</summary>
    private void ResumeWaits(EventRecord evt, long sequence, DateTimeOffset now)
    {
        if (_waits.Count == 0)
        {
            return;
        }

        List<(RunState Run, PendingStep Wait)>? matched = null;
        foreach (var (run, wait) in _waits)
        {
            if (!run.IsTerminal
                && sequence > wait.CreatedSequence
                && now < wait.ExpiresAt
                && string.Equals(wait.EventName, evt.Name, StringComparison.Ordinal)
                && (wait.If is null || IsTruthy(wait.If, run.Event, evt.Payload, $"wait of function '{run.Function.Id}'")))
            {
                (matched ??= []).Add((run, wait));
            }
        }

        if (matched is null)
        {
            return;
        }

        foreach (var (run, wait) in matched)
        {
            var step = run.StepsByHash[wait.Hash];
            Resolve(run, wait.Hash, evt.Payload, StepStatus.Completed, evt.Payload, null, executed: false,
                RunTimelineKind.EventMatched, $"step {step.Label} received '{evt.Name}' ({evt.InternalId})");
        }
    }

    private bool IsTruthy(string expression, JsonElement evt, JsonElement? asyncEvent, string what)
    {
        try
        {
            return _expressions.IsTruthy(expression, evt, asyncEvent);
        }
        catch (Exception exception) when (exception is InngestException or FormatException)
        {
            _logger.LogWarning(exception, "The expression '{Expression}' of the {What} cannot be evaluated; it does not match.", expression, what);
            return false;
        }
    }

    /// <summary>Sets the timer of the first occurrence of <paramref name="schedule"/> after <paramref name="after"/>. Under the lock (or in the constructor).</summary>
    private void ScheduleCron(CronSchedule schedule, DateTimeOffset after)
    {
        if (schedule.Next(after) is not { } scheduledAt)
        {
            return;
        }

        var fireAt = scheduledAt;
        if (schedule.Jitter is { } jitter && jitter > TimeSpan.Zero)
        {
            fireAt += TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitter.TotalMilliseconds);
        }

        Enqueue(new CronWork(schedule, scheduledAt, fireAt), fireAt);
    }

    /// <summary>Fires a cron occurrence: an <c>inngest/scheduled.timer</c> event for the function, and the next timer. Under the lock.</summary>
    private void FireCron(CronWork cron)
    {
        if (!IsRegistered(cron.Schedule.Function))
        {
            // The function was replaced by a later sync of its app, which set its own timers.
            return;
        }

        var scheduledAt = cron.ScheduledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var data = JsonValues.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("cron", cron.Schedule.Expression);
            writer.WriteString("scheduledAt", scheduledAt);
            writer.WriteString("fireAt", cron.FireAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
        var evt = IngestSystemEvent(ScheduledTimer, scheduledAt, cron.FireAt.ToUnixTimeMilliseconds(), data, fanOut: false);
        ScheduleRun(cron.Schedule.Function, evt, _eventSequence, _time.GetUtcNow());
        ScheduleCron(cron.Schedule, cron.ScheduledAt);
    }
}
