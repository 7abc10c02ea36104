namespace Inngest.Events.Engine.Tests;

public sealed class FailureTests
{
    private static int Reject(string message) => throw new NonRetriableException(message);

    [Fact]
    public async Task A_step_that_keeps_failing_fails_the_run_with_function_failed_and_function_finished()
    {
        await using var h = new EngineHarness(Fn.On(
            "charge",
            Names.OrderPlaced,
            async invocation => invocation.SerializeResult(await invocation.Steps.RunAsync("charge-card", () => Fn.Throw("card declined"))),
            new FunctionConfig { Retries = 1 }));

        await h.SendAsync(new OrderPlaced("o1", 42));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(15));

        var run = h.SingleRun("charge");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(("InvalidOperationException", "card declined"), (run.Error!.Name, run.Error.Message));
        Assert.Equal((StepStatus.Failed, 2), (run.Step("charge-card")!.Status, run.Step("charge-card")!.Attempts));
        Assert.Equal([OpCodes.StepError, OpCodes.StepFailed], run.Calls.Take(2).Select(c => Assert.Single(c.Response.Ops).Op));
        Assert.Equal(2, run.Calls[0].Request.Ctx.MaxAttempts);
        Assert.Equal(400, run.Calls[2].Response.StatusCode);
        Assert.Equal(3, run.Calls.Count);

        var names = h.Engine.Events.Select(e => e.Name).ToArray();
        Assert.Equal([Names.OrderPlaced, Names.FunctionFinished, Names.FunctionFailed], names);
        var failed = Assert.Single(h.EventsNamed(Names.FunctionFailed));
        var finished = Assert.Single(h.EventsNamed(Names.FunctionFinished));
        Assert.Equal(run.RunId, failed.Id);
        Assert.NotEqual(run.RunId, finished.Id);
        Assert.Equal(finished.InternalId, finished.Id);

        foreach (var evt in new[] { failed, finished })
        {
            var data = evt.Data;
            Assert.Equal(["function_id", "run_id", "event", "events", "error", "_inngest"], data.EnumerateObject().Select(p => p.Name));
            Assert.Equal("app-charge", data.GetProperty("function_id").GetString());
            Assert.Equal(run.RunId, data.GetProperty("run_id").GetString());
            Assert.Equal(run.Event.GetRawText(), data.GetProperty("event").GetRawText());
            Assert.Equal(run.Event.GetRawText(), Assert.Single(data.GetProperty("events").EnumerateArray()).GetRawText());
            var error = data.GetProperty("error");
            Assert.Equal(["error", "name", "message", "stack"], error.EnumerateObject().Select(p => p.Name));
            Assert.Equal("InvalidOperationException: card declined", error.GetProperty("error").GetString());
            Assert.Equal("InvalidOperationException", error.GetProperty("name").GetString());
            Assert.Equal("card declined", error.GetProperty("message").GetString());
            Assert.Equal("{\"status\":\"Failed\"}", data.GetProperty("_inngest").GetRawText());
            Assert.Equal("{}", evt.Payload.GetProperty("user").GetRawText());
            Assert.Equal(h.Now.ToUnixTimeMilliseconds(), evt.Payload.GetProperty("ts").GetInt64());
        }
    }

    [Fact]
    public async Task A_completed_run_emits_function_finished_with_its_result()
    {
        await using var h = new EngineHarness(Fn.Returning("ok", Names.OrderPlaced, "done"));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("ok");
        var finished = Assert.Single(h.EventsNamed(Names.FunctionFinished));
        Assert.Equal(["function_id", "run_id", "event", "events", "result", "_inngest"], finished.Data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("\"done\"", finished.Data.GetProperty("result").GetRawText());
        Assert.Equal("{\"status\":\"Completed\"}", finished.Data.GetProperty("_inngest").GetRawText());
        Assert.Equal(run.RunId, finished.Data.GetProperty("run_id").GetString());
        Assert.Empty(h.EventsNamed(Names.FunctionFailed));
    }

    [Fact]
    public async Task A_function_that_throws_outside_steps_is_called_again_with_backoff_then_fails()
    {
        await using var h = new EngineHarness(Fn.On(
            "broken",
            Names.OrderPlaced,
            _ => Fn.Fail(new InvalidOperationException("nope")),
            new FunctionConfig { Retries = 2 }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(RunStatus.Running, h.SingleRun("broken").Status);
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));

        var run = h.SingleRun("broken");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal([500, 500, 400], run.Calls.Select(c => c.Response.StatusCode));
        Assert.Equal([0, 1, 2], run.Calls.Select(c => c.Request.Ctx.Attempt));
        Assert.Equal(2, run.Timeline.Count(e => e.Kind == RunTimelineKind.Retrying));
        Assert.Equal("nope", run.Error!.Message);
        Assert.Single(h.EventsNamed(Names.FunctionFailed));
    }

    [Fact]
    public async Task A_non_retriable_step_error_is_not_retried()
    {
        var executions = 0;
        await using var h = new EngineHarness(Fn.On("strict", Names.OrderPlaced, async invocation =>
        {
            var value = await invocation.Steps.RunAsync("validate", () =>
            {
                executions++;
                return Reject("bad input");
            });
            return invocation.SerializeResult(value);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("strict");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, executions);
        Assert.Equal((StepStatus.Failed, 1), (run.Step("validate")!.Status, run.Step("validate")!.Attempts));
        Assert.Equal(OpCodes.StepFailed, Assert.Single(run.Calls[0].Response.Ops).Op);
        Assert.Equal(("NonRetriableException", "bad input"), (run.Error!.Name, run.Error.Message));
        Assert.Null(h.Engine.NextDueAt);
    }

    [Fact]
    public async Task A_non_retriable_function_error_fails_the_run_at_once()
    {
        await using var h = new EngineHarness(Fn.On("strict", Names.OrderPlaced, _ => Fn.Fail(new NonRetriableException("never"))));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("strict");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(400, Assert.Single(run.Calls).Response.StatusCode);
    }

    [Fact]
    public async Task A_function_can_catch_a_failed_step_and_go_on()
    {
        await using var h = new EngineHarness(Fn.On(
            "careful",
            Names.OrderPlaced,
            async invocation =>
            {
                try
                {
                    await invocation.Steps.RunAsync("risky", () => Fn.Throw("bad"));
                    return invocation.SerializeResult("unreachable");
                }
                catch (StepFailedException exception)
                {
                    var fallback = await invocation.Steps.RunAsync("fallback", () => $"recovered from {exception.StepId}: {exception.Error.Message}");
                    return invocation.SerializeResult(fallback);
                }
            },
            new FunctionConfig { Retries = 0 }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("careful");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("recovered from risky: bad", run.Result!.Value.GetString());
        Assert.Equal(StepStatus.Failed, run.Step("risky")!.Status);
        var memo = run.Calls.Last().Request.Steps[StepIds.Hash("risky")];
        Assert.Equal(["error"], memo.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bad", memo.GetProperty("error").GetProperty("message").GetString());
        Assert.Empty(h.EventsNamed(Names.FunctionFailed));
    }
}
