using Inngest.Events.AspNetCore.Tests.Infrastructure;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>PUT sync, out-of-band and in-band (docs/protocol.md#sync-put).</summary>
public sealed class SyncTests
{
    private static readonly string HashedSigningKey = SigningKeys.HashForBearer(Keys.Signing);
    private static readonly string HashedFallbackKey = SigningKeys.HashForBearer(Keys.Fallback);

    [Fact]
    public async Task Out_of_band_sync_posts_the_register_request_with_the_hashed_key_and_replies_with_the_outcome()
    {
        await using var api = await FakeApi.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri;
            o.Config["INNGEST_ENV"] = "branch-1";
            o.Functions.AddRange([TestFunctions.Serial, TestFunctions.Hello]);
        });

        using var response = await app.SendAsync(HttpMethod.Put, "deployId=d-1", configure: r => r.Headers.Add("X-Inngest-Server-Kind", "cloud"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("""{"message":"Successfully synced.","modified":true}""", await response.Content.ReadAsStringAsync());

        var register = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/fn/register", "?deployId=d-1"), (register.Method, register.Path, register.Query));
        Assert.Equal("Bearer " + HashedSigningKey, register.Header("Authorization"));
        Assert.Matches(@"^dotnet:v\d+\.\d+\.\d+", register.Header("X-Inngest-SDK"));
        Assert.Equal("out_of_band", register.Header("X-Inngest-Sync-Kind"));
        Assert.Equal("cloud", register.Header("X-Inngest-Expected-Server-Kind"));
        Assert.Equal("branch-1", register.Header("X-Inngest-Env"));
        Assert.Equal("aspnetcore", register.Header("X-Inngest-Framework"));
        Assert.StartsWith("application/json", register.Header("Content-Type"), StringComparison.Ordinal);

        var body = register.Json;
        Assert.Equal(["appName", "capabilities", "deployId", "deployType", "framework", "functions", "sdk", "url", "v"], ResponseAssert.PropertyNames(body));
        Assert.Equal(app.ServeUrl.AbsoluteUri, body.GetProperty("url").GetString());
        Assert.Equal("ping", body.GetProperty("deployType").GetString());
        Assert.Equal("app", body.GetProperty("appName").GetString());
        Assert.Equal(register.Header("X-Inngest-SDK"), body.GetProperty("sdk").GetString());
        Assert.Equal("0.1", body.GetProperty("v").GetString());
        Assert.Equal("aspnetcore", body.GetProperty("framework").GetString());
        Assert.Equal("d-1", body.GetProperty("deployId").GetString());
        Assert.Equal("""{"in_band_sync":"v1","trust_probe":"v1"}""", body.GetProperty("capabilities").GetRawText());
        var functions = body.GetProperty("functions").EnumerateArray().ToArray();
        Assert.Equal(["app-serial", "app-hello"], functions.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(
            app.ServeUrl.AbsoluteUri + "?fnId=app-serial&stepId=step",
            functions[0].GetProperty("steps").GetProperty("step").GetProperty("runtime").GetProperty("url").GetString());
        Assert.Equal("""[{"event":"test/order.placed"}]""", functions[0].GetProperty("triggers").GetRawText());
    }

    [Fact]
    public async Task Out_of_band_sync_retries_with_the_fallback_key_on_401()
    {
        await using var api = await FakeApi.StartAsync();
        api.Respond = (request, context) => request.Header("Authorization") == "Bearer " + HashedFallbackKey
            ? FakeApi.JsonAsync(context, 200, """{"ok":true,"modified":false}""")
            : FakeApi.JsonAsync(context, 401, """{"error":"Invalid signing key","status":401}""");
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud(fallback: Keys.Fallback);
            o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri;
        });

        using var response = await app.SendAsync(HttpMethod.Put);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"message":"Successfully synced.","modified":false}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(["Bearer " + HashedSigningKey, "Bearer " + HashedFallbackKey], api.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(api.Requests[0].Body, api.Requests[1].Body);
        Assert.Equal("", api.Requests[0].Query);
    }

    [Fact]
    public async Task Out_of_band_sync_failure_replies_500_with_the_servers_error()
    {
        await using var api = await FakeApi.StartAsync();
        api.Respond = (_, context) => FakeApi.JsonAsync(context, 400, """{"error":"At least one function is invalid","status":400}""");
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud(fallback: Keys.Fallback);
            o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri;
        });

        using var response = await app.SendAsync(HttpMethod.Put);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Contains("At least one function is invalid", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("400", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("modified").GetBoolean());
        Assert.Single(api.Requests); // a 400 is not an authentication problem: no fallback retry
    }

    [Fact]
    public async Task Out_of_band_sync_to_an_unreachable_api_replies_500()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Config["INNGEST_API_BASE_URL"] = "http://127.0.0.1:1/";
        });

        using var response = await app.SendAsync(HttpMethod.Put);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await ResponseAssert.JsonAsync(response);
        Assert.StartsWith("Failed to register with http://127.0.0.1:1/fn/register", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.GetProperty("modified").GetBoolean());
    }

    [Fact]
    public async Task Serve_origin_and_path_from_the_environment_replace_the_request_url()
    {
        await using var api = await FakeApi.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Config["INNGEST_BASE_URL"] = api.BaseUrl.AbsoluteUri;
            o.Config["INNGEST_SERVE_ORIGIN"] = "http://host.docker.internal:5000";
            o.Config["INNGEST_SERVE_PATH"] = "/x/inngest";
            o.Functions.Add(TestFunctions.Hello);
        });

        using var response = await app.SendAsync(HttpMethod.Put, "deployId=d-2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Assert.Single(api.Requests).Json;
        Assert.Equal("http://host.docker.internal:5000/x/inngest", body.GetProperty("url").GetString());
        Assert.Equal(
            "http://host.docker.internal:5000/x/inngest?fnId=app-hello&stepId=step",
            body.GetProperty("functions")[0].GetProperty("steps").GetProperty("step").GetProperty("runtime").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Dev_mode_syncs_with_the_dev_server_url_without_authorization()
    {
        await using var api = await FakeApi.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Config["INNGEST_DEV"] = api.BaseUrl.AbsoluteUri;
            o.Config["INNGEST_SIGNING_KEY"] = Keys.Signing;
        });

        using var response = await app.SendAsync(HttpMethod.Put, configure: r => r.Headers.Add("X-Inngest-Server-Kind", "dev"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var register = Assert.Single(api.Requests);
        Assert.Null(register.Header("Authorization"));
        Assert.Equal("dev", register.Header("X-Inngest-Expected-Server-Kind"));
        Assert.Null(register.Header("X-Inngest-Env"));
    }

    [Fact]
    public async Task In_band_sync_answers_the_app_config_for_the_signed_url()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Functions.AddRange([TestFunctions.Serial, TestFunctions.Hello]);
            o.Serve = serve => serve.AppVersion = "2025.1";
        });
        var requestBody = """{"url":"https://app.example.com/api/inngest"}"""u8.ToArray();

        using var response = await app.SendAsync(HttpMethod.Put, body: requestBody, sign: Keys.Signing, configure: r => r.Headers.Add("X-Inngest-Sync-Kind", "in_band"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("in_band", ResponseAssert.Header(response, "X-Inngest-Sync-Kind"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(RequestSignature.Verify(ResponseAssert.Header(response, "X-Inngest-Signature"), bytes, Keys.Signing, null, Keys.Now).IsValid);
        var body = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(
            ["appVersion", "app_id", "capabilities", "env", "framework", "functions", "inspection", "platform", "sdk", "sdk_author", "sdk_language", "sdk_version", "url"],
            ResponseAssert.PropertyNames(body));
        Assert.Equal("app", body.GetProperty("app_id").GetString());
        Assert.Equal("2025.1", body.GetProperty("appVersion").GetString());
        Assert.Equal("https://app.example.com/api/inngest", body.GetProperty("url").GetString());
        Assert.Equal("dotnet", body.GetProperty("sdk_language").GetString());
        Assert.Equal("""{"in_band_sync":"v1","trust_probe":"v1"}""", body.GetProperty("capabilities").GetRawText());
        Assert.Equal(
            "https://app.example.com/api/inngest?fnId=app-serial&stepId=step",
            body.GetProperty("functions")[0].GetProperty("steps").GetProperty("step").GetProperty("runtime").GetProperty("url").GetString());
        Assert.True(body.GetProperty("inspection").GetProperty("authentication_succeeded").GetBoolean());
        Assert.Equal(2, body.GetProperty("inspection").GetProperty("function_count").GetInt32());
    }

    [Fact]
    public async Task In_band_sync_without_a_valid_signature_in_cloud_mode_answers_401()
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud());
        var requestBody = """{"url":"https://app.example.com/api/inngest"}"""u8.ToArray();

        using var unsigned = await app.SendAsync(HttpMethod.Put, body: requestBody, configure: r => r.Headers.Add("X-Inngest-Sync-Kind", "in_band"));
        using var wrongKey = await app.SendAsync(HttpMethod.Put, body: requestBody, sign: Keys.Other, configure: r => r.Headers.Add("X-Inngest-Sync-Kind", "in_band"));

        foreach (var response in new[] { unsigned, wrongKey })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            ResponseAssert.HasProtocolHeaders(response);
        }
    }

    [Fact]
    public async Task In_band_sync_body_must_be_exactly_a_url()
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud());
        var requestBody = """{"url":"https://app.example.com/api/inngest","extra":1}"""u8.ToArray();

        using var response = await app.SendAsync(HttpMethod.Put, body: requestBody, sign: Keys.Signing, configure: r => r.Headers.Add("X-Inngest-Sync-Kind", "in_band"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.Contains("'extra'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_in_band_sync_disallowed_an_in_band_request_syncs_out_of_band_and_it_is_not_advertised()
    {
        await using var api = await FakeApi.StartAsync();
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri;
            o.Config["INNGEST_ALLOW_IN_BAND_SYNC"] = "false";
        });
        var requestBody = """{"url":"https://app.example.com/api/inngest"}"""u8.ToArray();

        using var response = await app.SendAsync(HttpMethod.Put, body: requestBody, sign: Keys.Signing, configure: r => r.Headers.Add("X-Inngest-Sync-Kind", "in_band"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("out_of_band", ResponseAssert.Header(response, "X-Inngest-Sync-Kind"));
        Assert.Equal("""{"trust_probe":"v1"}""", Assert.Single(api.Requests).Json.GetProperty("capabilities").GetRawText());
    }
}
