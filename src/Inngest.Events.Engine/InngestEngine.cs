using System.Text.Json;
using Inngest.Events.Engine.Apps;
using Inngest.Events.Engine.Http;
using Inngest.Events.Engine.Ingestion;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inngest.Events.Engine;

/// <summary>
/// An in-process Inngest executor (docs/protocol.md#the-embedded-engine) for development, tests and samples. It ingests
/// events, fans them out to the functions they trigger, and drives each run through a <see cref="FunctionRunner"/> with
/// real call requests, interpreting the call responses as Inngest does: memoized steps, parallel plans, retries with
/// backoff, sleeps, waits for events, invokes, cancellation, timeouts, cron schedules, flow control (concurrency,
/// throttle, rate limit, debounce, batching, priority, singleton) and the <c>inngest/function.*</c> system events. All
/// time comes from a <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// <para>Nothing runs by itself until <see cref="StartAsync"/> starts background processing (what a hosted app uses) or
/// <see cref="RunUntilIdleAsync"/> is called (what tests use: with a fake clock, advance time and run until idle again).</para>
/// <para>It is thread-safe. Its state lives in memory by default and is lost when the process ends; with
/// <see cref="SqliteEngineOptionsExtensions.UseSqlite"/> it lives in a SQLite file and a restarted engine carries on every run.</para>
/// </remarks>
public sealed class InngestEngine : IEventTransport, IAsyncDisposable
{
    private readonly EngineContext _context;
    private readonly EngineParts _parts;
    private readonly FunctionRunner _runner;
    private readonly InngestClient _client;
    private readonly bool _ownsStore;
    private readonly CancellationTokenSource _shutdown = new();
    private Task? _background;
    private CancellationTokenSource? _backgroundStop;

    /// <summary>Creates an engine for the functions of <paramref name="registry"/>.</summary>
    /// <param name="registry">The functions and the JSON metadata of their step types.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="timeProvider">The clock for everything: ids, <c>ts</c>, retries, sleeps, timeouts, crons, flow control. <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="services">Resolves the functions' services (one scope per call); none when null.</param>
    /// <param name="loggerFactory">Logs the engine and gives the functions their loggers.</param>
    /// <exception cref="ArgumentException">Two functions share an id, a cron trigger or a flow-control setting is invalid, or an option is out of range.</exception>
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
        InngestOptions? clientOptions,
        IEngineStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new InngestEngineOptions();
        Validate(options);
        var time = timeProvider ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        AppId = !string.IsNullOrEmpty(options.AppId) ? options.AppId : !string.IsNullOrEmpty(clientOptions?.AppId) ? clientOptions.AppId : "app";
        var functions = registry.Functions;
        var duplicate = functions.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two functions have the id '{duplicate.Key}'; function ids must be unique within an app.", nameof(registry));
        }

        foreach (var function in functions)
        {
            FunctionValidator.ValidateTriggers(function);
            FunctionValidator.ValidateFlowControl(function, function.Id);
        }

        _ownsStore = store is null;
        store ??= options.StoreFactory?.Invoke() ?? new InMemoryEngineStore();
        _context = new EngineContext(options, time, loggerFactory.CreateLogger<InngestEngine>(), store, AppId);
        _client = new InngestClient(this, clientOptions);
        _runner = new FunctionRunner(services ?? EmptyServiceProvider.Instance, registry, AppId, SendFromStepAsync, loggerFactory);
        _parts = new EngineParts(_context, functions, _runner);
        try
        {
            lock (_context.Gate)
            {
                EngineLoader.Load(_parts, store.ReadState());
                _context.Commit();
            }
        }
        catch
        {
            if (_ownsStore)
            {
                store.Dispose();
            }

            throw;
        }
    }

    /// <summary>The app id of composite function ids (<c>{appId}-{functionId}</c>).</summary>
    public string AppId { get; }

    /// <summary>The runner the engine calls the functions through.</summary>
    internal FunctionRunner Runner => _runner;

    /// <summary>A client that sends to this engine (the one <c>UseEmbeddedEngine</c> registers behaves the same).</summary>
    public IInngestClient Client => _client;

    /// <summary>The engine's clock.</summary>
    public TimeProvider TimeProvider => _context.Time;

    /// <summary>A snapshot of every run, in the order they were created.</summary>
    public IReadOnlyList<RunRecord> Runs => _context.Store.ReadRuns();

    /// <summary>Every event ingested (including system events and duplicates), in order.</summary>
    public IReadOnlyList<EventRecord> Events => _context.Store.ReadEvents();

    /// <summary>
    /// Every run an event would have started and did not, with the reason (a duplicate idempotency key, a rate limit,
    /// a running singleton, a debounce that kept a later event), in the order decided.
    /// </summary>
    public IReadOnlyList<SkippedRun> Skipped => _context.Store.ReadSkipped();

    /// <summary>When the next timer (a retry, a sleep, a wait or invoke timeout, a delayed or throttled run, a debounce, a batch, a cron) is due, or null when none is set.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_context.Gate)
            {
                return _parts.Timers.NextDue;
            }
        }
    }

    /// <summary>
    /// How the engine calls apps that serve functions over HTTP: the signing key of its requests, the server kind it
    /// announces, the call timeout. Set it before syncing apps.
    /// </summary>
    public InngestEngineHttpOptions HttpOptions
    {
        get => _parts.Apps.HttpOptions;
        set => _parts.Apps.HttpOptions = value;
    }

    /// <summary>The apps that synced with the engine, in the order they first synced.</summary>
    public IReadOnlyList<RegisteredApp> Apps => _parts.Apps.Apps;

    /// <summary>The engine's store (the dev server and tests read it).</summary>
    internal IEngineStore Store => _context.Store;

    /// <summary>A snapshot of the run <paramref name="runId"/>, or null.</summary>
    public RunRecord? GetRun(string runId) => _context.Store.GetRun(runId);

    /// <summary>Every registered function (the engine's own, then each synced app's) with its app and config JSON.</summary>
    internal IReadOnlyList<FunctionDescription> DescribeFunctions() => _parts.Apps.Describe();

    /// <summary>
    /// Completes at the next change the engine commits to its store. Read it before reading the store: a change made
    /// in between completes it, so a reader that renders what it read and then waits on it misses nothing.
    /// </summary>
    internal Task NextChange => _context.NextCommit;

    /// <summary>
    /// Cancels the run <paramref name="runId"/>, as Inngest's <c>DELETE /v1/runs/{runId}</c> and the dev server's cancel
    /// button do: its pending steps, sleeps, waits and queued calls are dropped, a call that is running is let finish
    /// and its answer ignored, a run it invoked is not waited for, and <c>inngest/function.cancelled</c> and
    /// <c>inngest/function.finished</c> are sent (so <c>onFailure</c>-style handlers of cancellations run).
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="reason">Why, as the run's <see cref="RunRecord.CancellationReason"/>; "cancelled by request" when null.</param>
    /// <returns>True when the run was cancelled; false when it had already ended or there is no such run.</returns>
    public bool CancelRun(string runId, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        bool cancelled;
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, this);
            cancelled = _parts.Runs.TryGet(runId, out var run) && !run.IsTerminal;
            if (cancelled)
            {
                _parts.Finalizer.Cancel(run, reason ?? "cancelled by request");
                Commit();
            }
        }

        _context.Notify();
        return cancelled;
    }

    /// <summary>
    /// Cancels, as one bulk cancellation (Inngest's <c>POST /v1/cancellations</c>), every unfinished run of the function
    /// <paramref name="compositeFunctionId"/> created after <paramref name="startedAfter"/> (when given) and before
    /// <paramref name="startedBefore"/>, both exclusive, whose triggering event satisfies <paramref name="condition"/> (an
    /// expression over <c>event</c>, such as <c>event.data.userId == 'u1'</c>) when one is given.
    /// </summary>
    /// <returns>The ids of the runs it cancelled, oldest first.</returns>
    /// <exception cref="ArgumentException">The condition is not a valid expression.</exception>
    public IReadOnlyList<string> CancelRuns(
        string compositeFunctionId, DateTimeOffset? startedAfter, DateTimeOffset startedBefore, string? condition = null, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(compositeFunctionId);
        if (condition is not null)
        {
            try
            {
                Inngest.Events.Expressions.Expression.Parse(condition);
            }
            catch (Exception exception) when (exception is InngestException or FormatException)
            {
                throw new ArgumentException($"invalid expression: {exception.Message}", nameof(condition), exception);
            }
        }

        var cancelled = new List<string>();
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, this);
            var candidates = _parts.Runs.All
                .Where(run => run.CompositeId == compositeFunctionId && !run.IsTerminal
                    && run.CreatedAt < startedBefore && (startedAfter is not { } after || run.CreatedAt > after))
                .OrderBy(run => run.CreatedAt)
                .ThenBy(run => run.RunId, StringComparer.Ordinal)
                .ToArray();
            foreach (var run in candidates)
            {
                if (run.IsTerminal
                    || (condition is not null && !_context.IsTruthy(condition, run.Event, null, $"bulk cancellation of function '{run.Function.Id}'")))
                {
                    continue;
                }

                _parts.Finalizer.Cancel(run, reason ?? "cancelled by a bulk cancellation");
                cancelled.Add(run.RunId);
            }

            Commit();
        }

        _context.Notify();
        return cancelled;
    }

    /// <summary>
    /// Starts a new run of the function that ran <paramref name="runId"/>, from the same triggering events, as the
    /// dev server's rerun button does (Inngest's "rerun"): a fresh run with no memoized steps, past the event-level
    /// rules (idempotency, rate limit, debounce, batching) that the original run already passed, with
    /// <see cref="RunRecord.OriginalRunId"/> pointing back. The function's current definition is used.
    /// </summary>
    /// <returns>The new run's id.</returns>
    /// <exception cref="ArgumentException">There is no run <paramref name="runId"/>.</exception>
    /// <exception cref="InvalidOperationException">Its function is no longer registered, or its singleton key is held by a running run (<c>mode: skip</c>).</exception>
    public string Rerun(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var original = _context.Store.GetRun(runId) ?? throw new ArgumentException($"There is no run '{runId}'.", nameof(runId));
        string id;
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, this);
            var function = _parts.Apps.Find(original.CompositeFunctionId) ?? throw new InvalidOperationException(
                $"The run '{runId}' cannot be rerun: its function '{original.CompositeFunctionId}' is no longer registered.");
            var events = new EventRecord[original.Events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                var payload = original.Events[i];
                var internalId = i < original.EventIds.Count ? original.EventIds[i] : string.Empty;
                events[i] = (internalId.Length > 0 ? _context.Store.GetEvent(internalId) : null) ?? new EventRecord(
                    internalId,
                    payload.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty,
                    payload.TryGetProperty("id", out var eventId) ? eventId.GetString() ?? internalId : internalId,
                    payload,
                    original.CreatedAt);
            }

            // A key of its own, so the idempotency key that let the original run through does not stop the rerun.
            var key = $"rerun:{runId}:{_context.NextToken()}";
            var run = _parts.Admission.Schedule(new RunRequest(function, original.CompositeFunctionId, events, _context.Now, key, $"rerun of run {runId}")
            {
                OriginalRunId = runId,
            });
            Commit();
            id = run?.RunId ?? throw new InvalidOperationException(
                $"The run '{runId}' was not rerun: a run of '{original.CompositeFunctionId}' with the same singleton key is still running (mode: skip).");
        }

        _context.Notify();
        return id;
    }

    /// <summary>
    /// The history of the run <paramref name="runId"/> as a run-history document (docs/run-history.md), with the id of the
    /// app its function belongs to (empty when no function has its id any more), exported at the engine's time; or null.
    /// What the dev server's Export JSON button downloads, and what <c>Inngest.Events.Testing</c> replays.
    /// </summary>
    public History.RunHistory? ExportRunHistory(string runId)
    {
        if (GetRun(runId) is not { } run)
        {
            return null;
        }

        string appId;
        lock (_context.Gate)
        {
            appId = _parts.Apps.Find(run.CompositeFunctionId) is { } function ? _parts.Apps.AppIdOf(function) : string.Empty;
        }

        return History.RunHistory.FromRun(run, appId, _context.Time.GetUtcNow());
    }

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
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, this);
            if (internalId is not null && !_parts.Ingestor.TryClaimSeed(internalId))
            {
                _context.Logger.LogDebug("Event {EventId} ('{Name}') was already ingested from the same id seed; the retried request does not ingest it again.", internalId, parsed[0].Name);
                return internalId;
            }

            id = _parts.Ingestor.Ingest(parsed[0], fanOut: true, internalId).InternalId;
            Commit();
        }

        _context.Notify();
        return id;
    }

    /// <summary>Completes once everything the engine has done so far is durable in its store (at once for the in-memory store).</summary>
    internal ValueTask FlushAsync(CancellationToken cancellationToken = default)
        => _context.Store.WaitForDurableAsync(_context.LastCommit, cancellationToken);

    /// <inheritdoc/>
    async Task<SendEventsResult> IEventTransport.SendAsync(SerializedEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var parsed = new ParsedEvent[events.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = EventParser.Parse(events.GetJson(i).Span, i);
        }

        var ids = IngestAll(parsed);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return new SendEventsResult(ids);
    }

    /// <summary>
    /// Registers the functions of an app from its register request (the body an SDK posts to <c>/fn/register</c>,
    /// docs/protocol.md#sync-put): they are triggered like the engine's own functions and called at their URLs.
    /// A later sync of the same app replaces its functions; runs in flight finish with the definitions they started with.
    /// </summary>
    /// <param name="registerRequest">The JSON register request.</param>
    /// <returns>The app as registered, and whether its configuration changed.</returns>
    /// <exception cref="InngestSyncException">The request is invalid or its functions clash with registered ones (400).</exception>
    public AppSyncResult RegisterApp(ReadOnlySpan<byte> registerRequest)
        => _parts.Apps.Register(AppSyncRequest.FromRegisterBody(registerRequest));

    /// <summary>
    /// Syncs the app served at <paramref name="url"/> (e.g. <c>http://localhost:5000/api/inngest</c>), as the Inngest dev
    /// server does: a <c>PUT</c> asking for an in-band sync (signed when the engine has a signing key). An app that
    /// answers in-band is registered from its answer; one that syncs out-of-band must post its register request to this
    /// engine's <c>/fn/register</c> (<c>MapInngestDevServer</c>) while answering.
    /// </summary>
    /// <param name="url">The app's serve URL.</param>
    /// <param name="cancellationToken">Cancels the sync.</param>
    /// <returns>The app as registered, and whether its configuration changed.</returns>
    /// <exception cref="InngestSyncException">The app is unreachable, refused the sync, or registered somewhere else.</exception>
    public Task<AppSyncResult> RegisterAppAsync(Uri url, CancellationToken cancellationToken = default)
        => _parts.Apps.RegisterAppAsync(url, cancellationToken);

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
            lock (_context.Gate)
            {
                ObjectDisposedException.ThrowIf(_context.Disposed, this);
                started = _parts.Dispatcher.Dispatch();
                Commit();
                idle = _parts.Dispatcher.IsIdle;
                changed = _context.Changed;
            }

            Start(started);
            _context.Notify();
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
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, this);
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
        lock (_context.Gate)
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
        lock (_context.Gate)
        {
            if (_context.Disposed)
            {
                return;
            }

            _context.Disposed = true;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        while (true)
        {
            Task changed;
            lock (_context.Gate)
            {
                if (_parts.Dispatcher.InFlight == 0)
                {
                    break;
                }

                changed = _context.Changed;
            }

            await changed.ConfigureAwait(false);
        }

        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            // A store that failed to write reports it here, and everything is released all the same.
            _client.Dispose();
            _parts.Apps.Dispose();
            _shutdown.Dispose();
            if (_ownsStore)
            {
                _context.Store.Dispose();
            }
        }
    }

    private Task<IReadOnlyList<string>> SendFromStepAsync(IReadOnlyList<InngestEvent> events, CancellationToken cancellationToken)
        => SendAsync(events, cancellationToken);

    private IReadOnlyList<string> IngestAll(IReadOnlyList<ParsedEvent> events)
    {
        var ids = new string[events.Count];
        lock (_context.Gate)
        {
            ObjectDisposedException.ThrowIf(_context.Disposed, this);
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = _parts.Ingestor.Ingest(events[i], fanOut: true).InternalId;
            }

            Commit();
        }

        _context.Notify();
        return ids;
    }

    /// <summary>Writes the unit of work collected under the lock. Under the lock.</summary>
    private void Commit() => _context.Commit();

    private async Task BackgroundLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Task changed;
            List<StartedCall> started;
            DateTimeOffset? due;
            lock (_context.Gate)
            {
                started = _parts.Dispatcher.Dispatch();
                Commit();
                changed = _context.Changed;
                due = _parts.Timers.NextDue;
            }

            Start(started);
            _context.Notify();
            var time = _context.Time;
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var delay = due is { } d ? d - time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            var timer = due is null || delay > TimeSpan.Zero ? Task.Delay(due is null ? Timeout.InfiniteTimeSpan : delay, time, wake.Token) : Task.CompletedTask;

            // The clock may have moved between reading it and creating the timer (a fake clock advanced by a test);
            // a timer created after that would wait too long, so check again now that it exists.
            if (due is null || time.GetUtcNow() < due)
            {
                await Task.WhenAny(changed, timer).ConfigureAwait(false);
            }

            await wake.CancelAsync().ConfigureAwait(false);
        }
    }

    private void Start(List<StartedCall> started)
    {
        if (started.Count == 0)
        {
            return;
        }

        // A call shows the function what the engine knows (memoized steps); it goes out only once that is durable, so
        // a crash never makes the engine forget a step the function has already seen completed.
        var durable = _context.LastCommit;
        foreach (var call in started)
        {
            _ = Task.Run(() => ExecuteAsync(call, durable));
        }
    }

    private async Task ExecuteAsync(StartedCall started, long durable)
    {
        var (call, request, startedAt) = started;
        CallResponse response;
        try
        {
            await _context.Store.WaitForDurableAsync(durable, _shutdown.Token).ConfigureAwait(false);
            response = await _parts.Apps.CallFunctionAsync(call.Run.Function, call.Run.CompositeId, request, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            response = CallResponse.Failed(StepError.From(exception), retriable: true);
        }

        lock (_context.Gate)
        {
            _parts.Dispatcher.Returned(call);
            try
            {
                _parts.Interpreter.Apply(call, request, response, startedAt);
            }
            catch (Exception exception)
            {
                _context.Logger.LogError(exception, "The embedded Inngest engine failed to apply a response of run {RunId}.", call.Run.RunId);
                if (!call.Run.IsTerminal)
                {
                    _parts.Finalizer.Fail(call.Run, StepError.From(exception));
                }
            }

            Commit();
            _context.Signal();
        }

        _context.Notify();
    }

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
