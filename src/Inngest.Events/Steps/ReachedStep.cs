using System.Text.Json;

namespace Inngest.Events;

/// <summary>A step user code reached, as an <see cref="IStepObserver"/> sees it.</summary>
/// <param name="Hash">The hashed id.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="Index">The repeat index, for an id used more than once.</param>
/// <param name="Kind">The op it is: StepRun (run-type, sendEvent too), Sleep, WaitForEvent or InvokeFunction.</param>
/// <param name="Opts">The op's options.</param>
internal sealed record ReachedStep(string Hash, string UserId, int? Index, string Kind, JsonElement? Opts);
