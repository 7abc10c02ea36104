using System.Text;
using Inngest.Events.DevServer.Tests.Infrastructure;

namespace Inngest.Events.DevServer.Tests;

/// <summary>
/// Inngest's REST API v1 on the dev server, against the shapes of Inngest's server (<c>pkg/api/apiv1</c>): the
/// <c>{"data","metadata"}</c> envelope, <c>cqrs.Event</c> and <c>cqrs.FunctionRun</c> fields, limits, pagination, and
/// errors as <c>{"error","data":null,"status"}</c> with that status; the Onboarding flow's runs as data.
/// </summary>
public sealed class RestApiTests : IAsyncLifetime
{
    private static readonly string[] EventFields = ["internal_id", "account_id", "environment_id", "source", "source_id", "received_at", "id", "name", "data", "ts"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private OnboardingDevServer _server = null!;

    public async Task InitializeAsync() => _server = await OnboardingDevServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Events_are_listed_newest_first_in_Inngests_envelope_without_inngest_events()
    {
        var accountId = await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();

        var (status, json) = await GetAsync("v1/events");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["data", "metadata"], Names(json));
        Assert.Equal(["fetched_at"], Names(json["metadata"]!));
        Assert.Equal(OnboardingDevServer.Start.Year, DateTimeOffset.Parse(json["metadata"]!["fetched_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Year);
        var events = json["data"]!.AsArray();
        var names = events.Select(e => e!["name"]!.GetValue<string>()).ToArray();
        Assert.DoesNotContain(names, n => n.StartsWith("inngest/", StringComparison.Ordinal));
        Assert.Equal(
            ["billing/trial.created", "crm/contact.added", "email/welcome.sent", "user/account.created", "user/signup.completed"],
            names.Order(StringComparer.Ordinal));
        Assert.Equal("user/account.created", names[^1]);
        var ids = events.Select(e => e!["internal_id"]!.GetValue<string>()).ToArray();
        Assert.Equal(ids.OrderByDescending(i => i, StringComparer.Ordinal), ids);

        var account = events.Single(e => e!["internal_id"]!.GetValue<string>() == accountId)!;
        Assert.Equal(EventFields, Names(account));
        Assert.Equal("00000000-0000-0000-0000-000000000000", account["account_id"]!.GetValue<string>());
        Assert.Equal(string.Empty, account["source"]!.GetValue<string>());
        Assert.Null(account["source_id"]);
        Assert.Equal("account-created-u-42", account["id"]!.GetValue<string>());
        Assert.Equal("""{"userId":"u-42","email":"u-42@example.com","plan":"pro"}""", account["data"]!.ToJsonString());
        Assert.Equal(OnboardingDevServer.Start.ToUnixTimeMilliseconds(), account["ts"]!.GetValue<long>());
        Assert.Equal("2025-06-02T09:30:00Z", account["received_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_filter_by_name_and_time_and_page_with_a_cursor_and_Inngests_limits()
    {
        for (var i = 0; i < 60; i++)
        {
            await SendAsync($$"""{"name":"test/ping.sent","data":{"n":{{i}}},"user":{"id":"u{{i}}"},"v":"2025-01-01.1"}""");
            _server.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await SendAsync("""{"name":"test/other.sent","data":{}}""");

        var (_, first) = await GetAsync("v1/events?name=test/ping.sent");
        var page = first["data"]!.AsArray();
        Assert.Equal(20, page.Count);
        Assert.Equal(59, page[0]!["data"]!["n"]!.GetValue<int>());
        Assert.Equal("""{"id":"u59"}""", page[0]!["user"]!.ToJsonString());
        Assert.Equal("2025-01-01.1", page[0]!["v"]!.GetValue<string>());

        var cursor = page[^1]!["internal_id"]!.GetValue<string>();
        var (_, second) = await GetAsync($"v1/events?name=test/ping.sent&limit=5&cursor={cursor}");
        Assert.Equal([39, 38, 37, 36, 35], second["data"]!.AsArray().Select(e => e!["data"]!["n"]!.GetValue<int>()));

        // Inngest's server bounds the limit to 1..51 and reads anything else as the default.
        Assert.Equal(51, (await GetAsync("v1/events?name=test/ping.sent&limit=500")).Json["data"]!.AsArray().Count);
        Assert.Single((await GetAsync("v1/events?name=test/ping.sent&limit=-3")).Json["data"]!.AsArray());
        Assert.Equal(20, (await GetAsync("v1/events?limit=many")).Json["data"]!.AsArray().Count);

        // received_after / received_before bound the window, both ends included; by default it is the last hour.
        var (_, window) = await GetAsync("v1/events?name=test/ping.sent&received_after=2025-06-02T09:30:10Z&received_before=2025-06-02T09:30:12Z");
        Assert.Equal([12, 11, 10], window["data"]!.AsArray().Select(e => e!["data"]!["n"]!.GetValue<int>()));
        _server.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["test/other.sent"], (await GetAsync("v1/events")).Json["data"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal(51, (await GetAsync("v1/events?limit=100&received_after=2025-06-01")).Json["data"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("v1/events?cursor=not-a-ulid", "Invalid cursor query parameter")]
    [InlineData("v1/events?received_after=yesterday", "Invalid received_after query parameter")]
    [InlineData("v1/events?received_before=31/12/2025", "Invalid received_before query parameter")]
    [InlineData("v1/events/nope", "Invalid event ID: nope")]
    [InlineData("v1/events/nope/runs", "Invalid event ID: nope")]
    [InlineData("v1/runs/01JXZ", "Invalid run ID: 01JXZ")]
    public async Task Bad_requests_get_Inngests_error_shape_with_400(string path, string message)
    {
        var (status, json) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($$"""{"error":{{JsonSerializer.Serialize(message)}},"data":null,"status":400}""", json.ToJsonString());
    }

    [Theory]
    [InlineData("GET", "v1/apps/onboarding/functions")]
    [InlineData("POST", "v1/events")]
    [InlineData("GET", "v1/cancellations")]
    public async Task Routes_this_server_does_not_have_answer_404_in_Inngests_error_shape(string method, string path)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(_server.BaseUrl, path)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith($"Not found: {method} /{path} is not a route", json["error"]!.GetValue<string>());
        Assert.Equal(404, json["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_event_and_the_runs_it_started_are_read_by_internal_id()
    {
        var accountId = await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();

        var (status, evt) = await GetAsync($"v1/events/{accountId.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(accountId, evt["data"]!["internal_id"]!.GetValue<string>());

        var (_, runs) = await GetAsync($"v1/events/{accountId}/runs");
        var run = Assert.Single(runs["data"]!.AsArray())!;
        Assert.Equal(["run_id", "run_started_at", "function_id", "function_version", "environment_id", "event_id", "status", "ended_at", "output"], Names(run));
        Assert.Equal("Completed", run["status"]!.GetValue<string>());
        Assert.Equal("onboarded u-42", run["output"]!.GetValue<string>());
        Assert.Equal(accountId, run["event_id"]!.GetValue<string>());
        Assert.True(Guid.TryParse(run["function_id"]!.GetValue<string>(), out _));
        Assert.Equal(1, run["function_version"]!.GetValue<int>());
        Assert.Equal("2025-06-02T09:30:00Z", run["run_started_at"]!.GetValue<string>());
        Assert.NotNull(run["ended_at"]);

        // An event that started nothing has no runs; an unknown event is a 404 on its own route.
        var (_, none) = await GetAsync($"v1/events/{Ulid.NewUlid()}/runs");
        Assert.Empty(none["data"]!.AsArray());
        var (missing, error) = await GetAsync($"v1/events/{Ulid.NewUlid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("""{"error":"Event not found","data":null,"status":404}""", error.ToJsonString());
    }

    [Fact]
    public async Task A_run_is_read_with_its_status_and_output_or_error()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        var failed = _server.Engine.Runs.Single(r => r.FunctionId == "charge-setup-fee");
        var completed = _server.Engine.Runs.Single(r => r.FunctionId == "create-trial");

        var (_, failedJson) = await GetAsync($"v1/runs/{failed.RunId}");
        var (_, completedJson) = await GetAsync($"v1/runs/{completed.RunId}");

        Assert.Equal("Failed", failedJson["data"]!["status"]!.GetValue<string>());
        Assert.Equal("NonRetriableException", failedJson["data"]!["output"]!["name"]!.GetValue<string>());
        Assert.Equal("The card of u-42 was declined.", failedJson["data"]!["output"]!["message"]!.GetValue<string>());
        Assert.Equal("Completed", completedJson["data"]!["status"]!.GetValue<string>());
        Assert.Equal("u-42", completedJson["data"]!["output"]!["userId"]!.GetValue<string>());
        var signup = _server.Engine.Events.Single(e => e.Name == "user/signup.completed");
        Assert.Equal(signup.InternalId, completedJson["data"]!["event_id"]!.GetValue<string>());

        var (missing, error) = await GetAsync($"v1/runs/{Ulid.NewUlid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.StartsWith("Unable to load function run: ", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_cancels_a_waiting_run_and_leaves_an_ended_one_as_it_was()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.RunAsync();
        var orchestrator = _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding");
        Assert.Equal(RunStatus.Waiting, orchestrator.Status);
        var (_, before) = await GetAsync($"v1/runs/{orchestrator.RunId}");
        Assert.Equal("Running", before["data"]!["status"]!.GetValue<string>());
        Assert.Null(before["data"]!["ended_at"]);
        Assert.False(before["data"]!.AsObject().ContainsKey("output"));

        using var cancel = await _http.DeleteAsync(new Uri(_server.BaseUrl, $"v1/runs/{orchestrator.RunId}"));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(string.Empty, await cancel.Content.ReadAsStringAsync());
        var (_, after) = await GetAsync($"v1/runs/{orchestrator.RunId}");
        Assert.Equal("Cancelled", after["data"]!["status"]!.GetValue<string>());
        Assert.Equal("{}", after["data"]!["output"]!.ToJsonString());
        Assert.Contains("REST API", _server.Engine.GetRun(orchestrator.RunId)!.CancellationReason);

        using var again = await _http.DeleteAsync(new Uri(_server.BaseUrl, $"v1/runs/{orchestrator.RunId}"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_server.Engine.Events, e => e.Name == "inngest/function.cancelled");

        using var unknown = await _http.DeleteAsync(new Uri(_server.BaseUrl, $"v1/runs/{Ulid.NewUlid()}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_bulk_cancellation_cancels_the_matching_runs_of_one_function_in_the_window()
    {
        await _server.SendAccountCreatedAsync(_http, "u-1", "free");
        await _server.SendAccountCreatedAsync(_http, "u-2", "free");
        await _server.SendAccountCreatedAsync(_http, "u-3", "free");
        await _server.RunAsync();
        _server.Time.Advance(TimeSpan.FromSeconds(1));

        var (status, json) = await PostAsync("v1/cancellations", """
            {"app_id":"onboarding","function_id":"orchestrate-onboarding","started_after":"2025-06-01T00:00:00Z",
             "started_before":"2025-06-02T09:30:01Z","if":"event.data.userId != 'u-2'"}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var cancellation = json["data"]!;
        Assert.Equal(["created_at", "name", "id", "account_id", "environment_id", "app_id", "function_internal_id", "function_id", "started_after", "started_before", "if", "kind", "cause"], Names(cancellation));
        Assert.Equal("orchestrate-onboarding", cancellation["function_id"]!.GetValue<string>());
        Assert.Equal("bulk_run", cancellation["kind"]!.GetValue<string>());
        Assert.Equal("API", cancellation["cause"]!.GetValue<string>());
        Assert.Equal("2025-06-02T09:30:01Z", cancellation["started_before"]!.GetValue<string>());
        Assert.True(Ulid.TryParse(cancellation["id"]!.GetValue<string>(), out _));
        // The billing API fails only the first two reservations, so u-3's flow had already completed: ended runs stay as they were.
        var orchestrators = _server.Engine.Runs.Where(r => r.FunctionId == "orchestrate-onboarding").ToArray();
        Assert.Equal(
            [("u-1", RunStatus.Cancelled), ("u-2", RunStatus.Waiting), ("u-3", RunStatus.Completed)],
            orchestrators.Select(r => (r.Event.GetProperty("data").GetProperty("userId").GetString(), r.Status)).OrderBy(x => x.Item1));
        Assert.All(_server.Engine.Runs.Where(r => r.FunctionId == "create-trial"), r => Assert.NotEqual(RunStatus.Cancelled, r.Status));
    }

    [Theory]
    [InlineData("[1,2]", 400, "Invalid cancellation request")]
    [InlineData("{\"app_id\":1}", 400, "Invalid cancellation request")]
    [InlineData("{\"started_before\":\"last week\"}", 400, "Invalid cancellation request")]
    [InlineData("{}", 400, "app_id is required\nfunction_id is required\nstarted_before is required")]
    [InlineData("{\"app_id\":\"onboarding\",\"function_id\":\"create-trial\",\"started_before\":\"2099-01-01T00:00:00Z\"}", 400, "started_before must be in the past")]
    [InlineData("{\"app_id\":\"onboarding\",\"function_id\":\"create-trial\",\"started_after\":\"2025-06-02T09:00:00Z\",\"started_before\":\"2025-06-02T08:00:00Z\"}", 400, "started_after must be before started_before")]
    [InlineData("{\"app_id\":\"onboarding\",\"function_id\":\"nope\",\"started_before\":\"2025-06-02T09:00:00Z\"}", 404, "function not found")]
    [InlineData("{\"app_id\":\"billing\",\"function_id\":\"create-trial\",\"started_before\":\"2025-06-02T09:00:00Z\"}", 404, "function not found")]
    public async Task A_bad_cancellation_gets_Inngests_error(string body, int status, string message)
    {
        var (actual, json) = await PostAsync("v1/cancellations", body);

        Assert.Equal(status, (int)actual);
        Assert.Equal(message, json["error"]!.GetValue<string>());
        Assert.Equal(status, json["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cancellation_with_an_invalid_expression_is_refused_and_cancels_nothing()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.RunAsync();

        var (status, json) = await PostAsync("v1/cancellations",
            """{"app_id":"onboarding","function_id":"orchestrate-onboarding","started_before":"2025-06-02T09:30:00Z","if":"event.data.userId =="}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("invalid expression: ", json["error"]!.GetValue<string>());
        Assert.Equal(RunStatus.Waiting, _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding").Status);
    }

    [Fact]
    public async Task With_a_signing_key_the_api_wants_it_as_a_bearer_token()
    {
        const string key = "signkey-test-12345678901234567890123456789012";
        await using var server = await OnboardingDevServer.StartAsync(withApp: false, o => o.SigningKey = key);
        var url = new Uri(server.BaseUrl, "v1/events");

        using var anonymous = await _http.GetAsync(url);
        using var raw = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Authorization", "Bearer " + key } } };
        using var rawResponse = await _http.SendAsync(raw);
        
        // What SDKs send: the prefix, then the hex SHA-256 of the hex-decoded rest of the key.
        var hash = "signkey-test-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(key["signkey-test-".Length..]))).ToLowerInvariant();
        using var hashed = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Authorization", "Bearer " + hash } } };
        using var hashedResponse = await _http.SendAsync(hashed);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(401, JsonNode.Parse(await anonymous.Content.ReadAsStringAsync())!["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, rawResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hashedResponse.StatusCode);
    }

    private async Task SendAsync(string json)
    {
        using var response = await _http.PostAsync(new Uri(_server.BaseUrl, "e/key"), new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, JsonNode Json)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_server.BaseUrl, path));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<(HttpStatusCode Status, JsonNode Json)> PostAsync(string path, string body)
    {
        using var response = await _http.PostAsync(new Uri(_server.BaseUrl, path), new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static string[] Names(JsonNode node) => node.AsObject().Select(p => p.Key).ToArray();
}
