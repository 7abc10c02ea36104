using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

/// <summary>A step of a run, as the engine saw it.</summary>
public sealed record StepRecord
{
    /// <summary>The hashed step id (the key of the memo).</summary>
    public required string Hash { get; init; }

    /// <summary>The user's step id, when the function reported it.</summary>
    public string? Name { get; init; }

    /// <summary>The op that introduced the step: StepRun (run-type steps, also sendEvent), Sleep, WaitForEvent or InvokeFunction.</summary>
    public required string Op { get; init; }

    /// <summary>Where the step stands.</summary>
    public required StepStatus Status { get; init; }

    /// <summary>How many times the step's code ran (run-type steps).</summary>
    public int Attempts { get; init; }

    /// <summary>The step's output: a run's value, the matched event of a wait (null on timeout), an invoked function's result.</summary>
    public JsonElement? Output { get; init; }

    /// <summary>The step's last error.</summary>
    public StepError? Error { get; init; }

    /// <summary>The memoized value sent back to the function (<c>{"data":..}</c>, <c>{"error":..}</c> or a raw value).</summary>
    public JsonElement? Memo { get; init; }
}
