namespace Inngest.Events.Engine.Tests;

public sealed class IngestionTests
{
    [Fact]
    public async Task Events_are_normalized_as_the_event_api_does()
    {
        await using var h = new EngineHarness();

        var ids = h.Engine.SendJson("""
            [
              {"name":"test/raw","data":{"a":1,"_inngest":{"injected":true}}},
              {"name":"test/raw","data":null,"id":"mine","ts":1700000000000,"user":{"u":1},"v":"2024-01-01.1"},
              {"name":"test/raw","ts":0}
            ]
            """);

        var events = h.Engine.Events;
        Assert.Equal(ids, events.Select(e => e.InternalId));
        Assert.True(Ulid.TryParse(ids[0], out var ulid));
        Assert.Equal(EngineHarness.Start, ulid.Time);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        var now = EngineHarness.Start.ToUnixTimeMilliseconds();
        Assert.Equal("{\"name\":\"test/raw\",\"data\":{\"a\":1},\"id\":\"" + ids[0] + "\",\"ts\":" + now + ",\"user\":{}}", events[0].Payload.GetRawText());
        Assert.Equal("""{"name":"test/raw","data":{},"id":"mine","ts":1700000000000,"user":{"u":1},"v":"2024-01-01.1"}""", events[1].Payload.GetRawText());
        Assert.Equal(now, events[2].Payload.GetProperty("ts").GetInt64());
        Assert.Equal("mine", events[1].Id);
    }

    [Theory]
    [InlineData("""{"name":"inngest/function.failed"}""", EventValidationRule.ReservedName)]
    [InlineData("""{"name":"Inngest/anything"}""", EventValidationRule.ReservedName)]
    [InlineData("""{"name":""}""", EventValidationRule.EmptyName)]
    [InlineData("""{"data":{}}""", EventValidationRule.EmptyName)]
    [InlineData("""{"name":"test/old","ts":100}""", EventValidationRule.TimestampOutOfRange)]
    [InlineData("""{"name":"test/future","ts":4102444800001}""", EventValidationRule.TimestampOutOfRange)]
    public async Task An_event_that_breaks_a_rule_is_rejected(string json, EventValidationRule rule)
    {
        await using var h = new EngineHarness();

        var exception = Assert.Throws<InngestEventValidationException>(() => h.Engine.SendJson($"[{{\"name\":\"test/ok\"}}, {json}]"));

        Assert.Equal(rule, exception.Rule);
        Assert.Equal(1, exception.Index);
        Assert.Empty(h.Engine.Events);
    }

    [Theory]
    [InlineData("""{"name":"test/bad","data":[1,2]}""")]
    [InlineData("""{"name":"test/bad","data":"text"}""")]
    [InlineData("""{"name":"test/bad","data":5}""")]
    [InlineData("""{"name":"test/bad","ts":"yesterday"}""")]
    [InlineData("""{"name":"test/bad","id":7}""")]
    [InlineData("""5""")]
    public async Task An_event_with_fields_of_the_wrong_type_is_rejected(string json)
    {
        await using var h = new EngineHarness();

        Assert.ThrowsAny<JsonException>(() => h.Engine.SendJson($"[{{\"name\":\"test/ok\"}}, {json}]"));

        Assert.Empty(h.Engine.Events);
    }

    [Fact]
    public async Task The_client_delivers_typed_events_through_the_engine_transport()
    {
        await using var h = new EngineHarness(Fn.Returning("email", Names.OrderPlaced, "sent"));

        var result = await h.Engine.Client.SendAsync(new OrderPlaced("o1", 3), new EventOptions { Id = "order-o1", V = "2" });
        await h.RunAsync();

        var evt = Assert.Single(h.EventsNamed(Names.OrderPlaced));
        Assert.Equal(evt.InternalId, Assert.Single(result.Ids));
        Assert.Equal("order-o1", evt.Id);
        Assert.Equal("""{"orderId":"o1","amount":3,"customerId":null}""", evt.Data.GetRawText());
        Assert.Equal("2", evt.Payload.GetProperty("v").GetString());
        Assert.Equal(RunStatus.Completed, h.SingleRun("email").Status);
    }

    [Fact]
    public void Function_ids_must_be_unique()
    {
        var exception = Assert.Throws<ArgumentException>(() => new InngestEngine(new InngestFunctionRegistry(
            [Fn.Returning("same", Names.OrderPlaced, "a"), Fn.Returning("same", Names.OrderCancelled, "b")])));
        Assert.Contains("'same'", exception.Message);
    }
}
