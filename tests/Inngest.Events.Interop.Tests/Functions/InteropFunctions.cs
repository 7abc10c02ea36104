using Inngest.Events.Generated;

namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>
/// The .NET twins of the JS functions in tests/interop-js/serve.mjs: same ids, triggers, step ids, step results and
/// function results, written the way a .NET user writes them. The app id is <c>interop</c> on both sides.
/// </summary>
public static class InteropFunctions
{
    public const string AppId = "interop";

    [InngestFunction("serial-steps", Name = "Serial steps")]
    public static async Task<SerialResult> SerialSteps(Event<UserSignedUp> evt, IStepTools step)
    {
        var a = await step.RunAsync("a", () => "A");
        var ab = await step.RunAsync("b", () => a + "B");
        return new SerialResult(ab, evt.Data.UserId);
    }

    [InngestFunction("parallel-steps")]
    public static async Task<string> ParallelSteps(Event<UserSignedUp> evt, IStepTools step)
    {
        var results = await Task.WhenAll(step.RunAsync("a", () => "A"), step.RunAsync("b", () => "B"));
        return await step.RunAsync("c", () => results[0] + results[1] + "C");
    }

    [InngestFunction("parallel-retry")]
    [Retries(1)]
    public static async Task<string[]> ParallelRetry(Event<UserSignedUp> evt, IStepTools step, FunctionContext context)
    {
        var steady = step.RunAsync("steady", () => "steady");
        var shaky = step.RunAsync("shaky", () => context.Attempt == 0
            ? throw new InvalidOperationException("shaky failure")
            : "shaky ok");
        var notify = step.SendEventAsync("notify", new FollowupSent("parallel"), new EventOptions { Id = "followup-parallel" });
        await Task.WhenAll(steady, shaky, notify);
        return [await steady, await shaky];
    }

    [InngestFunction("no-results")]
    public static async Task NoResults(Event<UserSignedUp> evt, IStepTools step)
    {
        await step.RunAsync("log", () => { });
        await step.RunAsync("log-async", () => Task.CompletedTask);
    }

    [InngestFunction("retry-then-succeed")]
    [Retries(2)]
    public static async Task<string[]> RetryThenSucceed(Event<UserSignedUp> evt, IStepTools step, FunctionContext context)
    {
        var first = await step.RunAsync("flaky", () => context.Attempt == 0
            ? throw new InvalidOperationException("transient failure")
            : $"ok on attempt {context.Attempt}");
        var second = await step.RunAsync("rate-limited", () => context.Attempt == 0
            ? throw new RetryAfterException("slow down", TimeSpan.FromSeconds(30))
            : "done");
        return [first, second];
    }

    [InngestFunction("fail-and-catch")]
    [Retries(1)]
    public static async Task<CatchResult> FailAndCatch(Event<UserSignedUp> evt, IStepTools step)
    {
        string outcome;
        try
        {
            await step.RunAsync("charge", () => throw new InvalidOperationException("card declined"));
            outcome = "charged";
        }
        catch (StepFailedException failed)
        {
            outcome = $"caught: {failed.Error.Message}";
        }

        var refund = await step.RunAsync("refund", () => "refunded");
        return new CatchResult(outcome, refund);
    }

    [InngestFunction("non-retriable")]
    public static async Task<string> NonRetriable(Event<UserSignedUp> evt, IStepTools step)
    {
        await step.RunAsync("validate", () => throw new NonRetriableException("bad input"));
        return "unreachable";
    }

    [InngestFunction("function-error")]
    [Retries(1)]
    public static async Task FunctionError(Event<UserSignedUp> evt, IStepTools step)
    {
        await step.RunAsync("before", () => "fine");
        throw new InvalidOperationException("function blew up");
    }

    [InngestFunction("function-retry-after")]
    [Retries(2)]
    public static Task FunctionRetryAfter(Event<UserSignedUp> evt, FunctionContext context)
    {
        if (context.Attempt == 0)
        {
            throw new RetryAfterException("come back later", TimeSpan.FromSeconds(10));
        }

        throw new NonRetriableException("gave up");
    }

    [InngestFunction("sleeps")]
    public static async Task<string> Sleeps(Event<UserSignedUp> evt, IStepTools step)
    {
        await step.SleepAsync("nap", TimeSpan.FromMinutes(90));
        await step.SleepAsync("week", TimeSpan.FromDays(7));
        await step.SleepUntilAsync("until-2030", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return "awake";
    }

    [InngestFunction("sleep-fraction")]
    public static async Task<string> SleepFraction(Event<UserSignedUp> evt, IStepTools step)
    {
        await step.SleepAsync("short", TimeSpan.FromMilliseconds(1500));
        return "awake";
    }

    [InngestFunction("wait-for-event")]
    public static async Task<string> WaitForEvent(Event<UserSignedUp> evt, IStepTools step)
    {
        var confirmed = await step.WaitForEventAsync<UserSignedUp, EmailConfirmed>(
            "wait-confirm",
            TimeSpan.FromHours(1),
            (trigger, incoming) => trigger.Data.UserId == incoming.Data.UserId);
        return confirmed is null ? "timed out" : $"confirmed by {confirmed.Data.UserId}";
    }

    [InngestFunction("invoke-child")]
    public static async Task<ChildResult> InvokeChild(Event<ChildRequested> evt, IStepTools step)
    {
        var doubled = await step.RunAsync("double", () => evt.Data.N * 2);
        return new ChildResult(doubled);
    }

    [InngestFunction("invoke-parent")]
    public static async Task<string> InvokeParent(Event<UserSignedUp> evt, IStepTools step)
    {
        try
        {
            var result = await step.InvokeAsync("call-child", InngestGeneratedFunctions.InvokeChild, new ChildRequested(21), TimeSpan.FromHours(1));
            return $"child doubled to {result.Doubled}";
        }
        catch (StepFailedException failed)
        {
            return $"invoke failed: {failed.Error.Message}";
        }
    }

    [InngestFunction("send-event")]
    public static async Task<IReadOnlyList<string>> SendEvent(Event<UserSignedUp> evt, IStepTools step)
        => await step.SendEventAsync("send-followups",
        [
            new Event<FollowupSent>(new FollowupSent(evt.Data.UserId)) { Id = $"followup-{evt.Data.UserId}", Ts = DateTimeOffset.FromUnixTimeMilliseconds(1717000000000) },
            new Event<FollowupSent>(new FollowupSent("second")),
        ]);

    [InngestFunction("loop")]
    public static async Task<int> Loop(Event<UserSignedUp> evt, IStepTools step)
    {
        var total = 0;
        foreach (var n in Enumerable.Range(1, 3))
        {
            total += await step.RunAsync("add", () => n);
        }

        total += await step.RunAsync("add:1", () => 100);
        return total;
    }

    [InngestFunction("cancel-on")]
    [CancelOn<UserDeleted>(If = "event.data.userId == async.data.userId")]
    public static async Task<string> CancelledByUserDeletion(Event<UserSignedUp> evt, IStepTools step)
    {
        await step.RunAsync("before", () => "before");
        await step.SleepAsync("pause", TimeSpan.FromHours(1));
        return await step.RunAsync("after", () => "after");
    }

    [InngestFunction("configured", Name = "Configured function", OnFailure = nameof(ConfiguredFailed))]
    [Retries(3)]
    [Trigger<UserSignedUp>(If = "event.data.plan == 'pro'")]
    [CancelOn<UserDeleted>(If = "event.data.userId == async.data.userId", Timeout = "7d")]
    public static Task<string> Configured(Event<UserSignedUp> evt) => Task.FromResult("configured");

    public static Task<string> ConfiguredFailed(Event<FunctionFailed> failed) => Task.FromResult("handled");
}
