namespace Inngest.Events.Engine.Tests;

public sealed class FanOutTests
{
    [Fact]
    public async Task An_event_starts_one_run_of_every_function_it_triggers()
    {
        await using var h = new EngineHarness(
            Fn.Returning("email", Names.OrderPlaced, "emailed"),
            Fn.Returning("invoice", Names.OrderPlaced, "invoiced"),
            Fn.Returning("analytics", Names.OrderPlaced, "tracked"),
            Fn.Returning("refund", Names.OrderCancelled, "refunded"),
            Fn.On("big-orders", Names.OrderPlaced, i => Task.FromResult(i.SerializeResult("big")), null) with
            {
                Triggers = [FunctionTrigger.ForEvent(Names.OrderPlaced, "event.data.amount > 100")],
            });

        var id = await h.SendAsync(new OrderPlaced("o1", Amount: 5));
        await h.RunAsync();

        var runs = h.Engine.Runs;
        Assert.Equal(["analytics", "email", "invoice"], runs.Select(r => r.FunctionId).Order().ToArray());
        Assert.All(runs, run =>
        {
            Assert.Equal(RunStatus.Completed, run.Status);
            Assert.Equal(id, run.Event.GetProperty("id").GetString());
            Assert.Equal(Names.OrderPlaced, run.Event.GetProperty("name").GetString());
        });
        Assert.Equal("emailed", h.SingleRun("email").Result!.Value.GetString());
        Assert.Equal("app-email", h.SingleRun("email").CompositeFunctionId);
    }

    [Fact]
    public async Task A_trigger_expression_selects_events()
    {
        await using var h = new EngineHarness(
            Fn.Returning("big-orders", Names.OrderPlaced, "big") with
            {
                Triggers = [FunctionTrigger.ForEvent(Names.OrderPlaced, "event.data.amount > 100 && event.data.orderId != 'skip'")],
            });

        await h.SendAsync(new OrderPlaced("small", Amount: 5));
        await h.SendAsync(new OrderPlaced("large", Amount: 500));
        await h.SendAsync(new OrderPlaced("skip", Amount: 500));
        await h.RunAsync();

        var run = h.SingleRun("big-orders");
        Assert.Equal("large", run.Event.GetProperty("data").GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task An_event_no_function_listens_to_is_stored_and_starts_nothing()
    {
        await using var h = new EngineHarness(Fn.Returning("email", Names.OrderPlaced, "emailed"));

        var id = await h.SendAsync(new PaymentReceived("o1", 3));
        await h.RunAsync();

        Assert.Empty(h.Engine.Runs);
        var evt = Assert.Single(h.Engine.Events);
        Assert.Equal(id, evt.InternalId);
        Assert.Equal(3, evt.Data.GetProperty("amount").GetInt32());
    }
}
