namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>
/// The .NET twins of the flow-control functions in tests/interop-js/serve.mjs: one per policy, each triggered by
/// <c>test/flow.requested</c> events for its policy, with the same configuration and a step returning <c>key:n</c>.
/// </summary>
public static class FlowControlFunctions
{
    [InngestFunction("flow-concurrency")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'concurrency'")]
    [Concurrency(1, Key = "event.data.key")]
    public static Task<string> Concurrency(Event<FlowRequested> evt, IStepTools step) => Work(evt, step);

    [InngestFunction("flow-throttle")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'throttle'")]
    [Throttle(1, "1m", Key = "event.data.key")]
    public static Task<string> Throttle(Event<FlowRequested> evt, IStepTools step) => Work(evt, step);

    [InngestFunction("flow-rate-limit")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'rate-limit'")]
    [RateLimit(1, "1m", Key = "event.data.key")]
    public static Task<string> RateLimit(Event<FlowRequested> evt, IStepTools step) => Work(evt, step);

    [InngestFunction("flow-debounce")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'debounce'")]
    [Debounce("10s", Key = "event.data.key")]
    public static Task<string> Debounce(Event<FlowRequested> evt, IStepTools step) => Work(evt, step);

    /// <summary>Batched like the JS function, which reads <c>events</c>: it receives every event of the batch, in order.</summary>
    [InngestFunction("flow-batch")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'batch'")]
    [BatchEvents(3, "10s")]
    public static async Task<string> Batch(IReadOnlyList<Event<FlowRequested>> events, IStepTools step)
        => await step.RunAsync("work", () => string.Join(",", events.Select(e => $"{e.Data.Key}:{e.Data.N}")));

    [InngestFunction("flow-priority")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'priority'")]
    [Concurrency(1)]
    [Priority("event.data.n")]
    public static Task<string> Priority(Event<FlowRequested> evt, IStepTools step) => Work(evt, step);

    [InngestFunction("flow-singleton")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'singleton'")]
    [Singleton(SingletonMode.Skip, Key = "event.data.key")]
    public static Task<string> Singleton(Event<FlowRequested> evt, IStepTools step) => SleepThenWork(evt, step);

    [InngestFunction("flow-singleton-cancel")]
    [Trigger<FlowRequested>(If = "event.data.policy == 'singleton-cancel'")]
    [Singleton(SingletonMode.Cancel, Key = "event.data.key")]
    public static Task<string> SingletonCancel(Event<FlowRequested> evt, IStepTools step) => SleepThenWork(evt, step);

    private static async Task<string> Work(Event<FlowRequested> evt, IStepTools step)
        => await step.RunAsync("work", () => $"{evt.Data.Key}:{evt.Data.N}");

    private static async Task<string> SleepThenWork(Event<FlowRequested> evt, IStepTools step)
    {
        await step.SleepAsync("pause", TimeSpan.FromMinutes(1));
        return await Work(evt, step);
    }
}
