using Inngest.Events.AspNetCore.Tests.Infrastructure;
using Inngest.Events.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// The engine as a local Inngest server: the event API (docs/protocol.md#event-api) with our HTTP client and raw
/// requests, and <c>/fn/register</c> with our own serve endpoint syncing out-of-band.
/// </summary>
public sealed class DevServerTests
{
    private static ServiceProvider ClientFor(DevServerApp server)
    {
        var services = new ServiceCollection();
        services.AddInngest(o =>
        {
            o.IsDev = true;
            o.DevServerUrl = server.BaseUrl;
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Our_http_client_sends_single_and_batched_events_to_the_event_api_and_gets_the_internal_ids()
    {
        await using var server = await DevServerApp.StartAsync(null, TestFunctions.Hello);
        await using var provider = ClientFor(server);
        var client = provider.GetRequiredService<IInngestClient>();

        var single = await client.SendAsync(new OrderPlaced("o1", 5), new EventOptions { Id = "order-o1" });
        var batch = await client.SendAsync([new Event<OrderPlaced>(new OrderPlaced("o2")), new Event<PaymentReceived>(new PaymentReceived("o2", 7))]);
        await server.RunAsync();

        var events = server.Engine.Events.Where(e => !e.Name.StartsWith("inngest/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(events.Select(e => e.InternalId), single.Ids.Concat(batch.Ids));
        Assert.Equal(["order-o1", events[1].InternalId, events[2].InternalId], events.Select(e => e.Id));
        Assert.Equal("""{"orderId":"o1","amount":5}""", events[0].Payload.GetProperty("data").GetRawText());
        Assert.Equal(2, server.Engine.Runs.Count(r => r is { FunctionId: "hello", Status: RunStatus.Completed }));
    }

    [Fact]
    public async Task A_retried_request_with_the_same_id_seed_gets_the_same_ids_and_starts_no_second_run()
    {
        await using var server = await DevServerApp.StartAsync(null, TestFunctions.Hello);
        const string body = """[{"name":"test/order.placed","data":{"orderId":"o1"}},{"name":"test/order.placed","data":{"orderId":"o2"}}]""";
        // 2025-01-01T00:00:00Z and ten bytes whose last four are 0xFFFFFFFF, so adding the index wraps.
        var seed = "1735689600000," + Convert.ToBase64String([1, 2, 3, 4, 5, 6, 0xFF, 0xFF, 0xFF, 0xFF]);
        void Seed(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", seed);

        using var first = await server.PostAsync("/e/k", body, Seed);
        using var retry = await server.PostAsync("/e/k", body, Seed);
        using var other = await server.PostAsync("/e/k", body, r => r.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", "1735689600000," + Convert.ToBase64String(new byte[10])));
        using var unreadable = await server.PostAsync("/e/k", body, r => r.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", "yesterday,???"));
        await server.RunAsync();

        var ids = (await ResponseAssert.JsonAsync(first)).GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
        Assert.Equal(ids, (await ResponseAssert.JsonAsync(retry)).GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(
            [Ulid.NewUlid(DateTimeOffset.FromUnixTimeMilliseconds(1735689600000), [1, 2, 3, 4, 5, 6, 0xFF, 0xFF, 0xFF, 0xFF]).ToString(),
             Ulid.NewUlid(DateTimeOffset.FromUnixTimeMilliseconds(1735689600000), [1, 2, 3, 4, 5, 6, 0, 0, 0, 0]).ToString()],
            ids);
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        var otherIds = (await ResponseAssert.JsonAsync(other)).GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
        Assert.Empty(otherIds.Intersect(ids));

        // Three requests were ingested (the retry was not): six events, six runs.
        var events = server.Engine.Events.Where(e => !e.Name.StartsWith("inngest/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, events.Length);
        Assert.Equal(6, server.Engine.Runs.Count(r => r.FunctionId == "hello"));
    }

    [Fact]
    public async Task One_event_object_is_accepted_like_an_array_of_one()
    {
        await using var server = await DevServerApp.StartAsync();

        using var response = await server.PostAsync("/e/any-key", """{"name":"test/order.placed","data":{"orderId":"o1"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dev", ResponseAssert.Header(response, "X-Inngest-Server-Kind"));
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal(200, body.GetProperty("status").GetInt32());
        Assert.Equal(Assert.Single(server.Engine.Events).InternalId, Assert.Single(body.GetProperty("ids").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task The_first_invalid_event_stops_the_request_with_400_and_the_ids_of_the_events_before_it()
    {
        await using var server = await DevServerApp.StartAsync();

        using var partial = await server.PostAsync("/e/k", """[{"name":"test/a","data":{}},{"name":"test/b"},{"name":""},{"name":"test/c"}]""");
        using var first = await server.PostAsync("/e/k", """[{"name":"inngest/function.failed","data":{}},{"name":"test/d"}]""");
        using var badData = await server.PostAsync("/e/k", """{"name":"test/e","data":[1]}""");

        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        var body = await ResponseAssert.JsonAsync(partial);
        Assert.Equal(server.Engine.Events.Select(e => e.InternalId), body.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["test/a", "test/b"], server.Engine.Events.Select(e => e.Name));
        Assert.Equal((400, "event name is empty"), (body.GetProperty("status").GetInt32(), body.GetProperty("error").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var firstBody = await ResponseAssert.JsonAsync(first);
        Assert.Equal("""[""]""", firstBody.GetProperty("ids").GetRawText());
        Assert.Equal("event name is reserved for internal use: inngest/function.failed", firstBody.GetProperty("error").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, badData.StatusCode);
        Assert.Contains("'data' must be a JSON object", (await ResponseAssert.JsonAsync(badData)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, server.Engine.Events.Count);
    }

    [Fact]
    public async Task More_than_5000_events_are_refused_whole()
    {
        await using var server = await DevServerApp.StartAsync();
        var events = "[" + string.Join(",", Enumerable.Repeat("""{"name":"test/a"}""", 5001)) + "]";

        using var response = await server.PostAsync("/e/k", events);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Cannot have more than 5000 events in a batch", (await ResponseAssert.JsonAsync(response)).GetProperty("error").GetString());
        Assert.Empty(server.Engine.Events);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_400()
    {
        await using var server = await DevServerApp.StartAsync();

        using var response = await server.PostAsync("/e/k", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[]", (await ResponseAssert.JsonAsync(response)).GetProperty("ids").GetRawText());
    }

    [Fact]
    public async Task With_event_keys_configured_only_those_keys_are_accepted()
    {
        await using var server = await DevServerApp.StartAsync(o => o.EventKeys.Add("good-key"));

        using var unknown = await server.PostAsync("/e/bad-key", """{"name":"test/a"}""");
        using var missing = await server.PostAsync("/e", """{"name":"test/a"}""");
        using var good = await server.PostAsync("/e/good-key", """{"name":"test/a"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("""{"status":401,"message":"","error":"Event key not found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Event key is required", (await ResponseAssert.JsonAsync(missing)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(server.Engine.Events);
    }

    [Fact]
    public async Task Our_serve_endpoint_syncs_out_of_band_with_fn_register_and_its_functions_then_run_over_http()
    {
        await using var server = await DevServerApp.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Client = c => c.DevServerUrl = server.BaseUrl;
            o.Functions.AddRange([TestFunctions.Notifier, TestFunctions.Receipt]);
        });

        using var sync = await app.SendAsync(HttpMethod.Put, configure: r => r.Headers.Add("X-Inngest-Server-Kind", "dev"));
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        Assert.Equal("""{"message":"Successfully synced.","modified":true}""", await sync.Content.ReadAsStringAsync());
        var registered = Assert.Single(server.Engine.Apps);
        Assert.Equal(("app", app.ServeUrl, "out_of_band", "aspnetcore"), (registered.AppId, registered.Url, registered.SyncKind, registered.Framework));
        Assert.Equal(["app-notifier", "app-receipt"], registered.FunctionIds);
        Assert.StartsWith("dotnet:v", registered.Sdk, StringComparison.Ordinal);

        using var again = await app.SendAsync(HttpMethod.Put);
        Assert.Equal("""{"message":"Successfully synced.","modified":false}""", await again.Content.ReadAsStringAsync());

        using var send = await server.PostAsync("/e/key", """{"name":"test/order.placed","data":{"orderId":"o9"}}""");
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        await server.RunAsync();

        var notifier = Assert.Single(server.Engine.Runs, r => r.FunctionId == "notifier");
        var receipt = Assert.Single(server.Engine.Runs, r => r.FunctionId == "receipt");
        Assert.Equal((RunStatus.Completed, RunStatus.Completed), (notifier.Status, receipt.Status));
        var sent = Assert.Single(server.Engine.Events, e => e.Name == Names.ReceiptRequested);
        Assert.Equal(sent.InternalId, notifier.Result?.GetString());
        Assert.Equal("receipt for o9", receipt.Result?.GetString());
        Assert.Equal("app-receipt", receipt.CompositeFunctionId);
    }

    [Fact]
    public async Task Register_app_async_accepts_an_app_that_syncs_out_of_band_with_this_server()
    {
        await using var server = await DevServerApp.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Client = c => c.DevServerUrl = server.BaseUrl;
            o.Config["INNGEST_ALLOW_IN_BAND_SYNC"] = "false";
            o.Functions.Add(TestFunctions.Hello);
        });

        var result = await server.Engine.RegisterAppAsync(app.ServeUrl);

        Assert.Equal(("app", "out_of_band", true), (result.App.AppId, result.App.SyncKind, result.Modified));
        Assert.Equal(["app-hello"], result.App.FunctionIds);
    }

    [Fact]
    public async Task Register_app_async_refuses_an_app_that_synced_somewhere_else()
    {
        await using var server = await DevServerApp.StartAsync();
        await using var api = await FakeApi.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Client = c => c.DevServerUrl = api.BaseUrl;
            o.Config["INNGEST_ALLOW_IN_BAND_SYNC"] = "false";
        });

        var exception = await Assert.ThrowsAsync<InngestSyncException>(() => server.Engine.RegisterAppAsync(app.ServeUrl));

        Assert.Contains("registered with another Inngest server", exception.Message, StringComparison.Ordinal);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Fn_register_refuses_an_app_expecting_another_server_kind()
    {
        await using var server = await DevServerApp.StartAsync();

        using var response = await server.PostAsync("/fn/register", """{"appName":"a","url":"http://x/","functions":[]}""",
            r => r.Headers.Add("X-Inngest-Expected-Server-Kind", "cloud"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Expected server kind dev, got cloud","status":400}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.Engine.Apps);
    }

    [Fact]
    public async Task Fn_register_answers_400_for_an_invalid_request()
    {
        await using var server = await DevServerApp.StartAsync();

        using var response = await server.PostAsync("/fn/register", """{"url":"http://x/","functions":[]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains("appName", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_signing_key_the_server_needs_the_hashed_key_to_register_and_signs_its_calls()
    {
        await using var server = await DevServerApp.StartAsync(o => o.SigningKey = Keys.Signing);
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Client = c => c.IsDev = false;
            o.Config["INNGEST_API_BASE_URL"] = server.BaseUrl.AbsoluteUri;
            o.Functions.Add(TestFunctions.Serial);
        });

        using var anonymous = await server.PostAsync("/fn/register", """{"appName":"a","url":"http://x/","functions":[]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var sync = await app.SendAsync(HttpMethod.Put);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);

        using var send = await server.PostAsync("/e/key", """{"name":"test/order.placed","data":{"orderId":"o1"}}""");
        await server.RunAsync();
        var run = Assert.Single(server.Engine.Runs);
        Assert.Equal((RunStatus.Completed, "\"AB\""), (run.Status, run.Result?.GetRawText()));
    }

    [Fact]
    public async Task Dev_info_lists_the_apps_and_health_answers_ok()
    {
        await using var server = await DevServerApp.StartAsync();
        server.Engine.RegisterApp("""{"appName":"js-app","url":"http://127.0.0.1:3000/api/inngest","sdk":"js:v4.18.1","framework":"express","functions":[{"id":"js-app-hi","triggers":[{"event":"test/a"}],"steps":{"step":{"runtime":{"url":"http://127.0.0.1:3000/api/inngest?fnId=js-app-hi&stepId=step"}}}}]}"""u8);

        var info = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri(server.BaseUrl, "dev"))).RootElement;
        var health = await server.Http.GetStringAsync(new Uri(server.BaseUrl, "health"));

        var app = Assert.Single(info.GetProperty("apps").EnumerateArray());
        Assert.Equal(("js-app", "js:v4.18.1", """["js-app-hi"]"""), (app.GetProperty("id").GetString(), app.GetProperty("sdk").GetString(), app.GetProperty("functions").GetRawText()));
        Assert.Equal("""{"status":200,"message":"OK"}""", health);
    }
}
