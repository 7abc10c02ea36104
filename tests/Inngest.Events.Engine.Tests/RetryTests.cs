namespace Inngest.Events.Engine.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task A_failing_step_is_retried_with_the_backoff_table_until_it_succeeds()
    {
        var executions = 0;
        await using var h = new EngineHarness(Fn.On("flaky", Names.OrderPlaced, async invocation =>
        {
            var value = await invocation.Steps.RunAsync("charge", () => ++executions < 3 ? Fn.Throw($"boom {executions}") : executions);
            return invocation.SerializeResult(value);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("flaky");
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal(StepStatus.Retrying, run.Step("charge")!.Status);
        Assert.Equal("boom 1", run.Step("charge")!.Error!.Message);
        Assert.Equal(EngineHarness.Start + TimeSpan.FromSeconds(15), h.Engine.NextDueAt);

        await h.AdvanceAsync(TimeSpan.FromSeconds(14));
        Assert.Single(h.SingleRun("flaky").Calls);

        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, h.SingleRun("flaky").Calls.Count);
        Assert.Equal(h.Now + TimeSpan.FromSeconds(30), h.Engine.NextDueAt);

        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        run = h.SingleRun("flaky");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3, run.Result!.Value.GetInt32());
        Assert.Equal(3, executions);
        Assert.Equal([0, 1, 2, 0], run.Calls.Select(c => c.Request.Ctx.Attempt));
        Assert.Equal(["step", "step", "step", "step"], run.Calls.Select(c => c.Request.Ctx.StepId));
        Assert.Equal(
            [EngineHarness.Start, EngineHarness.Start.AddSeconds(15), EngineHarness.Start.AddSeconds(45), EngineHarness.Start.AddSeconds(45)],
            run.Calls.Select(c => c.Time));
        Assert.Equal([OpCodes.StepError, OpCodes.StepError, OpCodes.StepRun], run.Calls.Take(3).Select(c => Assert.Single(c.Response.Ops).Op));
        var step = run.Step("charge")!;
        Assert.Equal((StepStatus.Completed, 3), (step.Status, step.Attempts));
        Assert.Equal(2, run.Timeline.Count(e => e.Kind == RunTimelineKind.StepRetrying));
    }

    [Fact]
    public async Task The_backoff_is_configurable()
    {
        var executions = 0;
        await using var h = new EngineHarness(
            options => options.RetryBackoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)],
            Fn.On("flaky", Names.OrderPlaced, async invocation =>
                invocation.SerializeResult(await invocation.Steps.RunAsync("s", () => ++executions < 4 ? Fn.Throw("boom") : executions))));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(RunStatus.Running, h.SingleRun("flaky").Status);
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(RunStatus.Completed, h.SingleRun("flaky").Status);
        Assert.Equal(4, executions);
    }

    [Fact]
    public async Task A_retry_after_from_the_step_wins_over_the_backoff()
    {
        var executions = 0;
        await using var h = new EngineHarness(Fn.On("limited", Names.OrderPlaced, async invocation =>
        {
            var value = await invocation.Steps.RunAsync("call-api", () => ++executions == 1 ? throw new RetryAfterException("429", TimeSpan.FromMinutes(5)) : "ok");
            return invocation.SerializeResult(value);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        Assert.Equal("300", h.SingleRun("limited").Calls[0].Response.RetryAfter);
        Assert.Equal(EngineHarness.Start + TimeSpan.FromMinutes(5), h.Engine.NextDueAt);
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(RunStatus.Completed, h.SingleRun("limited").Status);
    }

    [Fact]
    public async Task A_planned_step_is_retried_in_its_own_targeted_call()
    {
        var executions = 0;
        await using var h = new EngineHarness(Fn.On("parallel-flaky", Names.OrderPlaced, async invocation =>
        {
            var both = await Task.WhenAll(
                invocation.Steps.RunAsync("steady", () => 1),
                invocation.Steps.RunAsync("flaky", () => ++executions < 2 ? Fn.Throw("boom") : 2));
            return invocation.SerializeResult(both.Sum());
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        var run = h.SingleRun("parallel-flaky");
        Assert.Equal(StepStatus.Completed, run.Step("steady")!.Status);
        Assert.Equal(StepStatus.Retrying, run.Step("flaky")!.Status);

        await h.AdvanceAsync(TimeSpan.FromSeconds(15));
        run = h.SingleRun("parallel-flaky");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3, run.Result!.Value.GetInt32());
        var flakyCalls = run.Calls.Where(c => c.Request.Ctx.StepId == StepIds.Hash("flaky")).ToArray();
        Assert.Equal([0, 1], flakyCalls.Select(c => c.Request.Ctx.Attempt));
        Assert.Equal(2, run.Calls.Count(c => c.Request.Ctx.StepId == "step"));
    }
}
