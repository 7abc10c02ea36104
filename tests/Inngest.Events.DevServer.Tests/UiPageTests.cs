using System.Text;
using System.Text.RegularExpressions;
using Inngest.Events.DevServer.Tests.Infrastructure;

namespace Inngest.Events.DevServer.Tests;

/// <summary>
/// The UI's pages as HTML (no browser): what they say about events (runs, deduplication, rate limits, debounces, no
/// trigger), the run history export, encoding of everything that comes from events and apps, errors, and the refusal
/// of form posts from other sites.
/// </summary>
public sealed partial class UiPageTests : IAsyncLifetime
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private OnboardingDevServer _server = null!;

    public async Task InitializeAsync() => _server = await OnboardingDevServer.StartAsync(functions:
    [
        Function("limited", "test/limited.pinged", new FunctionConfig { RateLimit = new RateLimitConfig(1, "1m") }),
        Function("debounced", "test/debounced.pinged", new FunctionConfig { Debounce = new DebounceConfig("10s") }),
    ]);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_events_page_says_what_each_event_started_or_why_nothing()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SendAccountCreatedAsync(_http);
        var limited = new[] { await SendAsync("test/limited.pinged"), await SendAsync("test/limited.pinged") };
        var debounced = new[] { await SendAsync("test/debounced.pinged"), await SendAsync("test/debounced.pinged") };
        var lonely = await SendAsync("test/nobody.listens");
        await _server.SettleOnboardingAsync();
        await _server.SettleAsync(e => e.Runs.Any(r => r.FunctionId == "debounced" && r.IsFinished));

        var events = await PageAsync("events");

        Assert.Equal(2, Rows(events, "user/account.created").Length);
        Assert.Contains(Rows(events, "user/account.created"), row => row.Contains(">1 run<", StringComparison.Ordinal));
        Assert.Contains(Rows(events, "user/account.created"), row => row.Contains(">1 deduplicated<", StringComparison.Ordinal));
        Assert.Contains(">1 rate limited<", Row(events, limited[1]));
        Assert.Contains(">1 run<", Row(events, limited[0]));
        Assert.Contains(">1 debounced<", Row(events, debounced[0]));
        Assert.Contains(">1 run<", Row(events, debounced[1]));
        Assert.Contains(">no trigger<", Row(events, lonely));
        Assert.Contains(">resumed 1 wait<", Row(events, _server.Engine.Events.Single(e => e.Name == "billing/trial.created").InternalId));
        Assert.DoesNotContain("inngest/function.failed", events);
        Assert.Contains("inngest/function.failed", await PageAsync("events?internal=1"));

        var second = _server.Engine.Events.Where(e => e.Name == "user/account.created").Last();
        var duplicate = await PageAsync($"events/{second.InternalId}");
        Assert.Contains("Runs it did not start", duplicate);
        Assert.Matches("<span class=\"tag\">deduplicated</span> <span class=\"mono\">onboarding-orchestrate-onboarding</span>: skipped: idempotency key=", duplicate);
        Assert.Contains("rate limited</span> <span class=\"mono\">dev-server-limited</span>: skipped: rateLimit", await PageAsync($"events/{limited[1]}"));
        Assert.Contains("No function is triggered by &#x27;test/nobody.listens&#x27;.", await PageAsync($"events/{lonely}"));
    }

    [Fact]
    public async Task A_run_page_reads_without_javascript_and_exports_its_history_as_versioned_json()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        var trial = _server.Engine.Runs.Single(r => r.FunctionId == "create-trial");

        var page = await PageAsync($"runs/{trial.RunId}");

        Assert.Contains("<h2 id=\"timeline-title\">Timeline</h2>", page);
        Assert.Equal(3 + 1 + 1, Regex.Matches(page, "<li class=\"attempt ").Count);
        Assert.Equal(2, Regex.Matches(page, "<li class=\"attempt fail\"").Count);
        Assert.Contains("TimeoutException</strong>: The billing API timed out reserving capacity for u-42.", page);
        Assert.Contains("<details class=\"stack\"><summary>Stack trace</summary>", page);
        Assert.DoesNotContain("<details class=\"stack\" open", page);

        using var response = await _http.GetAsync(new Uri(_server.BaseUrl, $"runs/{trial.RunId}/history.json"));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"run-{trial.RunId}.run.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var history = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = history.RootElement;
        Assert.Equal(["format", "version", "exported_at", "run", "events", "steps", "stack", "calls", "timeline"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("inngest-events/run-history", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("onboarding", root.GetProperty("run").GetProperty("app_id").GetString());
        Assert.Equal("Completed", root.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(trial.EventIds[0], root.GetProperty("events")[0].GetProperty("internal_id").GetString());
        Assert.Equal(["reserve-capacity", "start-subscription", "confirm-trial"], root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(3, root.GetProperty("steps")[0].GetProperty("attempts").GetInt32());

        // Every call as the protocol carried it: the request body, and the response's status and body.
        var calls = root.GetProperty("calls").EnumerateArray().ToArray();
        Assert.Equal(trial.Calls.Count, calls.Length);
        var firstFailure = calls.First(c => c.GetProperty("response").GetProperty("body").ValueKind == JsonValueKind.Array
            && c.GetProperty("response").GetProperty("body")[0].GetProperty("op").GetString() == "StepError");
        Assert.Equal(206, firstFailure.GetProperty("response").GetProperty("status").GetInt32());
        Assert.Equal("TimeoutException", firstFailure.GetProperty("response").GetProperty("body")[0].GetProperty("error").GetProperty("name").GetString());
        Assert.Equal(trial.RunId, firstFailure.GetProperty("request").GetProperty("ctx").GetProperty("run_id").GetString());
        Assert.Equal(trial.Timeline.Count, root.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Text_from_events_and_apps_is_encoded_on_every_page()
    {
        const string hostile = "<script>alert('x')</script>\"'&";
        var id = await SendAsync("test/hostile.sent", $$"""{"note":{{JsonSerializer.Serialize(hostile)}}}""", eventId: hostile);

        foreach (var path in new[] { "events", $"events/{id}", $"events/send?copy={id}", "?event=" + Uri.EscapeDataString(hostile), "apps" })
        {
            var page = await PageAsync(path);
            Assert.DoesNotContain("<script>alert", page);
            Assert.Single(Regex.Matches(page, "<script"));
        }

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&#x27;&amp;", await PageAsync($"events/{id}"));
    }

    [Fact]
    public async Task Unknown_runs_and_events_get_a_404_page_and_bad_filters_say_what_is_wrong()
    {
        using var run = await _http.GetAsync(new Uri(_server.BaseUrl, $"runs/{Ulid.NewUlid()}"));
        using var evt = await _http.GetAsync(new Uri(_server.BaseUrl, "events/NOPE"));
        var filtered = await PageAsync("?status=sleepy&range=forever&from=yesterday");

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Contains("There is no run", await run.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, evt.StatusCode);
        Assert.Contains("Unknown status &#x27;sleepy&#x27;.", filtered);
        Assert.Contains("Unknown time range &#x27;forever&#x27;.", filtered);
        Assert.Contains("&#x27;yesterday&#x27; is not a time for &#x27;from&#x27;", filtered);
    }

    [Fact]
    public async Task The_runs_page_filters_by_function_status_event_and_time()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        _server.Time.Advance(TimeSpan.FromHours(2));
        await SendAsync("test/limited.pinged");
        await _server.RunAsync();

        var all = RunRows(await PageAsync(""));
        Assert.Equal(7, all.Length);

        // Newest first: the run queued two hours after the onboarding flow leads, the flow's first run comes last.
        Assert.Equal("limited", FunctionOf(all[0]));
        Assert.Equal("orchestrate-onboarding", FunctionOf(all[^1]));
        Assert.Equal(["charge-setup-fee"], RunRows(await PageAsync("?status=failed")).Select(FunctionOf));
        Assert.Equal(["create-trial"], RunRows(await PageAsync("?function=onboarding-create-trial")).Select(FunctionOf));
        Assert.Equal(4, RunRows(await PageAsync("?event=user%2Fsignup.completed")).Length);
        Assert.Equal(["limited"], RunRows(await PageAsync("?range=1h")).Select(FunctionOf));
        Assert.Equal(6, RunRows(await PageAsync("?from=2025-06-02T09:00&to=2025-06-02T10:00")).Length);
        Assert.Empty(RunRows(await PageAsync("?status=running")));
    }

    [Fact]
    public async Task Form_posts_from_another_site_are_refused()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.RunAsync();
        var orchestrator = _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding");

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, $"runs/{orchestrator.RunId}/cancel"))
        {
            Content = new FormUrlEncodedContent([]),
            Headers = { { "Sec-Fetch-Site", "cross-site" }, { "Origin", "https://evil.example" } },
        };
        using var refused = await _http.SendAsync(crossSite);
        using var otherOrigin = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, "events/send"))
        {
            Content = new FormUrlEncodedContent([new("name", "app/x.y"), new("data", "{}")]),
            Headers = { { "Origin", "https://evil.example" } },
        };
        using var refusedSend = await _http.SendAsync(otherOrigin);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedSend.StatusCode);
        Assert.Equal(RunStatus.Waiting, _server.Engine.GetRun(orchestrator.RunId)!.Status);
        Assert.DoesNotContain(_server.Engine.Events, e => e.Name == "app/x.y");

        // The page's own form (same origin) works, and answers with a redirect back to the run.
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, $"runs/{orchestrator.RunId}/cancel"))
        {
            Content = new FormUrlEncodedContent([]),
            Headers = { { "Sec-Fetch-Site", "same-origin" } },
        };
        using var accepted = await _http.SendAsync(sameSite);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal($"/runs/{orchestrator.RunId}?done=cancelled", accepted.Headers.Location?.OriginalString);
        Assert.Equal(RunStatus.Cancelled, _server.Engine.GetRun(orchestrator.RunId)!.Status);
    }

    [Fact]
    public async Task The_apps_page_shows_a_failed_sync_with_its_error_and_resyncs()
    {
        var closed = new Uri("http://127.0.0.1:9/api/inngest");
        using var bad = await PostFormAsync("apps/sync", ("url", closed.AbsoluteUri));
        Assert.Equal(HttpStatusCode.SeeOther, bad.StatusCode);
        var failed = await PageAsync(bad.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Contains("Not synced. The last attempt", failed);
        Assert.Contains("could not be reached", failed);

        using var good = await PostFormAsync("apps/sync", ("url", _server.AppUrl!.AbsoluteUri));
        Assert.Equal(HttpStatusCode.SeeOther, good.StatusCode);
        Assert.Equal("/apps?done=synced#app-onboarding", good.Headers.Location?.OriginalString);
        var apps = await PageAsync("apps");
        Assert.Contains("App synced.", await PageAsync("apps?done=synced"));
        Assert.Contains($"<dd class=\"mono\"><a href=\"{_server.AppUrl.AbsoluteUri}\"", apps);
        Assert.Matches("<dt>SDK</dt><dd class=\"mono\">dotnet:", apps);
        Assert.Contains("<dt>Last sync</dt><dd><time datetime=\"2025-06-02T", apps);
        Assert.Contains("onboarding-charge-setup-fee", apps);
        Assert.Contains("if <code>event.data.plan == &#x27;pro&#x27;</code>", apps);
        Assert.Contains("&quot;retries&quot;", apps);
        Assert.Contains("dev-server-limited", apps);
        Assert.Contains("rate limit 1/1m", apps);

        using var notUrl = await PostFormAsync("apps/sync", ("url", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.BadRequest, notUrl.StatusCode);
    }

    private static InngestFunctionDefinition Function(string id, string eventName, FunctionConfig config) => new()
    {
        Id = id,
        Triggers = [FunctionTrigger.ForEvent(eventName)],
        Config = config,
        Handler = invocation => Task.FromResult(invocation.SerializeResult("ok")),
    };

    private async Task<string> SendAsync(string name, string data = "{}", string? eventId = null)
    {
        var body = $$"""{"name":{{JsonSerializer.Serialize(name)}},"data":{{data}}{{(eventId is null ? string.Empty : $",\"id\":{JsonSerializer.Serialize(eventId)}")}}}""";
        using var response = await _http.PostAsync(new Uri(_server.BaseUrl, "e/key"), new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json["ids"]![0]!.GetValue<string>();
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_server.BaseUrl, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, path))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        return await _http.SendAsync(request);
    }

    private static string[] Rows(string page, string eventName)
        => TableRow().Matches(page).Select(m => m.Value).Where(row => row.Contains($">{eventName}</a>", StringComparison.Ordinal)).ToArray();

    private static string Row(string page, string internalId)
        => Assert.Single(TableRow().Matches(page).Select(m => m.Value), row => row.Contains($"data-event-id=\"{internalId}\"", StringComparison.Ordinal));

    private static string[] RunRows(string page) => RunRow().Matches(page).Select(m => m.Value).ToArray();

    private static string FunctionOf(string row) => FunctionCell().Match(row).Groups[1].Value;

    [GeneratedRegex("<tr data-event-id=.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<tr class=\"run-row\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RunRow();

    [GeneratedRegex("<td><a href=\"runs/[0-9A-Z]{26}\">([^<]+)</a>")]
    private static partial Regex FunctionCell();
}
