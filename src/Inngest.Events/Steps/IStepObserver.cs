using System.Text.Json;

namespace Inngest.Events;

/// <summary>
/// Sees every step a function call reaches, in the order user code reaches it, and chooses the memoized value it gets:
/// what replays a recorded run against today's code (Inngest.Events.Testing) hooks into.
/// </summary>
internal interface IStepObserver
{
    /// <summary>A step was reached.</summary>
    /// <param name="step">Its identity, kind and options.</param>
    /// <param name="stored">The memoized value the request holds for it, if any.</param>
    /// <returns>The memoized value to use (null leaves the step pending: it never completes in this call).</returns>
    JsonElement? Reached(ReachedStep step, JsonElement? stored);

    /// <summary>The memoized value given for a step cannot be read as the type the code expects.</summary>
    void Unreadable(ReachedStep step, Type expected, Exception exception);
}
