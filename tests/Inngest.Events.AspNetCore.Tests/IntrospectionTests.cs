using Inngest.Events.AspNetCore.Tests.Infrastructure;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>GET introspection and the trust probe (docs/protocol.md#introspection-get).</summary>
public sealed class IntrospectionTests
{
    private static readonly string[] UnauthenticatedKeys =
        ["authentication_succeeded", "extra", "function_count", "has_event_key", "has_signing_key", "has_signing_key_fallback", "mode", "schema_version"];

    [Fact]
    public async Task Unsigned_get_in_cloud_mode_answers_200_with_the_unauthenticated_body()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Functions.AddRange([TestFunctions.Hello, TestFunctions.Serial]);
        });

        using var response = await app.SendAsync(HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Null(ResponseAssert.Header(response, "X-Inngest-Signature"));
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal(UnauthenticatedKeys, ResponseAssert.PropertyNames(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("authentication_succeeded").ValueKind);
        Assert.Equal(2, body.GetProperty("function_count").GetInt32());
        Assert.False(body.GetProperty("has_event_key").GetBoolean());
        Assert.True(body.GetProperty("has_signing_key").GetBoolean());
        Assert.False(body.GetProperty("has_signing_key_fallback").GetBoolean());
        Assert.Equal("cloud", body.GetProperty("mode").GetString());
        Assert.Equal("2024-05-24", body.GetProperty("schema_version").GetString());
    }

    [Fact]
    public async Task Signed_get_answers_the_authenticated_body_signed_with_the_same_key()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud(fallback: Keys.Fallback);
            o.Config["INNGEST_EVENT_KEY"] = Keys.EventKey;
            o.Config["INNGEST_ENV"] = "branch-1";
            o.Config["INNGEST_SERVE_ORIGIN"] = "https://app.example.com";
            o.Config["INNGEST_SERVE_PATH"] = "/inngest";
            o.Functions.Add(TestFunctions.Hello);
        });

        using var response = await app.SendAsync(HttpMethod.Get, sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var signature = ResponseAssert.Header(response, "X-Inngest-Signature");
        Assert.True(RequestSignature.Verify(signature, bytes, Keys.Signing, null, Keys.Now).IsValid);

        var body = JsonDocument.Parse(bytes).RootElement;
        string[] authenticatedKeys =
        [
            .. UnauthenticatedKeys, "api_origin", "app_id", "capabilities", "env", "event_api_origin", "event_key_hash", "framework",
            "sdk_language", "sdk_version", "serve_origin", "serve_path", "signing_key_fallback_hash", "signing_key_hash",
        ];
        Assert.Equal(authenticatedKeys.Order(StringComparer.Ordinal), ResponseAssert.PropertyNames(body));
        Assert.True(body.GetProperty("authentication_succeeded").GetBoolean());
        Assert.Equal("https://api.inngest.com/", body.GetProperty("api_origin").GetString());
        Assert.Equal("https://inn.gs/", body.GetProperty("event_api_origin").GetString());
        Assert.Equal("app", body.GetProperty("app_id").GetString());
        Assert.Equal("""{"in_band_sync":"v1","trust_probe":"v1"}""", body.GetProperty("capabilities").GetRawText());
        Assert.Equal("branch-1", body.GetProperty("env").GetString());
        Assert.Equal(SigningKeys.HashEventKey(Keys.EventKey), body.GetProperty("event_key_hash").GetString());
        Assert.Equal("aspnetcore", body.GetProperty("framework").GetString());
        Assert.Equal("dotnet", body.GetProperty("sdk_language").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", body.GetProperty("sdk_version").GetString());
        Assert.Equal("https://app.example.com", body.GetProperty("serve_origin").GetString());
        Assert.Equal("/inngest", body.GetProperty("serve_path").GetString());
        Assert.Equal("b2ed992186a5", body.GetProperty("signing_key_hash").GetString());
        Assert.Equal(SigningKeys.RemovePrefix(SigningKeys.HashForBearer(Keys.Fallback))[..12], body.GetProperty("signing_key_fallback_hash").GetString());
        Assert.True(body.GetProperty("has_event_key").GetBoolean());
        Assert.True(body.GetProperty("has_signing_key_fallback").GetBoolean());
    }

    [Fact]
    public async Task Get_signed_with_the_fallback_key_is_authenticated_and_signed_with_it()
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud(fallback: Keys.Fallback));

        using var response = await app.SendAsync(HttpMethod.Get, sign: Keys.Fallback);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(JsonDocument.Parse(bytes).RootElement.GetProperty("authentication_succeeded").GetBoolean());
        var signature = ResponseAssert.Header(response, "X-Inngest-Signature");
        Assert.Equal((RequestSignature.Outcome.Valid, Keys.Fallback), (RequestSignature.Verify(signature, bytes, Keys.Fallback, null, Keys.Now) is var v ? (v.Status, v.KeyUsed) : default));
    }

    [Theory]
    [InlineData(Keys.Other, 0)]
    [InlineData(Keys.Signing, -10)]
    public async Task Get_with_a_bad_or_expired_signature_answers_the_unauthenticated_body_with_false(string key, int minutes)
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud());

        using var response = await app.SendAsync(HttpMethod.Get, sign: key, at: Keys.Now.AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Null(ResponseAssert.Header(response, "X-Inngest-Signature"));
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal(UnauthenticatedKeys, ResponseAssert.PropertyNames(body));
        Assert.False(body.GetProperty("authentication_succeeded").GetBoolean());
    }

    [Fact]
    public async Task Dev_mode_introspection_reports_dev_without_authentication()
    {
        await using var app = await ServeApp.StartAsync(o => o.Dev());

        using var response = await app.SendAsync(HttpMethod.Get);

        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal("dev", body.GetProperty("mode").GetString());
        Assert.False(body.GetProperty("has_signing_key").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("authentication_succeeded").ValueKind);
    }

    [Fact]
    public async Task Trust_probe_signed_answers_200_with_an_empty_body()
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud());

        using var response = await app.SendAsync(HttpMethod.Post, "probe=trust", [], sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Trust_probe_unsigned_or_badly_signed_in_cloud_mode_answers_401()
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud());

        using var unsigned = await app.SendAsync(HttpMethod.Post, "probe=trust", []);
        using var wrongKey = await app.SendAsync(HttpMethod.Post, "probe=trust", [], sign: Keys.Other);

        foreach (var response in new[] { unsigned, wrongKey })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            ResponseAssert.HasProtocolHeaders(response);
            Assert.Equal("""{"message":"Unauthorized"}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Unknown_probe_answers_400()
    {
        await using var app = await ServeApp.StartAsync(o => o.Cloud());

        using var response = await app.SendAsync(HttpMethod.Post, "probe=warp", [], sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Contains("Unknown probe \\u0022warp\\u0022", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_methods_answer_405_with_the_protocol_headers()
    {
        await using var app = await ServeApp.StartAsync(o => o.Dev());

        using var response = await app.SendAsync(HttpMethod.Delete);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
    }

    [Fact]
    public async Task Cloud_mode_without_a_signing_key_fails_at_startup_with_a_clear_message()
    {
        var exception = await Assert.ThrowsAsync<InngestConfigurationException>(() => ServeApp.StartAsync(_ => { }));
        Assert.Contains("cloud mode", exception.Message, StringComparison.Ordinal);
        Assert.Contains("INNGEST_SIGNING_KEY", exception.Message, StringComparison.Ordinal);
        Assert.Contains("INNGEST_DEV=1", exception.Message, StringComparison.Ordinal);
    }
}
