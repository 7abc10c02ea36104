using System.Text.Json;

namespace Inngest.Events.Testing.Mocks;

/// <summary>
/// Answers a <c>step.WaitForEventAsync</c>: when a run starts waiting in the step, the host sends the event this makes
/// (from the run's trigger) after <see cref="Delay"/> of virtual time.
/// </summary>
internal sealed class WaitMock(string stepId, string? functionId, TimeSpan delay, Func<JsonElement, InngestEvent> makeEvent)
{
    public string StepId { get; } = stepId;

    public string? FunctionId { get; } = functionId;

    public TimeSpan Delay { get; } = delay;

    public InngestEvent MakeEvent(JsonElement trigger) => makeEvent(trigger);
}
