using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Internal;

/// <summary>A run's mutable state. Guarded by the engine's lock.</summary>
internal sealed class RunState
{
    public required string RunId { get; init; }

    public required InngestFunctionDefinition Function { get; init; }

    public required string CompositeId { get; init; }

    public required JsonElement Event { get; init; }

    public required IReadOnlyList<JsonElement> Events { get; init; }

    /// <summary>The engine's event sequence number when the run was created: only later events can cancel it.</summary>
    public required long CreatedSequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the first call is due (the trigger's <c>ts</c> when it is in the future).</summary>
    public required DateTimeOffset DueAt { get; init; }

    public required int MaxAttempts { get; init; }

    /// <summary>No system events for runs triggered by <c>inngest/function.failed</c> or <c>.finished</c>.</summary>
    public required bool SuppressSystemEvents { get; init; }

    public string? CorrelationId { get; init; }

    public RunState? Parent { get; init; }

    public string? ParentStepHash { get; init; }

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
    public int CallsOutstanding { get; set; }

    /// <summary>True while a response's ops are applied: discovery is decided once at the end.</summary>
    public bool Applying { get; set; }

    /// <summary>A race-mode step resolved while applying: discover even though others are pending.</summary>
    public bool RaceResolved { get; set; }

    public List<StepState> Steps { get; } = [];

    public Dictionary<string, StepState> StepsByHash { get; } = new(StringComparer.Ordinal);

    public List<CallRecord> Calls { get; } = [];

    public List<RunTimelineEntry> Timeline { get; } = [];

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

            if (CallsOutstanding > 0)
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
            step = new StepState(hash, kind);
            StepsByHash.Add(hash, step);
            Steps.Add(step);
        }

        step.Name ??= op?.UserlandId ?? op?.Name ?? op?.DisplayName;
        return step;
    }

    public RunRecord ToRecord() => new()
    {
        RunId = RunId,
        FunctionId = Function.Id,
        CompositeFunctionId = CompositeId,
        Event = Event,
        Events = Events,
        Status = Status,
        CreatedAt = CreatedAt,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        Steps = Steps.ConvertAll(s => s.ToRecord()),
        Stack = Stack.ToArray(),
        Result = Result,
        Error = Error,
        CancellationReason = CancellationReason,
        CorrelationId = CorrelationId,
        ParentRunId = Parent?.RunId,
        Calls = Calls.ToArray(),
        Timeline = Timeline.ToArray(),
    };
}

/// <summary>What a pending step waits for.</summary>
internal enum PendingKind
{
    Planned,
    Sleep,
    Wait,
    Invoke,
}

/// <summary>A step reported by the function and not yet stored.</summary>
internal sealed class PendingStep(string hash, PendingKind kind, long token)
{
    public string Hash { get; } = hash;

    public PendingKind Kind { get; } = kind;

    /// <summary>Identifies this pending instance, so a stale timer cannot resolve a later one.</summary>
    public long Token { get; } = token;

    /// <summary>Discover as soon as this resolves, even if others are pending (<c>opts.parallelMode: "race"</c>).</summary>
    public bool Race { get; init; }

    public string? EventName { get; init; }

    public string? If { get; init; }

    /// <summary>For waits: only events with a later sequence number match.</summary>
    public long CreatedSequence { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public string? CorrelationId { get; init; }
}

/// <summary>A step's record while the run goes on.</summary>
internal sealed class StepState(string hash, string op)
{
    public string Hash { get; } = hash;

    public string? Name { get; set; }

    public string Op { get; } = op;

    public StepStatus Status { get; set; } = StepStatus.Planned;

    public int Attempts { get; set; }

    public JsonElement? Output { get; set; }

    public StepError? Error { get; set; }

    public JsonElement? Memo { get; set; }

    public string Label => Name is null ? Hash[..Math.Min(8, Hash.Length)] : $"'{Name}'";

    public StepRecord ToRecord() => new()
    {
        Hash = Hash,
        Name = Name,
        Op = Op,
        Status = Status,
        Attempts = Attempts,
        Output = Output,
        Error = Error,
        Memo = Memo,
    };
}
