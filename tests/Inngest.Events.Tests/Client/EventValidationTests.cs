using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class EventValidationTests : FakeEventApiTest
{
    private static readonly DateTimeOffset Min = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Max = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rejects_an_empty_name_and_sends_nothing()
    {
        InngestEventValidationException exception = await SendWithInvalidThirdEvent(new Event<NamelessThing>(new NamelessThing(1)));

        Assert.Equal(EventValidationRule.EmptyName, exception.Rule);
        Assert.Equal(string.Empty, exception.EventName);
        Assert.Contains("Event #2 ('')", exception.Message);
        Assert.Contains("name is empty", exception.Message);
    }

    [Fact]
    public async Task Rejects_the_reserved_inngest_prefix_in_any_case_and_sends_nothing()
    {
        InngestEventValidationException exception = await SendWithInvalidThirdEvent(new Event<ReservedThing>(new ReservedThing(1)));

        Assert.Equal(EventValidationRule.ReservedName, exception.Rule);
        Assert.Equal("Inngest/function.finished", exception.EventName);
        Assert.Contains("Event #2 ('Inngest/function.finished')", exception.Message);
        Assert.Contains("reserved", exception.Message);
    }

    [Fact]
    public async Task Rejects_a_ts_before_1980_and_sends_nothing()
    {
        InngestEventValidationException exception = await SendWithInvalidThirdEvent(
            TestClient.Thing(9) with { Ts = Min.AddMilliseconds(-1) });

        Assert.Equal(EventValidationRule.TimestampOutOfRange, exception.Rule);
        Assert.Contains("Event #2 ('test/thing.happened')", exception.Message);
        Assert.Contains("1979-12-31T23:59:59.9990000Z", exception.Message);
        Assert.Contains("1980-01-01 to 2100-01-01", exception.Message);
    }

    [Fact]
    public async Task Rejects_a_ts_after_2100_and_sends_nothing()
    {
        InngestEventValidationException exception = await SendWithInvalidThirdEvent(
            TestClient.Thing(9) with { Ts = Max.AddMilliseconds(1) });

        Assert.Equal(EventValidationRule.TimestampOutOfRange, exception.Rule);
    }

    [Fact]
    public async Task Accepts_a_ts_at_either_end_of_the_range()
    {
        using InngestClient client = TestClient.Create(Api);

        await client.SendAsync([TestClient.Thing(0) with { Ts = Min }, TestClient.Thing(1) with { Ts = Max }]);

        Assert.Equal(
            [Min.ToUnixTimeMilliseconds(), Max.ToUnixTimeMilliseconds()],
            Assert.Single(Api.Requests).Events.Select(e => e.GetProperty("ts").GetInt64()));
    }

    [Fact]
    public async Task Rejects_an_event_larger_than_MaxEventSizeBytes_and_sends_nothing()
    {
        InngestEventValidationException exception = await SendWithInvalidThirdEvent(BlobStored.OfSize(1001), o => o.MaxEventSizeBytes = 1000);

        Assert.Equal(EventValidationRule.TooLarge, exception.Rule);
        Assert.Equal("test/blob.stored", exception.EventName);
        Assert.Contains("Event #2 ('test/blob.stored')", exception.Message);
        Assert.Contains("1001 bytes", exception.Message);
        Assert.Contains("MaxEventSizeBytes (1000 bytes)", exception.Message);
    }

    [Fact]
    public async Task Accepts_an_event_of_exactly_MaxEventSizeBytes()
    {
        using InngestClient client = TestClient.Create(Api, o => o.MaxEventSizeBytes = 1000);

        await client.SendAsync(BlobStored.OfSize(1000));

        Assert.Equal(1002, Assert.Single(Api.Requests).Body.Length);
    }

    [Fact]
    public async Task Rejects_an_event_over_3_MiB_by_default()
    {
        InngestEventValidationException exception = await SendWithInvalidThirdEvent(BlobStored.OfSize((3 * 1024 * 1024) + 1));

        Assert.Equal(EventValidationRule.TooLarge, exception.Rule);
    }

    [Fact]
    public async Task Validates_a_single_send_as_event_0()
    {
        using InngestClient client = TestClient.Create(Api);

        InngestEventValidationException exception = await Assert.ThrowsAsync<InngestEventValidationException>(
            () => client.SendAsync(new ReservedThing(1)));

        Assert.Equal(0, exception.Index);
        Assert.Empty(Api.Requests);
    }

    /// <summary>Sends four events of which the third (index 2) is <paramref name="invalid"/>.</summary>
    private async Task<InngestEventValidationException> SendWithInvalidThirdEvent(InngestEvent invalid, Action<InngestOptions>? configure = null)
    {
        using InngestClient client = TestClient.Create(Api, configure);
        InngestEvent[] events = [TestClient.Thing(0), TestClient.Thing(1), invalid, TestClient.Thing(3)];

        InngestEventValidationException exception = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(events));

        Assert.Equal(2, exception.Index);
        Assert.Contains("Nothing was sent", exception.Message);
        Assert.Empty(Api.Requests);
        return exception;
    }
}
