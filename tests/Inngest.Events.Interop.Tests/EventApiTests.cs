using System.Text;
using System.Text.RegularExpressions;
using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Functions;
using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The event API requests of the JS client (<c>inngest.send</c> and <c>step.sendEvent</c>) and of ours, captured by the
/// fake event API (<c>POST /e/{key}</c>) and compared field by field.
/// </summary>
[Collection(JsSdkCollection.Name)]
public sealed partial class EventApiTests(InteropFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_JS_clients_send_and_ours_post_the_same_events_to_the_same_endpoint()
    {
        var before = fixture.Api.Requests.Count;
        var sentFrom = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var cancellation = new CancellationTokenSource(Timeout);

        var jsEvents = """
            [
              {"name":"test/followup.sent","data":{"userId":"u1"},"id":"followup-u1","ts":1717000000000},
              {"name":"test/followup.sent","data":{"userId":"u2"}},
              {"name":"test/email.confirmed","data":{"userId":"u3"},"v":"2024-01-01.1"}
            ]
            """;
        using var response = await fixture.Http.PostAsync(
            new Uri(fixture.Js.BaseUrl, "interop/send"),
            new StringContent(jsEvents, Encoding.UTF8, "application/json"),
            cancellation.Token);
        var jsResult = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation.Token))!;
        Assert.True(response.IsSuccessStatusCode, jsResult.ToJsonString());

        var ours = await fixture.Client.SendAsync(
            [
                new Event<FollowupSent>(new FollowupSent("u1")) { Id = "followup-u1", Ts = DateTimeOffset.FromUnixTimeMilliseconds(1717000000000) },
                new Event<FollowupSent>(new FollowupSent("u2")),
                new Event<EmailConfirmed>(new EmailConfirmed("u3")) { V = "2024-01-01.1" },
            ],
            cancellation.Token);
        var sentUntil = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // Both get the ids the event API answered.
        Assert.Equal(Transcript.Canonical(jsResult["ids"]), Transcript.Canonical(new JsonArray(ours.Ids.Select(id => (JsonNode?)id).ToArray())));

        var (js, dotnet) = EventRequests(before);
        SameEventRequest(js, dotnet, sentFrom, sentUntil);
    }

    [Fact]
    public async Task StepSendEvent_posts_the_same_events_from_both_SDKs()
    {
        var scenario = ScenarioTests.All["send events from a step"];
        using var cancellation = new CancellationTokenSource(Timeout);

        var before = fixture.Api.Requests.Count;
        var sentFrom = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await new InteropExecutor(fixture.JsEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);
        await new InteropExecutor(fixture.DotnetEndpoint, InteropFunctions.AppId).RunAsync(scenario, cancellation.Token);
        var sentUntil = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var (js, dotnet) = EventRequests(before);
        SameEventRequest(js, dotnet, sentFrom, sentUntil);
    }

    private (ApiRequest Js, ApiRequest Dotnet) EventRequests(int after)
    {
        var sent = fixture.Api.Requests.Where(r => r.Index >= after && r.Path.StartsWith("/e/", StringComparison.Ordinal)).ToArray();
        var js = Assert.Single(sent, r => r.Header("x-inngest-sdk").StartsWith("inngest-js:", StringComparison.Ordinal));
        var dotnet = Assert.Single(sent, r => r.Header("x-inngest-sdk").StartsWith("dotnet:", StringComparison.Ordinal));
        return (js, dotnet);
    }

    /// <summary>
    /// Same method, path (event key) and JSON content type; the SDK header and User-Agent in the <c>name:vX.Y.Z</c>
    /// form; an event id seed <c>{unix ms},{base64 of 10 random bytes}</c>; and the same events, field by field, except
    /// that JS stamps a missing <c>ts</c> with its clock where we leave it to the server (N-event-ts-default).
    /// </summary>
    private static void SameEventRequest(ApiRequest js, ApiRequest dotnet, long sentFrom, long sentUntil)
    {
        Assert.Equal(("POST", $"/e/{InteropFixture.EventKey}"), (js.Method, js.Path));
        Assert.Equal(("POST", $"/e/{InteropFixture.EventKey}"), (dotnet.Method, dotnet.Path));
        Assert.StartsWith("application/json", js.Header("content-type"), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("application/json", dotnet.Header("content-type"), StringComparison.OrdinalIgnoreCase);
        foreach (var request in new[] { js, dotnet })
        {
            Assert.Matches(SdkHeader(), request.Header("x-inngest-sdk"));
            Assert.Matches(SdkHeader(), request.Header("user-agent"));
            var seed = SeedHeader().Match(request.Header("x-inngest-event-id-seed"));
            Assert.True(seed.Success, $"bad event id seed '{request.Header("x-inngest-event-id-seed")}'");
            Assert.InRange(long.Parse(seed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), sentFrom - 1000, sentUntil + 1000);
            Assert.Equal(10, Convert.FromBase64String(seed.Groups[2].Value).Length);
            Assert.Empty(request.Header("authorization"));
        }

        var jsEvents = Assert.IsType<JsonArray>(js.Json());
        var dotnetEvents = Assert.IsType<JsonArray>(dotnet.Json());
        Assert.Equal(jsEvents.Count, dotnetEvents.Count);
        for (var i = 0; i < jsEvents.Count; i++)
        {
            var left = jsEvents[i]!.AsObject();
            var right = dotnetEvents[i]!.AsObject();
            if (right["ts"] is null)
            {
                // N-event-ts-default: the server stamps an event without ts when it receives it; JS stamps it when it sends.
                var stamped = left["ts"]!.GetValue<long>();
                Assert.InRange(stamped, sentFrom - 1000, sentUntil + 1000);
                left.Remove("ts");
            }

            Assert.Equal(Transcript.Canonical(left), Transcript.Canonical(right));
        }

        InteropAssert.Documented(["N-event-ts-default"]);
    }

    [GeneratedRegex(@"^[a-z][a-z-]*:v\d+\.\d+\.\d+")]
    private static partial Regex SdkHeader();

    [GeneratedRegex(@"^(\d{13}),([A-Za-z0-9+/]+={0,2})$")]
    private static partial Regex SeedHeader();
}
