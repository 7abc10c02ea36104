using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Store;

/// <summary>A run as the store keeps it, without its steps, calls and timeline (kept as their own rows).</summary>
internal sealed record StoredRun
{
    public required string RunId { get; init; }

    /// <summary>The function's id within its app.</summary>
    public required string FunctionId { get; init; }

    /// <summary>The id the engine finds the function by on restart: <c>{appId}-{functionId}</c>.</summary>
    public required string CompositeFunctionId { get; init; }

    public required RunStatus Status { get; init; }

    /// <summary>The first triggering event (the batch's first for a batch).</summary>
    public required JsonElement Event { get; init; }

    /// <summary>Every triggering event (several for a batch).</summary>
    public required IReadOnlyList<JsonElement> Events { get; init; }

    /// <summary>The internal ids of the triggering events (empty in a store written before they were kept).</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];

    /// <summary>For a rerun: the run it reran.</summary>
    public string? OriginalRunId { get; init; }

    /// <summary>The event sequence number when the run was created: only later events cancel it.</summary>
    public required long CreatedSequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the first call was due (the trigger's <c>ts</c> when it was in the future).</summary>
    public required DateTimeOffset DueAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public required int MaxAttempts { get; init; }

    /// <summary>No system events for runs triggered by <c>inngest/function.failed</c> or <c>.finished</c>.</summary>
    public bool SuppressSystemEvents { get; init; }

    /// <summary>For a run started by <c>step.invoke</c>: the correlation id, the invoking run and its step.</summary>
    public string? CorrelationId { get; init; }

    public string? ParentRunId { get; init; }

    public string? ParentStepHash { get; init; }

    public JsonElement? Result { get; init; }

    public StepError? Error { get; init; }

    /// <summary>The error as system events carry it.</summary>
    public FunctionError? ErrorObject { get; init; }

    public string? CancellationReason { get; init; }

    public bool DisableImmediateExecution { get; init; }

    /// <summary>True once the function has answered a call (the request version is pinned from then on).</summary>
    public bool VersionPinned { get; init; }

    /// <summary>The <c>priority.run</c> factor in seconds (−600…600): the run's calls queue as if created that much earlier.</summary>
    public int PrioritySeconds { get; init; }

    /// <summary>The value of each concurrency limit's key, in the order of the function's limits (null for a limit without a key).</summary>
    public IReadOnlyList<string?> ConcurrencyKeys { get; init; } = [];

    /// <summary>The throttle key's value, when the function has a throttle.</summary>
    public string? ThrottleKey { get; init; }

    /// <summary>True once the throttle let the run start (a restart does not throttle it again).</summary>
    public bool ThrottleAdmitted { get; init; }

    /// <summary>The singleton key's value, while the run holds its function's singleton slot.</summary>
    public string? SingletonKey { get; init; }
}
