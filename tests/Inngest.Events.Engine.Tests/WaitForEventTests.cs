namespace Inngest.Events.Engine.Tests;

public sealed class WaitForEventTests
{
    private static InngestFunctionDefinition AwaitPayment() => Fn.On("await-payment", Names.OrderPlaced, async invocation =>
    {
        var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
        var text = await invocation.Steps.RunAsync("describe", () => payment is null ? "timed out" : $"paid {payment.Data.Amount} ({payment.Id})");
        return invocation.SerializeResult(text);
    });

    [Fact]
    public async Task A_wait_is_resumed_by_a_matching_event_that_arrives_after_it_began()
    {
        await using var h = new EngineHarness(AwaitPayment());

        await h.SendAsync(new PaymentReceived("o1", 1), new EventOptions { Id = "before-trigger" });
        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new PaymentReceived("o1", 2), new EventOptions { Id = "before-wait" });
        await h.RunAsync();

        var run = h.SingleRun("await-payment");
        Assert.Equal(RunStatus.Waiting, run.Status);
        var step = run.Step("wait-payment")!;
        Assert.Equal((OpCodes.WaitForEvent, StepStatus.Waiting), (step.Op, step.Status));
        var opts = Assert.Single(run.Calls[0].Response.Ops).Opts!.Value;
        Assert.Equal((Names.PaymentReceived, "1h"), (opts.GetProperty("event").GetString(), opts.GetProperty("timeout").GetString()));

        await h.SendAsync(new PaymentReceived("o2", 3), new EventOptions { Id = "other-order" });
        await h.RunAsync();
        Assert.Equal(RunStatus.Waiting, h.SingleRun("await-payment").Status);

        await h.SendAsync(new PaymentReceived("o1", 9), new EventOptions { Id = "pay-9" });
        await h.SendAsync(new PaymentReceived("o1", 10), new EventOptions { Id = "pay-10" });
        await h.RunAsync();

        run = h.SingleRun("await-payment");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("paid 9 (pay-9)", run.Result!.Value.GetString());
        var matched = h.Engine.Events.Single(e => e.Id == "pay-9");
        Assert.Equal(matched.Payload.GetRawText(), run.Step("wait-payment")!.Output!.Value.GetRawText());
        Assert.Equal(matched.Payload.GetRawText(), run.Calls[1].Request.Steps[StepIds.Hash("wait-payment")].GetRawText());
    }

    [Fact]
    public async Task A_wait_that_times_out_stores_null()
    {
        await using var h = new EngineHarness(AwaitPayment());

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(RunStatus.Waiting, h.SingleRun("await-payment").Status);

        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        await h.SendAsync(new PaymentReceived("o1", 9));
        await h.RunAsync();

        var run = h.SingleRun("await-payment");
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("timed out", run.Result!.Value.GetString());
        Assert.Equal(StepStatus.TimedOut, run.Step("wait-payment")!.Status);
        Assert.Equal(JsonValueKind.Null, run.Calls[1].Request.Steps[StepIds.Hash("wait-payment")].ValueKind);
    }

    [Fact]
    public async Task One_event_resumes_the_waits_of_several_runs()
    {
        await using var h = new EngineHarness(Fn.On("await-any-payment", Names.OrderPlaced, async invocation =>
        {
            var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait", TimeSpan.FromDays(1));
            return invocation.SerializeResult(payment?.Data.Amount ?? -1);
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();
        await h.SendAsync(new PaymentReceived("any", 5));
        await h.RunAsync();

        Assert.All(h.RunsOf("await-any-payment"), run => Assert.Equal(5, run.Result!.Value.GetInt32()));
    }
}
