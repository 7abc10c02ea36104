using System.Net;
using System.Text;
using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Engine;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The official JS SDK's app on our dev server, seen and steered through Inngest's REST API
/// (<c>MapInngestDevServer</c>'s <c>/v1</c> routes): an event's runs, a run's status and output, a single cancel and a
/// bulk cancellation with an expression, as a script written against Inngest would use them.
/// </summary>
[Collection(EngineLegCollection.Name)]
public sealed class EngineRestApiTests(EngineLegFixture fixture)
{
    private const string UserId = "e-rest-api";

    [Fact]
    public async Task The_JS_apps_runs_are_read_and_cancelled_through_Inngests_REST_API()
    {
        var host = fixture.JsEngine;
        var trigger = new JsonObject
        {
            ["name"] = "test/user.signed_up",
            ["data"] = new JsonObject { ["userId"] = UserId, ["plan"] = "free" },
            ["id"] = $"evt-signup-{UserId}",
        };
        using var sent = await fixture.Http.PostAsync(new Uri(host.BaseUrl, $"e/{EngineLegFixture.EventKey}"),
            new StringContent(new JsonArray(trigger).ToJsonString(), Encoding.UTF8, "application/json"));
        var eventId = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["ids"]![0]!.GetValue<string>();
        await host.RunAsync();

        // One run sleeps for an hour: cancel it on its own.
        var sleeping = Single(host.Engine, "cancel-on");
        Assert.False(sleeping.IsFinished);
        using var cancel = await fixture.Http.DeleteAsync(new Uri(host.BaseUrl, $"v1/runs/{sleeping.RunId}"));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);

        // Another waits for an event: cancel it in bulk, by app, function, time and an expression over its event.
        var waiting = Single(host.Engine, "wait-for-event");
        Assert.Equal(RunStatus.Waiting, waiting.Status);
        var before = host.Time.GetUtcNow().AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using var bulk = await fixture.Http.PostAsync(new Uri(host.BaseUrl, "v1/cancellations"), new StringContent(
            $$"""{"app_id":"interop","function_id":"wait-for-event","started_before":"{{before}}","if":"event.data.userId == '{{UserId}}'"}""",
            Encoding.UTF8, "application/json"));
        var cancellation = JsonNode.Parse(await bulk.Content.ReadAsStringAsync())!;
        Assert.True(bulk.IsSuccessStatusCode, cancellation.ToJsonString());
        Assert.Equal("wait-for-event", cancellation["data"]!["function_id"]!.GetValue<string>());

        await host.SettleAsync(engine => engine.Runs.Where(Mine).All(r => r.IsFinished));

        // The event's runs: one per JS function it triggers, with the status the engine gave each.
        var runs = (await GetAsync(host, $"v1/events/{eventId}/runs"))["data"]!.AsArray();
        var engineRuns = host.Engine.Runs.Where(r => r.EventIds.Contains(eventId)).ToArray();
        Assert.Equal(engineRuns.Length, runs.Count);
        Assert.True(runs.Count >= 15, $"Only {runs.Count} runs.");
        foreach (var run in runs)
        {
            var engineRun = engineRuns.Single(r => r.RunId == run!["run_id"]!.GetValue<string>());
            var status = engineRun.Status switch { RunStatus.Completed => "Completed", RunStatus.Failed => "Failed", RunStatus.Cancelled => "Cancelled", _ => "Running" };
            Assert.Equal(status, run!["status"]!.GetValue<string>());
            Assert.Equal(eventId, run["event_id"]!.GetValue<string>());
        }

        Assert.Equal("Cancelled", (await GetAsync(host, $"v1/runs/{sleeping.RunId}"))["data"]!["status"]!.GetValue<string>());
        Assert.Equal("Cancelled", (await GetAsync(host, $"v1/runs/{waiting.RunId}"))["data"]!["status"]!.GetValue<string>());
        var serial = (await GetAsync(host, $"v1/runs/{Single(host.Engine, "serial-steps").RunId}"))["data"]!;
        Assert.Equal("Completed", serial["status"]!.GetValue<string>());
        Assert.Equal($$"""{"result":"AB","userId":"{{UserId}}"}""", serial["output"]!.ToJsonString());
        var failed = (await GetAsync(host, $"v1/runs/{Single(host.Engine, "non-retriable").RunId}"))["data"]!;
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(failed["output"]!["message"]!.GetValue<string>()));

        // And the event itself, as the JS SDK sent it.
        var evt = (await GetAsync(host, $"v1/events/{eventId}"))["data"]!;
        Assert.Equal("test/user.signed_up", evt["name"]!.GetValue<string>());
        Assert.Equal($$"""{"userId":"{{UserId}}","plan":"free"}""", evt["data"]!.ToJsonString());
    }

    private static bool Mine(RunRecord run)
        => run.Event.TryGetProperty("data", out var data) && data.TryGetProperty("userId", out var user) && user.GetString() == UserId;

    private static RunRecord Single(InngestEngine engine, string functionId) => engine.Runs.Single(r => r.FunctionId == functionId && Mine(r));

    private async Task<JsonNode> GetAsync(Infrastructure.DevServerHost host, string path)
    {
        using var response = await fixture.Http.GetAsync(new Uri(host.BaseUrl, path));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, $"{path}: {json.ToJsonString()}");
        return json;
    }
}
