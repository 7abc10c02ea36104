using Inngest.Events.Engine;

namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>What must be equal between a run driven in memory and the same run driven over HTTP.</summary>
internal static class RunComparison
{
    public static IReadOnlyList<string> Calls(RunRecord run)
        => run.Calls
            .Select((call, index) => (call, index))
            .OrderBy(c => c.call.Request.Ctx.StepId == "step" ? string.Empty : c.call.Request.Ctx.StepId, StringComparer.Ordinal)
            .ThenBy(c => c.index)
            .Select(c => Describe(c.call))
            .ToArray();

    public static string Describe(CallRecord call)
    {
        var request = call.Request.Ctx;
        var response = call.Response;
        var ops = string.Join("; ", response.Ops.Select(op =>
            $"{op.Op} {op.Id} name={op.Name} display={op.DisplayName} data={op.Data?.GetRawText()} opts={op.Opts?.GetRawText()} error={op.Error?.Name}:{op.Error?.Message}"));
        return $"step={request.StepId} attempt={request.Attempt} immediate={!request.DisableImmediateExecution} -> {response.StatusCode} " +
            $"noRetry={response.NoRetry} retryAfter={response.RetryAfter} result={response.Result?.GetRawText()} error={response.Error?.Name}:{response.Error?.Message} ops=[{ops}]";
    }

    public static IReadOnlyList<string> Steps(RunRecord run)
        => run.Steps.Select(s => $"{s.Name} {s.Hash} {s.Op} {s.Status} attempts={s.Attempts} " + (s.Op == OpCodes.WaitForEvent
                // A received event carries the ids and time its engine gave it; its data is compared instead.
                ? $"data={(s.Output is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("data").GetRawText() : s.Output?.GetRawText())}"
                : $"output={s.Output?.GetRawText()} memo={s.Memo?.GetRawText()}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static void Equal(RunRecord expected, RunRecord actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.FunctionId, actual.FunctionId);
        Assert.Equal(expected.CompositeFunctionId, actual.CompositeFunctionId);
        Assert.Equal(expected.Result?.GetRawText(), actual.Result?.GetRawText());
        Assert.Equal(expected.Error?.Message, actual.Error?.Message);
        Assert.Equal(expected.Stack.Order(StringComparer.Ordinal), actual.Stack.Order(StringComparer.Ordinal));
        Assert.Equal(Steps(expected), Steps(actual));
        Assert.Equal(Calls(expected), Calls(actual));
        Assert.Equal(expected.Timeline.Select(e => e.Kind).Order(), actual.Timeline.Select(e => e.Kind).Order());
    }
}
