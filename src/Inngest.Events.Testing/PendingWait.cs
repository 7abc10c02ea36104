namespace Inngest.Events.Testing;

/// <summary>A <c>step.WaitForEventAsync</c> that is waiting: which run and step, for which event and condition, until when.</summary>
/// <param name="RunId">The waiting run.</param>
/// <param name="FunctionId">Its function.</param>
/// <param name="StepName">The wait's step id.</param>
/// <param name="EventName">The event it waits for.</param>
/// <param name="If">The condition a candidate must meet (<c>event</c> is the trigger, <c>async</c> the candidate), if any.</param>
/// <param name="ExpiresAt">When it times out, by the virtual clock.</param>
public sealed record PendingWait(string RunId, string FunctionId, string StepName, string EventName, string? If, DateTimeOffset ExpiresAt);
