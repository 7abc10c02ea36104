using Microsoft.AspNetCore.Http;
using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class InngestClientBatchingTests : FakeEventApiTest
{
    private const int KiB = 1024;

    [Fact]
    public async Task Sends_batch_in_requests_under_512_KiB()
    {
        using InngestClient client = TestClient.Create(Api);
        InngestEvent[] events = Enumerable.Range(0, 2000).Select(_ => (InngestEvent)BlobStored.OfSize(1000)).ToArray();

        SendEventsResult result = await client.SendAsync(events);

        IReadOnlyList<RecordedRequest> requests = Api.Requests;
        Assert.True(requests.Count >= 4, $"{requests.Count} requests");
        Assert.All(requests, r => Assert.True(r.Body.Length <= 512 * KiB, $"body of {r.Body.Length} bytes"));

        // Greedy: each request but the last was full, i.e. the next event would not have fitted.
        Assert.All(requests.SkipLast(1), r => Assert.True(r.Body.Length + 1 + 1000 > 512 * KiB, $"body of {r.Body.Length} bytes"));
        Assert.Equal(2000, requests.Sum(r => r.Events.Count));
        Assert.Equal(requests.SelectMany(FakeEventApi.IdsFor), result.Ids);
    }

    [Fact]
    public async Task Splits_batches_at_5000_events()
    {
        using InngestClient client = TestClient.Create(Api);

        SendEventsResult result = await client.SendAsync(TestClient.Things(12001));

        IReadOnlyList<RecordedRequest> requests = Api.Requests;
        Assert.Equal([5000, 5000, 2001], requests.Select(r => r.Events.Count));
        Assert.All(requests, r => Assert.True(r.Body.Length <= 512 * KiB));
        Assert.Equal(12001, result.Ids.Count);
        Assert.Equal("2:2000", result.Ids[^1]);

        // Order is kept across requests.
        Assert.Equal(
            Enumerable.Range(0, 12001).Select(i => $"t{i}"),
            requests.SelectMany(r => r.Events).Select(e => e.GetProperty("data").GetProperty("thingId").GetString()));
    }

    [Fact]
    public async Task Sends_an_event_larger_than_the_body_limit_alone_in_its_own_request()
    {
        using InngestClient client = TestClient.Create(Api);

        await client.SendAsync([TestClient.Thing(0), BlobStored.OfSize(600 * KiB), TestClient.Thing(2)]);

        IReadOnlyList<RecordedRequest> requests = Api.Requests;
        Assert.Equal([1, 1, 1], requests.Select(r => r.Events.Count));
        Assert.Equal((600 * KiB) + 2, requests[1].Body.Length);
    }

    [Fact]
    public async Task Honours_configured_body_and_count_limits()
    {
        using InngestClient client = TestClient.Create(Api, o => (o.MaxRequestBodyBytes, o.MaxEventsPerRequest) = (2 + 100 + 1 + 100, 3));

        await client.SendAsync(Enumerable.Range(0, 5).Select(_ => (InngestEvent)BlobStored.OfSize(100)).ToArray());
        await client.SendAsync(TestClient.Things(7));

        Assert.Equal([2, 2, 1, 3, 3, 1], Api.Requests.Select(r => r.Events.Count));
        Assert.Equal(203, Api.Requests[0].Body.Length);
    }

    [Fact]
    public async Task Serializes_each_event_once_however_the_batch_is_split_and_retried()
    {
        // The first attempt of every request fails with a 500; the retry succeeds.
        var failed = new HashSet<string>();
        Api.Respond = (request, context) =>
        {
            lock (failed)
            {
                if (failed.Add(request.Seed))
                {
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return Task.CompletedTask;
                }
            }

            return FakeEventApi.OkAsync(request, context);
        };
        using InngestClient client = TestClient.Create(Api, o => o.MaxEventsPerRequest = 10);
        var counter = new SerializationCounter();

        SendEventsResult result = await client.SendAsync(
            Enumerable.Range(0, 30).Select(i => (InngestEvent)new Event<CountedThing>(new CountedThing(i, counter))).ToArray());

        Assert.Equal(30, result.Ids.Count);
        Assert.Equal(6, Api.Requests.Count);
        Assert.Equal(30, counter.Count);
    }

    [Fact]
    public async Task Uses_a_new_seed_for_each_request_of_a_split()
    {
        using InngestClient client = TestClient.Create(Api, o => o.MaxEventsPerRequest = 2);

        await client.SendAsync(TestClient.Things(6));

        Assert.Equal(3, Api.Requests.Select(r => r.Seed).Distinct().Count());
    }
}
