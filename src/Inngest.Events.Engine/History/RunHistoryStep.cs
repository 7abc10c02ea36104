using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.History;

/// <summary>
/// A step of the recorded run: its identity (hash, the user's id and repeat index), its kind and options, how it
/// ended, and the memoized value the function got back for it. A replay hands <see cref="Memo"/> to today's code.
/// </summary>
public sealed record RunHistoryStep
{
    /// <summary>The hashed step id (the key of the memo).</summary>
    public required string Hash { get; init; }

    /// <summary>The user's step id, when the function reported it.</summary>
    public string? Name { get; init; }

    /// <summary>For a step id used more than once in a run: which use (1, 2, ...; the first use has none).</summary>
    public int? Index { get; init; }

    /// <summary>The op that introduced the step: <c>StepRun</c> (run-type steps, also sendEvent), <c>Sleep</c>, <c>WaitForEvent</c> or <c>InvokeFunction</c>.</summary>
    public required string Op { get; init; }

    /// <summary>Where the step stood.</summary>
    public required StepStatus Status { get; init; }

    /// <summary>How many times the step's code ran.</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// The op's options as the function reported them: a sleep's <c>duration</c>, a wait's <c>event</c>, <c>timeout</c>
    /// and <c>if</c>, an invoke's <c>function_id</c> and <c>payload</c>, a run step's <c>type</c> and <c>input</c>.
    /// </summary>
    public JsonElement? Opts { get; init; }

    /// <summary>The step's output: a run's value, the matched event of a wait (null on timeout), an invoked function's result.</summary>
    public JsonElement? Output { get; init; }

    /// <summary>The step's last error.</summary>
    public StepError? Error { get; init; }

    /// <summary>
    /// The memoized value sent back to the function once the step was stored (<c>{"data":..}</c>, <c>{"error":..}</c>,
    /// or a raw value: <c>null</c> for a sleep, the event for a wait); null while the step had not ended.
    /// </summary>
    public JsonElement? Memo { get; init; }

    /// <summary>Whether the function got a stored result for the step (it completed, failed for good, or timed out).</summary>
    public bool IsStored => Memo is not null;

    /// <summary>How messages name the step: <c>'charge'</c>, <c>'charge' (use 2)</c>, or the start of its hash.</summary>
    public string Label => Name is null ? Hash[..Math.Min(8, Hash.Length)] : Index is { } index ? $"'{Name}' (use {index + 1})" : $"'{Name}'";
}
