using System.Collections.Concurrent;
using Inngest.Events.Engine.Expressions;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inngest.Events.Engine;

/// <summary>
/// An in-process Inngest executor (docs/protocol.md#the-embedded-engine) for development, tests and samples. It ingests
/// events, fans them out to the functions they trigger, and drives each run through a <see cref="FunctionRunner"/> with
/// real call requests, interpreting the call responses as Inngest does: memoized steps, parallel plans, retries with
/// backoff, sleeps, waits for events, invokes, cancellation, timeouts, cron schedules and the <c>inngest/function.*</c>
/// system events. All time comes from a <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// <para>Nothing runs by itself until <see cref="StartAsync"/> starts background processing (what a hosted app uses) or
/// <see cref="RunUntilIdleAsync"/> is called (what tests use: with a fake clock, advance time and run until idle again).</para>
/// <para>It is thread-safe. It is not a production executor: state lives in memory and is lost when the process ends.</para>
/// </remarks>
public sealed partial class InngestEngine : IEventTransport, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly InngestEngineOptions _options;
    private readonly FunctionRunner _runner;
    private readonly InngestClient _client;
    private readonly IExpressionEvaluator _expressions;
    private readonly ILogger _logger;
    private readonly UlidGenerator _ids;
    private IReadOnlyList<InngestFunctionDefinition> _functions;

    // Everything below is guarded by _gate.
    private readonly List<EventRecord> _events = [];

    /// <summary>Internal ids derived from <c>x-inngest-event-id-seed</c> values, so a retried request is ingested once.</summary>
    private readonly HashSet<string> _seededIds = new(StringComparer.Ordinal);
    private readonly List<RunState> _runs = [];
    private readonly Dictionary<string, RunState> _runsById = new(StringComparer.Ordinal);
    private readonly List<RunState> _active = [];
    private readonly List<(RunState Run, PendingStep Wait)> _waits = [];
    private readonly Dictionary<(string FunctionId, string Key), DateTimeOffset> _idempotency = [];
    private readonly PriorityQueue<WorkItem, (long Ticks, long Sequence)> _timers = new();
    private readonly Queue<CallWork> _ready = new();
    private long _workSequence;
    private long _eventSequence;
    private long _tokens;
    private int _inFlight;
    private TaskCompletionSource _changed = NewSignal();
    private Task? _background;
    private CancellationTokenSource? _backgroundStop;
    private bool _disposed;

    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentQueue<RunTimelineEntry> _notifications = new();
    private readonly object _notifyGate = new();

    /// <summary>Creates an engine for the functions of <paramref name="registry"/>.</summary>
    /// <param name="registry">The functions and the JSON metadata of their step types.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="timeProvider">The clock for everything: ids, <c>ts</c>, retries, sleeps, timeouts, crons. <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="services">Resolves the functions' services (one scope per call); none when null.</param>
    /// <param name="loggerFactory">Logs the engine and gives the functions their loggers.</param>
    /// <exception cref="ArgumentException">Two functions share an id, a cron trigger is invalid, or an option is out of range.</exception>
    public InngestEngine(
        InngestFunctionRegistry registry,
        InngestEngineOptions? options = null,
        TimeProvider? timeProvider = null,
        IServiceProvider? services = null,
        ILoggerFactory? loggerFactory = null)
        : this(registry, options, timeProvider, services, loggerFactory, clientOptions: null)
    {
    }

    internal InngestEngine(
        InngestFunctionRegistry registry,
        InngestEngineOptions? options,
        TimeProvider? timeProvider,
        IServiceProvider? services,
        ILoggerFactory? loggerFactory,
        InngestOptions? clientOptions)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _options = options ?? new InngestEngineOptions();
        Validate(_options);
        _time = timeProvider ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<InngestEngine>();
        _ids = new UlidGenerator(_time);
        _expressions = new RuntimeExpressionEvaluator();
        AppId = !string.IsNullOrEmpty(_options.AppId) ? _options.AppId : !string.IsNullOrEmpty(clientOptions?.AppId) ? clientOptions.AppId : "app";
        _functions = registry.Functions;
        var duplicate = _functions.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two functions have the id '{duplicate.Key}'; function ids must be unique within an app.", nameof(registry));
        }

        _client = new InngestClient(this, clientOptions);
        _runner = new FunctionRunner(services ?? EmptyServiceProvider.Instance, registry, AppId, SendFromStepAsync, loggerFactory);

        var now = _time.GetUtcNow();
        foreach (var function in _functions)
        {
            foreach (var trigger in function.Triggers)
            {
                if (trigger.Cron is { Length: > 0 })
                {
                    ScheduleCron(CronSchedule.Parse(function, trigger), now);
                }
            }
        }
    }

    /// <summary>The app id of composite function ids (<c>{appId}-{functionId}</c>).</summary>
    public string AppId { get; }

    /// <summary>The runner the engine calls the functions through.</summary>
    internal FunctionRunner Runner => _runner;

    /// <summary>A client that sends to this engine (the one <c>UseEmbeddedEngine</c> registers behaves the same).</summary>
    public IInngestClient Client => _client;

    /// <summary>The engine's clock.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>A snapshot of every run, in the order they were created.</summary>
    public IReadOnlyList<RunRecord> Runs
    {
        get
        {
            lock (_gate)
            {
                return _runs.ConvertAll(run => run.ToRecord());
            }
        }
    }

    /// <summary>Every event ingested (including system events and duplicates), in order.</summary>
    public IReadOnlyList<EventRecord> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>When the next timer (a retry, a sleep, a wait or invoke timeout, a delayed run, a cron) is due, or null when none is set.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_gate)
            {
                return _timers.TryPeek(out _, out var priority) ? new DateTimeOffset(priority.Ticks, TimeSpan.Zero) : null;
            }
        }
    }

    /// <summary>A snapshot of the run <paramref name="runId"/>, or null.</summary>
    public RunRecord? GetRun(string runId)
    {
        lock (_gate)
        {
            return _runsById.TryGetValue(runId, out var run) ? run.ToRecord() : null;
        }
    }

    /// <summary>
    /// Processes everything that is due now, including work that becomes due while processing (the next step of a
    /// run, a run triggered by a system event), and returns when nothing is due and no call is running. Timers in the
    /// future stay set: advance the clock and call it again.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (calls already running finish in the background).</param>
    public async Task RunUntilIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            List<StartedCall> started;
            bool idle;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                started = Dispatch();
                idle = _inFlight == 0 && _ready.Count == 0 && !HasDueTimer();
                changed = _changed.Task;
            }

            Start(started);
            Notify();
            if (idle)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts processing in the background: due work runs as soon as it is due, woken by events and timers. Hosted apps
    /// get this from <c>UseEmbeddedEngine</c>. Calling it again does nothing.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_background is null)
            {
                _backgroundStop = new CancellationTokenSource();
                var stop = _backgroundStop.Token;
                _background = Task.Run(() => BackgroundLoopAsync(stop), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops background processing; calls already running finish. State is kept, and processing can start again.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? background;
        CancellationTokenSource? stop;
        lock (_gate)
        {
            background = _background;
            stop = _backgroundStop;
            _background = null;
            _backgroundStop = null;
        }

        if (background is null || stop is null)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await background.WaitAsync(cancellationToken).ConfigureAwait(false);
        stop.Dispose();
    }

    /// <summary>Stops processing, signals running calls to stop, and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_inFlight == 0)
                {
                    break;
                }

                changed = _changed.Task;
            }

            await changed.ConfigureAwait(false);
        }

        _client.Dispose();
        DisposeHttp();
        _shutdown.Dispose();
    }

    private async Task BackgroundLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Task changed;
            List<StartedCall> started;
            DateTimeOffset? due = null;
            lock (_gate)
            {
                started = Dispatch();
                changed = _changed.Task;
                if (_timers.TryPeek(out _, out var next))
                {
                    due = new DateTimeOffset(next.Ticks, TimeSpan.Zero);
                }
            }

            Start(started);
            Notify();
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = due is { } d ? d - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            var timer = due is null || delay > TimeSpan.Zero ? Task.Delay(due is null ? Timeout.InfiniteTimeSpan : delay, _time, wake.Token) : Task.CompletedTask;

            // The clock may have moved between reading it and creating the timer (a fake clock advanced by a test);
            // a timer created after that would wait too long, so check again now that it exists.
            if (due is null || _time.GetUtcNow() < due)
            {
                await Task.WhenAny(changed, timer).ConfigureAwait(false);
            }

            await wake.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A call taken from the queue, with its request built under the lock, to run outside it.</summary>
    private readonly record struct StartedCall(CallWork Call, CallRequest Request, DateTimeOffset StartedAt);

    /// <summary>Handles every due timer and takes due calls up to the concurrency limit. Under the lock.</summary>
    private List<StartedCall> Dispatch()
    {
        var now = _time.GetUtcNow();
        while (_timers.TryPeek(out var item, out var priority) && priority.Ticks <= now.UtcTicks)
        {
            _timers.Dequeue();
            try
            {
                if (item is CallWork call)
                {
                    _ready.Enqueue(call);
                }
                else
                {
                    Fire(item, now);
                }
            }
            catch (Exception exception)
            {
                // A bug in the engine must not stop it; the affected run fails with the error.
                _logger.LogError(exception, "The embedded Inngest engine failed to process a timer.");
                if (item is TimerWork { Run: { IsTerminal: false } run })
                {
                    Fail(run, StepError.From(exception));
                }
            }
        }

        var started = new List<StartedCall>();
        while (_inFlight < _options.MaxConcurrency && _ready.TryDequeue(out var call))
        {
            var run = call.Run;
            if (run.IsTerminal)
            {
                run.CallsOutstanding--;
                continue;
            }

            if (run.StartedAt is null)
            {
                if (Duration(run.Function.Config.Timeouts?.Start) is { } startTimeout && now - run.DueAt > startTimeout)
                {
                    run.CallsOutstanding--;
                    Cancel(run, $"it waited longer than its start timeout ({run.Function.Config.Timeouts!.Start}) to start");
                    continue;
                }

                run.StartedAt = now;
                AddTimeline(run, RunTimelineKind.Started, null, "started");
                if (Duration(run.Function.Config.Timeouts?.Finish) is { } finishTimeout)
                {
                    Enqueue(new TimerWork(TimerKind.FinishTimeout, run, null, 0), now + finishTimeout);
                }
            }

            _inFlight++;
            started.Add(new StartedCall(call, BuildRequest(run, call), now));
        }

        return started;
    }

    private bool HasDueTimer()
        => _timers.TryPeek(out _, out var priority) && priority.Ticks <= _time.GetUtcNow().UtcTicks;

    private void Start(List<StartedCall> started)
    {
        foreach (var call in started)
        {
            _ = Task.Run(() => ExecuteAsync(call));
        }
    }

    private async Task ExecuteAsync(StartedCall started)
    {
        var (call, request, startedAt) = started;
        CallResponse response;
        try
        {
            response = await CallFunctionAsync(call.Run, request, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            response = CallResponse.Failed(StepError.From(exception), retriable: true);
        }

        lock (_gate)
        {
            _inFlight--;
            call.Run.CallsOutstanding--;
            try
            {
                Apply(call, request, response, startedAt);
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "The embedded Inngest engine failed to apply a response of run {RunId}.", call.Run.RunId);
                if (!call.Run.IsTerminal)
                {
                    Fail(call.Run, StepError.From(exception));
                }
            }

            Signal();
        }

        Notify();
    }

    private CallRequest BuildRequest(RunState run, CallWork call)
    {
        var steps = new Dictionary<string, System.Text.Json.JsonElement>(run.Stack.Count, StringComparer.Ordinal);
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

    private void Enqueue(WorkItem item, DateTimeOffset due)
    {
        _timers.Enqueue(item, (due.UtcTicks, ++_workSequence));
        Signal();
    }

    private void EnqueueCall(RunState run, string stepId, int attempt, DateTimeOffset due)
    {
        run.CallsOutstanding++;
        if (stepId == StepIds.Discovery)
        {
            run.DiscoveryScheduled = true;
        }

        Enqueue(new CallWork(run, stepId, attempt), due);
    }

    /// <summary>Wakes whoever waits for the engine's state to change. Under the lock.</summary>
    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void AddTimeline(RunState run, RunTimelineKind kind, string? stepName, string message)
    {
        var entry = new RunTimelineEntry(_time.GetUtcNow(), run.RunId, run.Function.Id, kind, stepName, message);
        run.Timeline.Add(entry);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("Run {RunId} ({FunctionId}): {Message}", run.RunId, run.Function.Id, message);
        }

        if (_options.OnTimelineEntry is not null)
        {
            _notifications.Enqueue(entry);
        }
    }

    /// <summary>Delivers timeline entries to <see cref="InngestEngineOptions.OnTimelineEntry"/>, outside the engine's lock, in order.</summary>
    private void Notify()
    {
        var callback = _options.OnTimelineEntry;
        if (callback is null || _notifications.IsEmpty)
        {
            return;
        }

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
                    _logger.LogWarning(exception, "The timeline callback threw.");
                }
            }
        }
    }

    private static TimeSpan? Duration(string? text)
        => TimeStrings.TryParse(text, out var duration) ? duration : null;

    private static void Validate(InngestEngineOptions options)
    {
        if (options.MaxConcurrency < 1)
        {
            throw new ArgumentException($"MaxConcurrency must be at least 1, not {options.MaxConcurrency}.", nameof(options));
        }

        if (options.RetryBackoff is null || options.RetryBackoff.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("RetryBackoff must be a list of non-negative delays.", nameof(options));
        }

        if (options.DefaultRetries is < 0 or > 20)
        {
            throw new ArgumentException($"DefaultRetries must be between 0 and 20, not {options.DefaultRetries}.", nameof(options));
        }
    }
}
