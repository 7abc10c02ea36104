using System.Collections.Concurrent;
using System.Text.Json;
using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.Expressions;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.Internal;

/// <summary>
/// What every part of the engine shares: the lock, the clock, the options, the store and the unit of work being
/// collected, the sequence numbers, the timeline and the signal that wakes the loop. Everything mutable is guarded
/// by <see cref="Gate"/>, except the timeline notifications, which are delivered outside it.
/// </summary>
internal sealed class EngineContext(InngestEngineOptions options, TimeProvider time, ILogger logger, IEngineStore store, string appId)
{
    private readonly ConcurrentQueue<RunTimelineEntry> _notifications = new();
    private readonly object _notifyGate = new();
    private TaskCompletionSource _changed = NewSignal();
    private TaskCompletionSource _committed = NewSignal();
    private long _lastCommit;

    /// <summary>The engine's lock.</summary>
    public object Gate { get; } = new();

    public InngestEngineOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public IEngineStore Store { get; } = store;

    /// <summary>The engine's own app id.</summary>
    public string AppId { get; } = appId;

    public UlidGenerator Ids { get; } = new(time);

    public IExpressionEvaluator Expressions { get; } = new RuntimeExpressionEvaluator();

    public ChangeTracker Changes { get; } = new();

    /// <summary>The sequence number of the last ingested event.</summary>
    public long EventSequence { get; set; }

    public long TimerSequence { get; set; }

    public long TokenSequence { get; set; }

    public long AppSyncSequence { get; set; }

    /// <summary>Numbers runs in the order this engine created or loaded them (not stored).</summary>
    public long RunSequence { get; set; }

    public bool Disposed { get; set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Completes at the next <see cref="Signal"/>.</summary>
    public Task Changed => _changed.Task;

    public EngineCounters Counters => new(EventSequence, TimerSequence, TokenSequence, AppSyncSequence);

    public long NextToken() => ++TokenSequence;

    /// <summary>Wakes whoever waits for the engine's state to change.</summary>
    public void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    /// <summary>
    /// Completes once a unit of work is committed after it was read (any thread, no lock): what a reader of the store
    /// (the dev server's live pages) waits on. Read it before reading the store, so no commit in between is missed.
    /// </summary>
    public Task NextCommit => Volatile.Read(ref _committed).Task;

    /// <summary>The number of the last unit of work committed to the store (0 before the first).</summary>
    public long LastCommit => Interlocked.Read(ref _lastCommit);

    /// <summary>Writes the unit of work collected under the lock to the store; its number, or 0 when nothing changed.</summary>
    public long Commit()
    {
        var commit = Changes.Commit(Store, Counters);
        if (commit != 0)
        {
            Interlocked.Exchange(ref _lastCommit, commit);
            Interlocked.Exchange(ref _committed, NewSignal()).TrySetResult();
        }

        return commit;
    }

    public void AddTimeline(RunState run, RunTimelineKind kind, string? stepName, string message)
    {
        var entry = new RunTimelineEntry(Now, run.RunId, run.Function.Id, kind, stepName, message);
        Changes.TimelineAdded(entry);
        Changes.RunChanged(run);
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            Logger.LogDebug("Run {RunId} ({FunctionId}): {Message}", run.RunId, run.Function.Id, message);
        }

        if (Options.OnTimelineEntry is not null)
        {
            _notifications.Enqueue(entry);
        }
    }

    /// <summary>Delivers timeline entries to <see cref="InngestEngineOptions.OnTimelineEntry"/>, outside the engine's lock, in order.</summary>
    public void Notify()
    {
        var callback = Options.OnTimelineEntry;
        if (callback is null)
        {
            return;
        }

        // No look at the queue before taking the gate: another thread may have taken the last entries and still be
        // delivering them, and a caller (RunUntilIdleAsync) must not return before what happened has been delivered.

        lock (_notifyGate)
        {
            while (_notifications.TryDequeue(out var entry))
            {
                try
                {
                    callback(entry);
                }
                catch (Exception exception)
                {
                    Logger.LogWarning(exception, "The timeline callback threw.");
                }
            }
        }
    }

    /// <summary>Records that an event started no run of a function, and why.</summary>
    public void Skip(InngestFunctionDefinition function, string compositeId, EventRecord evt, SkipReason reason, string? key, string message)
    {
        var skipped = new SkippedRun(Now, function.Id, compositeId, evt.InternalId, evt.Name, reason, key, message);
        Changes.Skipped(skipped);
        Logger.LogDebug("{Skipped}", skipped);
    }

    public bool IsTruthy(string expression, JsonElement evt, JsonElement? asyncEvent, string what)
    {
        try
        {
            return Expressions.IsTruthy(expression, evt, asyncEvent);
        }
        catch (Exception exception) when (exception is InngestException or FormatException)
        {
            Logger.LogWarning(exception, "The expression '{Expression}' of the {What} cannot be evaluated; it does not match.", expression, what);
            return false;
        }
    }

    /// <summary>A key expression's value for <paramref name="evt"/>, or null (logged) when it cannot be evaluated.</summary>
    public string? EvaluateKey(string expression, JsonElement evt, string what)
    {
        try
        {
            return Expressions.EvaluateKey(expression, evt);
        }
        catch (Exception exception) when (exception is InngestException or FormatException)
        {
            Logger.LogWarning(exception, "The {What} expression '{Expression}' cannot be evaluated.", what, expression);
            return null;
        }
    }

    public static TimeSpan? Duration(string? text)
        => TimeStrings.TryParse(text, out var duration) ? duration : null;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
