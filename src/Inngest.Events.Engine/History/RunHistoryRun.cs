using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.History;

/// <summary>The run a <see cref="RunHistory"/> records: which function, how it ended, when.</summary>
public sealed record RunHistoryRun
{
    /// <summary>The run id (a ULID).</summary>
    public required string RunId { get; init; }

    /// <summary>The app the function belongs to (empty when the exporter did not know it).</summary>
    public string AppId { get; init; } = string.Empty;

    /// <summary>The function's id within its app: what a replay looks the function up by.</summary>
    public required string FunctionId { get; init; }

    /// <summary>The composite id, <c>{appId}-{functionId}</c>.</summary>
    public string CompositeFunctionId { get; init; } = string.Empty;

    /// <summary>Where the run stood when it was exported.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>When the run was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its first call started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it completed, failed or was cancelled.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>For a rerun: the run it reran.</summary>
    public string? OriginalRunId { get; init; }

    /// <summary>For a run started by <c>step.invoke</c>: the invoking run.</summary>
    public string? ParentRunId { get; init; }

    /// <summary>For a run started by <c>step.invoke</c>: the invoke's correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The function's result, once completed.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>The error that failed the run.</summary>
    public StepError? Error { get; init; }

    /// <summary>Why the run was cancelled.</summary>
    public string? CancellationReason { get; init; }
}
