using System.Text;
using Inngest.Events.Interop.Tests.Engine;
using Inngest.Events.Interop.Tests.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The official JS client (<c>inngest.send</c>) and ours send to the event API of our engine (<c>POST /e/{key}</c> of
/// <c>MapInngestDevServer</c>): both get the internal ids the engine assigned, and the engine stores the same events.
/// </summary>
[Collection(EngineLegCollection.Name)]
public sealed class EngineEventApiTests(EngineLegFixture fixture)
{
    [Fact]
    public async Task The_JS_client_and_ours_send_to_our_event_api_and_get_the_ids_it_assigned()
    {
        var engine = fixture.JsEngine.Engine;
        var before = engine.Events.Count;

        // Names no interop function is triggered by, so nothing else happens on the shared engine.
        const string jsEvents = """
            [
              {"name":"test/interop.pinged","data":{"userId":"api-1"},"id":"pinged-api-1","ts":1717000000000},
              {"name":"test/interop.pinged","data":{"userId":"api-2"},"ts":1717000000001,"v":"2024-01-01.1"}
            ]
            """;
        using var response = await fixture.Http.PostAsync(
            new Uri(fixture.Js.BaseUrl, "interop/send"), new StringContent(jsEvents, Encoding.UTF8, "application/json"));
        var jsResult = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, jsResult.ToJsonString());
        var jsIds = jsResult["ids"]!.AsArray().Select(i => i!.GetValue<string>()).ToArray();

        var services = new ServiceCollection();
        services.AddInngest(o =>
        {
            o.IsDev = true;
            o.DevServerUrl = fixture.JsEngine.BaseUrl;
            o.EventKey = EngineLegFixture.EventKey;
        });
        await using var provider = services.BuildServiceProvider();
        var ours = await provider.GetRequiredService<IInngestClient>().SendAsync(
        [
            new Event<Pinged>(new Pinged("api-1")) { Id = "pinged-api-1", Ts = DateTimeOffset.FromUnixTimeMilliseconds(1717000000000) },
            new Event<Pinged>(new Pinged("api-2")) { Ts = DateTimeOffset.FromUnixTimeMilliseconds(1717000000001), V = "2024-01-01.1" },
        ]);

        var received = engine.Events.Skip(before).ToArray();
        Assert.Equal(4, received.Length);
        Assert.Equal(received.Select(e => e.InternalId), jsIds.Concat(ours.Ids));

        // The same events, whichever client sent them: name, data, id (the dedup id, or the internal id when none was
        // given), ts, v.
        for (var i = 0; i < 2; i++)
        {
            var (js, dotnet) = (received[i], received[i + 2]);
            Assert.Equal(js.Name, dotnet.Name);
            Assert.Equal(js.Data.GetRawText(), dotnet.Data.GetRawText());
            Assert.Equal(js.Payload.GetProperty("ts").GetInt64(), dotnet.Payload.GetProperty("ts").GetInt64());
            Assert.Equal(Version(js), Version(dotnet));
            Assert.Equal(js.Id == js.InternalId ? "internal" : js.Id, dotnet.Id == dotnet.InternalId ? "internal" : dotnet.Id);
        }

        static string? Version(Inngest.Events.Engine.EventRecord e) => e.Payload.TryGetProperty("v", out var v) ? v.GetString() : null;
    }
}
