using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>A step user code reached that has no stored result yet.</summary>
/// <param name="Hash">The hashed id.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="Index">The repeat index, for an id used more than once.</param>
/// <param name="Kind">The op it becomes: StepRun (run-type), Sleep, WaitForEvent or InvokeFunction.</param>
/// <param name="Opts">The op's options.</param>
/// <param name="Execute">Runs a run-type step and returns its result as JSON.</param>
internal sealed record FoundStep(string Hash, string UserId, int? Index, string Kind, JsonElement? Opts, Func<Task<JsonElement>>? Execute)
{
    /// <summary>The op's <c>name</c>: the step id, except <c>sendEvent</c> for sendEvent steps (as the JS SDK sends it).</summary>
    public string Name { get; init; } = UserId;

    public bool IsRunType => Kind == OpCodes.StepRun;
}
