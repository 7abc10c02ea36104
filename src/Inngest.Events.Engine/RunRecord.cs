using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

/// <summary>A snapshot of a run: its trigger, status, steps, result or error, calls and timeline.</summary>
public sealed record RunRecord
{
    /// <summary>The run id (a ULID).</summary>
    public required string RunId { get; init; }

    /// <summary>The function's id within the app.</summary>
    public required string FunctionId { get; init; }

    /// <summary>The composite id, <c>{appId}-{functionId}</c>.</summary>
    public required string CompositeFunctionId { get; init; }

    /// <summary>The triggering event.</summary>
    public required JsonElement Event { get; init; }

    /// <summary>All triggering events.</summary>
    public required IReadOnlyList<JsonElement> Events { get; init; }

    /// <summary>The internal ids of the triggering events (<see cref="EventRecord.InternalId"/>), in the order of <see cref="Events"/>.</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];

    /// <summary>For a rerun (<see cref="InngestEngine.Rerun"/>): the run it reran.</summary>
    public string? OriginalRunId { get; init; }

    /// <summary>Where the run stands.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>When the run was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its first call started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it completed, failed or was cancelled.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The steps, in the order they were first reported.</summary>
    public required IReadOnlyList<StepRecord> Steps { get; init; }

    /// <summary>The hashed ids of stored steps in completion order (the <c>ctx.stack</c> of the next call).</summary>
    public required IReadOnlyList<string> Stack { get; init; }

    /// <summary>The function's result, once completed.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>The error that failed the run.</summary>
    public StepError? Error { get; init; }

    /// <summary>Why the run was cancelled.</summary>
    public string? CancellationReason { get; init; }

    /// <summary>For a run started by <c>step.invoke</c>: the correlation id and the invoking run.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The run that invoked this one.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>Every call of the function, in order. Each call is one attempt of one queue item.</summary>
    public required IReadOnlyList<CallRecord> Calls { get; init; }

    /// <summary>What happened, in order.</summary>
    public required IReadOnlyList<RunTimelineEntry> Timeline { get; init; }

    /// <summary>Whether the run has ended (completed, failed or cancelled).</summary>
    public bool IsFinished => Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;

    /// <summary>The step whose user id is <paramref name="name"/>, or null.</summary>
    public StepRecord? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);
}
