using System.Text.Json;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Execution;

/// <summary>A step of a run while the run goes on.</summary>
internal sealed class StepState(string hash, string op, int order)
{
    public string Hash { get; } = hash;

    public string Op { get; } = op;

    /// <summary>The order in which the run first reported it.</summary>
    public int Order { get; } = order;

    public string? Name { get; set; }

    public StepStatus Status { get; set; } = StepStatus.Planned;

    public int Attempts { get; set; }

    public JsonElement? Output { get; set; }

    public StepError? Error { get; set; }

    public JsonElement? Memo { get; set; }

    /// <summary>Its position in the run's stack, once stored.</summary>
    public int? StackIndex { get; set; }

    /// <summary>True while the step has changes the next commit writes.</summary>
    public bool Dirty { get; set; }

    public string Label => Name is null ? Hash[..Math.Min(8, Hash.Length)] : $"'{Name}'";

    public StoredStep ToStored(string runId) => new(runId, Hash, Order, Name, Op, Status, Attempts, Output, Error, Memo, StackIndex);

    public static StepState FromStored(StoredStep stored) => new(stored.Hash, stored.Op, stored.Order)
    {
        Name = stored.Name,
        Status = stored.Status,
        Attempts = stored.Attempts,
        Output = stored.Output,
        Error = stored.Error,
        Memo = stored.Memo,
        StackIndex = stored.StackIndex,
    };
}
