namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>One run to drive: a function, its trigger event, and how the executor settles waits and invocations.</summary>
internal sealed record Scenario(string Name, string FunctionId, int MaxAttempts)
{
    public JsonElement Event { get; init; } = ScenarioEvents.SignedUp;

    public string RunId { get; init; } = "01J00000000000000000000RUN";

    /// <summary>The event a <c>WaitForEvent</c> op receives; null lets it time out.</summary>
    public JsonElement? WaitResult { get; init; }

    public InvokeOutcome Invoke { get; init; } = InvokeOutcome.RunChild;

    /// <summary>Attempts of the invoked function's steps (default retries: 4).</summary>
    public int ChildMaxAttempts { get; init; } = 5;

    public override string ToString() => Name;
}
