using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Store;

/// <summary>A step of a run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Hash">The hashed step id.</param>
/// <param name="Order">The order in which the run first reported its steps (0, 1, ...).</param>
/// <param name="Name">The user's step id.</param>
/// <param name="Op">The op that introduced it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">How many times its code ran.</param>
/// <param name="Output">Its output.</param>
/// <param name="Error">Its last error.</param>
/// <param name="Memo">The memoized value sent back to the function, once stored.</param>
/// <param name="StackIndex">Its position in the run's stack (the order steps were stored in), once stored.</param>
internal sealed record StoredStep(
    string RunId,
    string Hash,
    int Order,
    string? Name,
    string Op,
    StepStatus Status,
    int Attempts,
    JsonElement? Output,
    StepError? Error,
    JsonElement? Memo,
    int? StackIndex);
