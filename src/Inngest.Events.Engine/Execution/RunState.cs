using System.Text.Json;
using Inngest.Events.Engine.FlowControl;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Execution;

/// <summary>
/// The working state of a run that has not ended: what the interpreter needs to build its next call and apply the
/// answer. Its record (with calls and timeline) lives in the store. Guarded by the engine's lock.
/// </summary>
internal sealed class RunState
{
    public required string RunId { get; init; }

    /// <summary>The order in which the engine created (or loaded) its runs: among calls queued for the same moment, the older run's go first.</summary>
    public long Ordinal { get; init; }

    public required InngestFunctionDefinition Function { get; init; }

    public required string CompositeId { get; init; }

    public required JsonElement Event { get; init; }

    public required IReadOnlyList<JsonElement> Events { get; init; }

    /// <summary>The internal ids of the triggering events, in the order of <see cref="Events"/>.</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];

    /// <summary>For a rerun: the run it reran.</summary>
    public string? OriginalRunId { get; init; }

    /// <summary>The engine's event sequence number when the run was created: only later events can cancel it.</summary>
    public required long CreatedSequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the first call is due (the trigger's <c>ts</c> when it is in the future).</summary>
    public required DateTimeOffset DueAt { get; init; }

    public required int MaxAttempts { get; init; }

    /// <summary>No system events for runs triggered by <c>inngest/function.failed</c> or <c>.finished</c>.</summary>
    public required bool SuppressSystemEvents { get; init; }

    public string? CorrelationId { get; init; }

    public string? ParentRunId { get; init; }

    public string? ParentStepHash { get; init; }

    /// <summary>The <c>priority.run</c> factor in seconds.</summary>
    public int PrioritySeconds { get; init; }

    /// <summary>The value of each concurrency limit's key (null for a limit without a key).</summary>
    public IReadOnlyList<string?> ConcurrencyKeys { get; init; } = [];

    public string? ThrottleKey { get; init; }

    public bool ThrottleAdmitted { get; set; }

    /// <summary>The singleton key, while the run holds its function's singleton slot.</summary>
    public string? SingletonKey { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public RunStatus? Terminal { get; set; }

    public bool IsTerminal => Terminal is not null;

    public JsonElement? Result { get; set; }

    public StepError? Error { get; set; }

    /// <summary>The error as system events carry it: <c>{"error","name","message","stack"}</c>.</summary>
    public FunctionError? ErrorObject { get; set; }

    public string? CancellationReason { get; set; }

    public Dictionary<string, JsonElement> Memo { get; } = new(StringComparer.Ordinal);

    public List<string> Stack { get; } = [];

    public bool DisableImmediateExecution { get; set; }

    /// <summary>True once the function has answered a call (the request version is pinned from then on).</summary>
    public bool VersionPinned { get; set; }

    /// <summary>Steps reported but not yet stored: planned runs, sleeps, waits and invokes.</summary>
    public Dictionary<string, PendingStep> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>A discovery call (<c>stepId=step</c>) is queued or running.</summary>
    public bool DiscoveryScheduled { get; set; }

    /// <summary>Calls queued or running.</summary>
    public List<CallWork> Outstanding { get; } = [];

    /// <summary>True while a response's ops are applied: discovery is decided once at the end.</summary>
    public bool Applying { get; set; }

    /// <summary>A race-mode step resolved while applying: discover even though others are pending.</summary>
    public bool RaceResolved { get; set; }

    public List<StepState> Steps { get; } = [];

    public Dictionary<string, StepState> StepsByHash { get; } = new(StringComparer.Ordinal);

    /// <summary>The run's <c>timeouts.start</c> and <c>timeouts.finish</c> timers, while set.</summary>
    public RunTimer? StartTimer { get; set; }

    public RunTimer? FinishTimer { get; set; }

    /// <summary>The queue its calls wait in for a concurrency slot (made on first use).</summary>
    public ConcurrencyPartition? Partition { get; set; }

    /// <summary>True while the run has changes the next commit writes.</summary>
    public bool Dirty { get; set; }

    public RunStatus Status
    {
        get
        {
            if (Terminal is { } terminal)
            {
                return terminal;
            }

            if (StartedAt is null)
            {
                return RunStatus.Queued;
            }

            if (Outstanding.Count > 0)
            {
                return RunStatus.Running;
            }

            var sleeping = false;
            foreach (var pending in Pending.Values)
            {
                if (pending.Kind is PendingKind.Wait or PendingKind.Invoke)
                {
                    return RunStatus.Waiting;
                }

                sleeping |= pending.Kind == PendingKind.Sleep;
            }

            return sleeping ? RunStatus.Sleeping : RunStatus.Running;
        }
    }

    public StepState GetOrAddStep(string hash, StepOp? op, string kind)
    {
        if (!StepsByHash.TryGetValue(hash, out var step))
        {
            step = new StepState(hash, kind, Steps.Count);
            StepsByHash.Add(hash, step);
            Steps.Add(step);
        }

        step.Name ??= op?.UserlandId ?? op?.Name ?? op?.DisplayName;
        return step;
    }

    public StoredRun ToStored() => new()
    {
        RunId = RunId,
        FunctionId = Function.Id,
        CompositeFunctionId = CompositeId,
        Status = Status,
        Event = Event,
        Events = Events,
        EventIds = EventIds,
        OriginalRunId = OriginalRunId,
        CreatedSequence = CreatedSequence,
        CreatedAt = CreatedAt,
        DueAt = DueAt,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        MaxAttempts = MaxAttempts,
        SuppressSystemEvents = SuppressSystemEvents,
        CorrelationId = CorrelationId,
        ParentRunId = ParentRunId,
        ParentStepHash = ParentStepHash,
        Result = Result,
        Error = Error,
        ErrorObject = ErrorObject,
        CancellationReason = CancellationReason,
        DisableImmediateExecution = DisableImmediateExecution,
        VersionPinned = VersionPinned,
        PrioritySeconds = PrioritySeconds,
        ConcurrencyKeys = ConcurrencyKeys,
        ThrottleKey = ThrottleKey,
        ThrottleAdmitted = ThrottleAdmitted,
        SingletonKey = SingletonKey,
    };

    /// <summary>Rebuilds an unfinished run from the store (its steps and pending steps are added by the caller).</summary>
    public static RunState FromStored(StoredRun stored, InngestFunctionDefinition function, long ordinal) => new()
    {
        RunId = stored.RunId,
        Ordinal = ordinal,
        Function = function,
        CompositeId = stored.CompositeFunctionId,
        Event = stored.Event,
        Events = stored.Events,
        EventIds = stored.EventIds,
        OriginalRunId = stored.OriginalRunId,
        CreatedSequence = stored.CreatedSequence,
        CreatedAt = stored.CreatedAt,
        DueAt = stored.DueAt,
        MaxAttempts = stored.MaxAttempts,
        SuppressSystemEvents = stored.SuppressSystemEvents,
        CorrelationId = stored.CorrelationId,
        ParentRunId = stored.ParentRunId,
        ParentStepHash = stored.ParentStepHash,
        PrioritySeconds = stored.PrioritySeconds,
        ConcurrencyKeys = stored.ConcurrencyKeys,
        ThrottleKey = stored.ThrottleKey,
        ThrottleAdmitted = stored.ThrottleAdmitted,
        SingletonKey = stored.SingletonKey,
        StartedAt = stored.StartedAt,
        DisableImmediateExecution = stored.DisableImmediateExecution,
        VersionPinned = stored.VersionPinned,
    };
}
