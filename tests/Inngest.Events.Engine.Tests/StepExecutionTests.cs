namespace Inngest.Events.Engine.Tests;

public sealed class StepExecutionTests
{
    private static readonly string HashA = StepIds.Hash("a");
    private static readonly string HashB = StepIds.Hash("b");
    private static readonly string HashC = StepIds.Hash("c");

    [Fact]
    public async Task Two_serial_steps_are_run_one_per_call_and_memoized_in_completion_order()
    {
        await using var h = new EngineHarness(Fn.On("serial", Names.OrderPlaced, async invocation =>
        {
            var a = await invocation.Steps.RunAsync("a", () => "A");
            var b = await invocation.Steps.RunAsync("b", () => a + "B");
            return invocation.SerializeResult(b);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("serial");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("AB", run.Result!.Value.GetString());
        Assert.Equal([HashA, HashB], run.Stack);
        Assert.Equal(3, run.Calls.Count);

        var first = run.Calls[0];
        Assert.Equal("step", first.Request.Ctx.StepId);
        Assert.Equal(-1, first.Request.Version);
        Assert.Equal(0, first.Request.Ctx.Attempt);
        Assert.Equal(5, first.Request.Ctx.MaxAttempts);
        Assert.Equal(run.RunId, first.Request.Ctx.RunId);
        Assert.Equal("app-serial", first.Request.Ctx.FnId);
        Assert.False(first.Request.Ctx.DisableImmediateExecution);
        Assert.Empty(first.Request.Ctx.Stack);
        Assert.Empty(first.Request.Steps);
        Assert.Equal(run.Event.GetRawText(), first.Request.Event.GetRawText());
        Assert.Equal(run.Event.GetRawText(), Assert.Single(first.Request.Events).GetRawText());
        Assert.Equal(206, first.Response.StatusCode);
        var opA = Assert.Single(first.Response.Ops);
        Assert.Equal((OpCodes.StepRun, HashA, "\"A\""), (opA.Op, opA.Id, opA.Data!.Value.GetRawText()));

        var second = run.Calls[1];
        Assert.Equal("step", second.Request.Ctx.StepId);
        Assert.Equal(0, second.Request.Ctx.Attempt);
        Assert.Equal([HashA], second.Request.Ctx.Stack);
        Assert.Equal("{\"data\":\"A\"}", Assert.Single(second.Request.Steps, s => s.Key == HashA).Value.GetRawText());
        Assert.Single(second.Request.Steps);
        var opB = Assert.Single(second.Response.Ops);
        Assert.Equal((OpCodes.StepRun, HashB, "\"AB\""), (opB.Op, opB.Id, opB.Data!.Value.GetRawText()));

        var third = run.Calls[2];
        Assert.Equal([HashA, HashB], third.Request.Ctx.Stack);
        Assert.Equal(2, third.Request.Steps.Count);
        Assert.Equal("{\"data\":\"AB\"}", third.Request.Steps[HashB].GetRawText());
        Assert.Equal(200, third.Response.StatusCode);

        Assert.Collection(
            run.Steps,
            a => Assert.Equal(("a", StepStatus.Completed, 1, "\"A\""), (a.Name, a.Status, a.Attempts, a.Output!.Value.GetRawText())),
            b => Assert.Equal(("b", StepStatus.Completed, 1, "\"AB\""), (b.Name, b.Status, b.Attempts, b.Output!.Value.GetRawText())));
        Assert.Equal(
            [RunTimelineKind.Queued, RunTimelineKind.Started, RunTimelineKind.StepCompleted, RunTimelineKind.StepCompleted, RunTimelineKind.Completed],
            run.Timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task Parallel_steps_are_planned_run_in_their_own_calls_then_rediscovered_without_immediate_execution()
    {
        await using var h = new EngineHarness(Fn.On("parallel", Names.OrderPlaced, async invocation =>
        {
            var both = await Task.WhenAll(invocation.Steps.RunAsync("a", () => "A"), invocation.Steps.RunAsync("b", () => "B"));
            var c = await invocation.Steps.RunAsync("c", () => "C");
            return invocation.SerializeResult(both[0] + both[1] + c);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var run = h.SingleRun("parallel");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("ABC", run.Result!.Value.GetString());
        var calls = run.Calls;
        Assert.Equal(6, calls.Count);

        // 1: discovery finds both steps and plans them.
        Assert.Equal("step", calls[0].Request.Ctx.StepId);
        Assert.False(calls[0].Request.Ctx.DisableImmediateExecution);
        Assert.Equal([(OpCodes.StepPlanned, HashA, "a"), (OpCodes.StepPlanned, HashB, "b")], calls[0].Response.Ops.Select(o => (o.Op, o.Id, o.Name)));

        // 2, 3: one targeted call per planned step, each its own queue item (attempt 0), in either order.
        var targeted = calls.Skip(1).Take(2).ToArray();
        Assert.Equal([HashA, HashB], targeted.Select(c => c.Request.Ctx.StepId).Order());
        Assert.All(targeted, call =>
        {
            Assert.Equal(0, call.Request.Ctx.Attempt);
            Assert.True(call.Request.Ctx.DisableImmediateExecution);
            Assert.Empty(call.Request.Ctx.Stack);
            var op = Assert.Single(call.Response.Ops);
            Assert.Equal((OpCodes.StepRun, call.Request.Ctx.StepId), (op.Op, op.Id));
        });

        // 4: rediscovery once both are stored; with immediate execution disabled, even one step is planned first.
        Assert.Equal("step", calls[3].Request.Ctx.StepId);
        Assert.True(calls[3].Request.Ctx.DisableImmediateExecution);
        Assert.Equal([HashA, HashB], calls[3].Request.Ctx.Stack.Order());
        Assert.Equal(targeted.Select(c => c.Request.Ctx.StepId), calls[3].Request.Ctx.Stack);
        Assert.Equal([(OpCodes.StepPlanned, HashC)], calls[3].Response.Ops.Select(o => (o.Op, o.Id)));

        // 5: the targeted call of c; 6: the last discovery returns the result.
        Assert.Equal(HashC, calls[4].Request.Ctx.StepId);
        Assert.Equal("step", calls[5].Request.Ctx.StepId);
        Assert.Equal(3, calls[5].Request.Ctx.Stack.Count);
        Assert.Equal(200, calls[5].Response.StatusCode);
    }

    [Fact]
    public async Task Step_send_event_is_memoized_and_its_events_are_ingested()
    {
        await using var h = new EngineHarness(
            Fn.On("notify", Names.OrderPlaced, async invocation =>
            {
                var order = invocation.GetEvent<OrderPlaced>().Data;
                var ids = await invocation.Steps.SendEventAsync("send-receipt", new ReceiptRequested(order.OrderId));
                await invocation.Steps.RunAsync("after", () => "done");
                return invocation.SerializeResult(ids.Single());
            }),
            Fn.On("receipt", Names.ReceiptRequested, invocation => Task.FromResult(invocation.SerializeResult(invocation.GetEvent<ReceiptRequested>().Data.OrderId))));

        await h.SendAsync(new OrderPlaced("o7"));
        await h.RunAsync();

        var sent = Assert.Single(h.EventsNamed(Names.ReceiptRequested));
        Assert.Equal(sent.InternalId, h.SingleRun("notify").Result!.Value.GetString());
        Assert.Equal("o7", h.SingleRun("receipt").Result!.Value.GetString());
        Assert.Equal(StepStatus.Completed, h.SingleRun("notify").Step("send-receipt")!.Status);
    }
}
