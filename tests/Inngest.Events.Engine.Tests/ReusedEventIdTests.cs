using Inngest.Events.Tests;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// An event skipped because its id already started a run is named for what it is: the same event sent again (a real
/// duplicate, skipped quietly) or another event that reused the id (lost; a warning that points at INNG3002).
/// </summary>
public sealed class ReusedEventIdTests
{
    [Fact]
    public async Task The_same_event_sent_again_is_a_duplicate_and_says_nothing_more()
    {
        var log = new WarningLog();
        await using var h = new EngineHarness(log, Fn.Returning("ship", Names.OrderPlaced, "ok"));

        await h.SendAsync(new OrderPlaced("o1", 10), new EventOptions { Id = "order-placed-o1" });
        await h.SendAsync(new OrderPlaced("o1", 10), new EventOptions { Id = "order-placed-o1" });
        await h.RunAsync();

        var skipped = Assert.Single(h.Engine.Skipped);
        Assert.Equal("skipped: idempotency key=order-placed-o1 already started a run within 1d", skipped.Message);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public async Task The_same_id_with_other_data_is_another_occurrence_and_a_warning()
    {
        var log = new WarningLog();
        await using var h = new EngineHarness(log, Fn.Returning("ship", Names.OrderPlaced, "ok"));

        await h.SendAsync(new OrderPlaced("o1", 10), new EventOptions { Id = "o1" });
        await h.SendAsync(new OrderPlaced("o1", 25), new EventOptions { Id = "o1" });
        await h.RunAsync();

        Assert.Single(h.Engine.Runs);
        var skipped = Assert.Single(h.Engine.Skipped);
        Assert.Equal(
            "skipped: idempotency key=o1 already started a run within 1d; the id was first used by an event with other data, "
            + "so this is no duplicate: make the id say which event it is (INNG3002)",
            skipped.Message);
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Event test/order.placed with id 'o1' started no run of ship", warning);
        Assert.Contains("INNG3002", warning);
    }

    [Fact]
    public async Task The_same_id_on_another_event_of_the_same_function_is_a_warning_naming_that_event()
    {
        var function = Fn.Returning("notify", Names.OrderPlaced, "ok") with
        {
            Triggers = [FunctionTrigger.ForEvent(Names.OrderPlaced), FunctionTrigger.ForEvent(Names.OrderCancelled)],
        };
        var log = new WarningLog();
        await using var h = new EngineHarness(log, function);

        await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "o1" });
        await h.SendAsync(new OrderCancelled("o1"), new EventOptions { Id = "o1" });
        await h.RunAsync();

        Assert.Contains("the id was first used by another event, test/order.placed, so this is no duplicate", Assert.Single(h.Engine.Skipped).Message);
        Assert.Single(log.Warnings);
    }

    [Fact]
    public async Task An_idempotency_expression_groups_events_on_purpose_and_is_not_compared()
    {
        var log = new WarningLog();
        await using var h = new EngineHarness(log, Fn.On(
            "per-customer",
            Names.OrderPlaced,
            i => Task.FromResult(i.SerializeResult("ok")),
            new FunctionConfig { Idempotency = "event.data.customerId" }));

        await h.SendAsync(new OrderPlaced("o1", CustomerId: "c1"), new EventOptions { Id = "o1" });
        await h.SendAsync(new OrderPlaced("o2", CustomerId: "c1"), new EventOptions { Id = "o2" });
        await h.RunAsync();

        Assert.Equal("skipped: idempotency key=c1 already started a run within 1d", Assert.Single(h.Engine.Skipped).Message);
        Assert.Empty(log.Warnings);
    }
}
