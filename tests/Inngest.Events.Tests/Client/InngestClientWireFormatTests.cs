using System.Text.RegularExpressions;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class InngestClientWireFormatTests : FakeEventApiTest
{
    [Fact]
    public async Task Posts_a_json_array_to_e_and_the_event_key_and_returns_the_server_ids()
    {
        using InngestClient client = TestClient.Create(Api);

        SendEventsResult result = await client.SendAsync(
            new ThingHappened("t1", 2),
            new EventOptions { Id = "thing-1", Ts = DateTimeOffset.FromUnixTimeMilliseconds(1717000000000), V = "1" });

        RecordedRequest request = Assert.Single(Api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/e/{TestClient.EventKey}", request.Path);
        Assert.Equal(
            """[{"name":"test/thing.happened","data":{"thingId":"t1","count":2},"id":"thing-1","ts":1717000000000,"v":"1"}]""",
            request.BodyText);
        Assert.Equal(["0:0"], result.Ids);
    }

    [Fact]
    public async Task Leaves_unset_id_ts_and_v_out_of_the_event()
    {
        using InngestClient client = TestClient.Create(Api);

        await client.SendAsync(new ThingHappened("t1", 2));

        Assert.Equal("""[{"name":"test/thing.happened","data":{"thingId":"t1","count":2}}]""", Assert.Single(Api.Requests).BodyText);
    }

    [Fact]
    public async Task Sends_the_type_version_and_id_template_unless_the_send_overrides_them()
    {
        using InngestClient client = TestClient.Create(Api);

        await client.SendAsync(new Event<VersionedThing>(new VersionedThing("a")));
        await client.SendAsync(new VersionedThing("b"), new EventOptions { Id = "custom", V = "v9" });

        Assert.Equal(
            """[{"name":"test/thing.versioned","data":{"thingId":"a"},"id":"thing-a","v":"2024-01-01.1"}]""",
            Api.Requests[0].BodyText);
        Assert.Equal(
            """[{"name":"test/thing.versioned","data":{"thingId":"b"},"id":"custom","v":"v9"}]""",
            Api.Requests[1].BodyText);
    }

    [Fact]
    public async Task Sends_a_batch_of_mixed_types_in_one_request_and_returns_ids_in_order()
    {
        using InngestClient client = TestClient.Create(Api);

        SendEventsResult result = await client.SendAsync(
            [TestClient.Thing(0), new Event<VersionedThing>(new VersionedThing("v")), TestClient.Thing(2)]);

        RecordedRequest request = Assert.Single(Api.Requests);
        Assert.Equal(
            ["test/thing.happened", "test/thing.versioned", "test/thing.happened"],
            request.Events.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["0:0", "0:1", "0:2"], result.Ids);
    }

    [Fact]
    public async Task Sends_the_sdk_identifier_user_agent_and_json_content_type()
    {
        using InngestClient client = TestClient.Create(Api);

        await client.SendAsync(new ThingHappened("t1", 1));

        RecordedRequest request = Assert.Single(Api.Requests);
        Assert.Matches(@"^dotnet:v\d+\.\d+\.\d+", request.Header("X-Inngest-SDK"));
        Assert.Equal(InngestSdk.Identifier, request.Header("X-Inngest-SDK"));
        Assert.Equal(InngestSdk.Identifier, request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Null(request.Header("X-Inngest-Env"));
    }

    [Fact]
    public async Task Sends_X_Inngest_Env_from_the_option()
    {
        using InngestClient client = TestClient.Create(Api, o => o.Env = "feature-branch");

        await client.SendAsync(new ThingHappened("t1", 1));

        Assert.Equal("feature-branch", Assert.Single(Api.Requests).Header("X-Inngest-Env"));
    }

    [Fact]
    public async Task Sends_X_Inngest_Env_from_INNGEST_ENV()
    {
        using InngestClient client = TestClient.Create(Api, environment: new Dictionary<string, string> { ["INNGEST_ENV"] = "from-env" });

        await client.SendAsync(new ThingHappened("t1", 1));

        Assert.Equal("from-env", Assert.Single(Api.Requests).Header("X-Inngest-Env"));
    }

    [Fact]
    public async Task Sends_a_seed_of_the_current_unix_millis_and_10_random_bytes()
    {
        var now = new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        using InngestClient client = TestClient.Create(Api, timeProvider: new FakeTimeProvider(now));

        await client.SendAsync(new ThingHappened("t1", 1));
        await client.SendAsync(new ThingHappened("t1", 1));

        string[] seeds = Api.Requests.Select(r => r.Seed).ToArray();
        foreach (string seed in seeds)
        {
            Match match = Regex.Match(seed, @"^(\d+),([A-Za-z0-9+/]+={0,2})$");
            Assert.True(match.Success, seed);
            Assert.Equal(now.ToUnixTimeMilliseconds(), long.Parse(match.Groups[1].Value));
            Assert.Equal(10, Convert.FromBase64String(match.Groups[2].Value).Length);
        }

        Assert.NotEqual(seeds[0], seeds[1]);
    }

    [Fact]
    public async Task Sends_the_placeholder_key_in_dev_mode_without_an_event_key()
    {
        using InngestClient client = TestClient.Create(Api, o => (o.IsDev, o.EventKey) = (true, null));

        await client.SendAsync(new ThingHappened("t1", 1));

        Assert.Equal("/e/NO_EVENT_KEY_SET", Assert.Single(Api.Requests).Path);
    }

    [Fact]
    public async Task Sends_to_the_INNGEST_DEV_url_in_dev_mode()
    {
        using InngestClient client = TestClient.Create(
            Api,
            o => (o.EventApiBaseUrl, o.EventKey) = (null, null),
            environment: new Dictionary<string, string> { ["INNGEST_DEV"] = Api.BaseUrl.ToString() });

        await client.SendAsync(new ThingHappened("t1", 1));

        Assert.Equal("/e/NO_EVENT_KEY_SET", Assert.Single(Api.Requests).Path);
    }

    [Fact]
    public async Task Sends_through_a_given_HttpClient()
    {
        using var httpClient = new HttpClient();
        var client = new InngestClient(
            httpClient,
            Options.Create(new InngestOptions { EventApiBaseUrl = Api.BaseUrl, EventKey = "given-client-key" }));

        SendEventsResult result = await client.SendAsync(new ThingHappened("t1", 1));

        Assert.Equal("/e/given-client-key", Assert.Single(Api.Requests).Path);
        Assert.Equal(["0:0"], result.Ids);
    }

    [Fact]
    public async Task Sends_nothing_for_an_empty_batch()
    {
        using InngestClient client = TestClient.Create(Api);

        SendEventsResult result = await client.SendAsync([]);

        Assert.Empty(result.Ids);
        Assert.Empty(Api.Requests);
    }
}
