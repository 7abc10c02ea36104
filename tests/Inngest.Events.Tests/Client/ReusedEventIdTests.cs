using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Inngest.Events.Tests.Client;

/// <summary>
/// In dev mode the client warns when an id it sent comes back with another event (another name, or the same name with
/// other data): Inngest takes the id as the idempotency key of the runs it starts for 24 hours, so the second event is
/// lost to the functions the first one started. The same event sent again is a duplicate and stays quiet.
/// </summary>
public sealed class ReusedEventIdTests : FakeEventApiTest
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly WarningLog log = new();

    [Fact]
    public async Task Warns_when_another_event_reuses_an_id()
    {
        using InngestClient client = Client(isDev: true);

        await client.SendAsync(new Event<ThingHappened>(new ThingHappened("t1", 1)) { Id = Id("thing-1") });
        time.Advance(TimeSpan.FromMinutes(12));
        await client.SendAsync(new Event<BlobStored>(new BlobStored("x")) { Id = Id("thing-1") });

        string warning = Assert.Single(log.Warnings);
        Assert.Equal(
            "Event 'test/blob.stored' was sent with id 'thing-1', first used 12m ago by another event, test/thing.happened: " +
            "Inngest takes an event's id as the idempotency key of the runs it starts for 24 hours, so a function that the " +
            "first event started will not run for this one. Make the id say which event it is (INNG3002)",
            warning);
    }

    [Fact]
    public async Task Warns_when_the_same_event_name_comes_with_other_data_and_the_same_id()
    {
        using InngestClient client = Client(isDev: true);

        // One send call with both: the second event of a batch is checked against the first.
        await client.SendAsync(
        [
            new Event<ThingHappened>(new ThingHappened("t1", 1)) { Id = Id("t1") },
            new Event<ThingHappened>(new ThingHappened("t1", 2)) { Id = Id("t1") },
        ]);

        Assert.Contains("first used 0s ago by an event with other data", Assert.Single(log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_event_sent_again_is_a_duplicate_and_stays_quiet()
    {
        using InngestClient client = Client(isDev: true);

        // A default id from the event's template, sent twice with the same data (a retried request handler).
        await client.SendAsync(new VersionedThing("t1"));
        await client.SendAsync(new VersionedThing("t1"));

        // Events without an id get one from Inngest and are never compared.
        await client.SendAsync(new ThingHappened("t2", 1));
        await client.SendAsync(new ThingHappened("t2", 2));

        Assert.Equal(4, Api.Requests.Count);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public async Task An_id_is_forgotten_after_the_24_hour_window()
    {
        using InngestClient client = Client(isDev: true);

        await client.SendAsync(new Event<ThingHappened>(new ThingHappened("t1", 1)) { Id = Id("t1") });
        time.Advance(TimeSpan.FromHours(24));
        await client.SendAsync(new Event<ThingHappened>(new ThingHappened("t1", 2)) { Id = Id("t1") });
        time.Advance(TimeSpan.FromHours(3));
        await client.SendAsync(new Event<BlobStored>(new BlobStored("x")) { Id = Id("t1") });

        Assert.Contains("first used 3h ago by another event, test/thing.happened", Assert.Single(log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cloud_mode_keeps_no_ids()
    {
        using InngestClient client = Client(isDev: false);

        await client.SendAsync(new Event<ThingHappened>(new ThingHappened("t1", 1)) { Id = Id("t1") });
        await client.SendAsync(new Event<BlobStored>(new BlobStored("x")) { Id = Id("t1") });

        Assert.Equal(2, Api.Requests.Count);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public async Task An_event_the_server_refused_does_not_take_its_id()
    {
        using InngestClient client = Client(isDev: true);
        Api.Respond = static (_, context) => FakeEventApi.JsonAsync(context, 400, new { error = "bad event" });

        await Assert.ThrowsAsync<InngestSendException>(
            () => client.SendAsync(new Event<ThingHappened>(new ThingHappened("t1", 1)) { Id = Id("t1") }));
        Api.Respond = FakeEventApi.OkAsync;
        await client.SendAsync(new Event<BlobStored>(new BlobStored("x")) { Id = Id("t1") });

        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void The_oldest_ids_are_forgotten_beyond_the_capacity()
    {
        var ids = new SentEventIds();
        DateTimeOffset now = time.GetUtcNow();
        for (int i = 0; i <= SentEventIds.Capacity; i++)
        {
            Assert.Null(ids.Record("test/thing.happened", Json($"t{i}", "{}"), now));
        }

        // t0 was the oldest of Capacity + 1 ids and is gone; t1 is still there, and the same event again stays quiet.
        Assert.Null(ids.Record("test/blob.stored", Json("t0", "{}"), now));
        Assert.Equal("another event, test/thing.happened", ids.Record("test/blob.stored", Json("t2", "{}"), now)?.FirstUsedBy);
        Assert.Null(ids.Record("test/thing.happened", Json("t3", "{}"), now));
        Assert.Equal("an event with other data", ids.Record("test/thing.happened", Json("t3", """{"n":1}"""), now)?.FirstUsedBy);
    }

    private static byte[] Json(string id, string data) => System.Text.Encoding.UTF8.GetBytes($$"""{"name":"n","data":{{data}},"id":"{{id}}"}""");

    private InngestClient Client(bool isDev) => TestClient.Create(Api, o => o.IsDev = isDev, time, log.CreateLogger("Inngest.Events.InngestClient"));

    // An id made elsewhere, as an app's own key would be (a literal here would be the constant id INNG3001 reports).
    private static string Id(string key) => key;
}
