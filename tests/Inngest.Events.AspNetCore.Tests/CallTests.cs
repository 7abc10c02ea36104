using Inngest.Events.AspNetCore.Tests.Infrastructure;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>POST call requests: signatures, statuses, bodies and headers (docs/protocol.md#call-requests-post, docs/protocol.md#call-responses, docs/protocol.md#signing).</summary>
public sealed class CallTests
{
    private static readonly string HashA = StepIds.Hash("a");
    private static readonly string HashB = StepIds.Hash("b");

    private static Task<ServeApp> StartCloudAsync(Action<ServeAppOptions>? configure = null)
        => ServeApp.StartAsync(o =>
        {
            o.Cloud(fallback: Keys.Fallback);
            o.Functions.AddRange([TestFunctions.Hello, TestFunctions.Serial, TestFunctions.Flaky, TestFunctions.NonRetriable, TestFunctions.RetryLater]);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task A_function_that_returns_answers_200_with_its_result()
    {
        await using var app = await StartCloudAsync();
        var body = CallBodies.Create();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), body, sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("\"hello\"", Encoding.UTF8.GetString(bytes));
        Assert.Null(ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        Assert.True(RequestSignature.Verify(ResponseAssert.Header(response, "X-Inngest-Signature"), bytes, Keys.Signing, null, Keys.Now).IsValid);
    }

    [Fact]
    public async Task A_new_step_answers_206_with_the_op_and_the_memoized_state_drives_the_next()
    {
        await using var app = await StartCloudAsync();

        var first = CallBodies.Create();
        using var response1 = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), first, sign: Keys.Signing);
        Assert.Equal((HttpStatusCode)206, response1.StatusCode);
        ResponseAssert.HasProtocolHeaders(response1);
        Assert.Equal(
            $$$"""[{"id":"{{{HashA}}}","op":"StepRun","name":"a","displayName":"a","data":"A","userland":{"id":"a"}}]""",
            await response1.Content.ReadAsStringAsync());

        var second = CallBodies.Create(steps: new Dictionary<string, string> { [HashA] = """{"data":"A"}""" });
        using var response2 = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), second, sign: Keys.Signing);
        var op = Assert.Single((await ResponseAssert.JsonAsync(response2)).EnumerateArray());
        Assert.Equal((HashB, "StepRun", "\"AB\""), (op.GetProperty("id").GetString(), op.GetProperty("op").GetString(), op.GetProperty("data").GetRawText()));

        var third = CallBodies.Create(steps: new Dictionary<string, string> { [HashA] = """{"data":"A"}""", [HashB] = """{"data":"AB"}""" });
        using var response3 = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), third, sign: Keys.Signing);
        Assert.Equal(HttpStatusCode.OK, response3.StatusCode);
        Assert.Equal("\"AB\"", await response3.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_step_answers_206_step_error_with_no_retry_false_then_step_failed_on_the_last_attempt()
    {
        await using var app = await StartCloudAsync();
        var hash = StepIds.Hash("flaky-step");

        using var retry = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-flaky"), CallBodies.Create(attempt: 0, maxAttempts: 2), sign: Keys.Signing);
        Assert.Equal((HttpStatusCode)206, retry.StatusCode);
        Assert.Equal("false", ResponseAssert.Header(retry, "X-Inngest-No-Retry"));
        var error = Assert.Single((await ResponseAssert.JsonAsync(retry)).EnumerateArray());
        Assert.Equal(("StepError", hash), (error.GetProperty("op").GetString(), error.GetProperty("id").GetString()));
        Assert.Equal(("InvalidOperationException", "attempt 0 failed"), (error.GetProperty("error").GetProperty("name").GetString(), error.GetProperty("error").GetProperty("message").GetString()));

        using var last = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-flaky"), CallBodies.Create(attempt: 1, maxAttempts: 2), sign: Keys.Signing);
        Assert.Equal((HttpStatusCode)206, last.StatusCode);
        Assert.Equal("true", ResponseAssert.Header(last, "X-Inngest-No-Retry"));
        Assert.Equal("StepFailed", Assert.Single((await ResponseAssert.JsonAsync(last)).EnumerateArray()).GetProperty("op").GetString());
    }

    [Fact]
    public async Task A_non_retriable_error_answers_400_with_no_retry_true()
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-non-retriable"), CallBodies.Create(), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("true", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal(("NonRetriableException", "card declined"), (body.GetProperty("name").GetString(), body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_retriable_error_answers_500_with_no_retry_false_and_retry_after()
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-retry-later"), CallBodies.Create(), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("false", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        Assert.Equal("30", ResponseAssert.Header(response, "Retry-After"));
        Assert.Equal("rate limited", (await ResponseAssert.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_query_step_id_wins_over_ctx_step_id()
    {
        await using var app = await StartCloudAsync(o => o.Functions.Add(TestFunctions.Parallel));
        var body = CallBodies.Create(stepId: "step");

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-parallel", HashB), body, sign: Keys.Signing);

        var op = Assert.Single((await ResponseAssert.JsonAsync(response)).EnumerateArray());
        Assert.Equal(("StepRun", HashB, "\"B\""), (op.GetProperty("op").GetString(), op.GetProperty("id").GetString(), op.GetProperty("data").GetRawText()));
    }

    [Fact]
    public async Task Unsigned_calls_in_cloud_mode_answer_401_with_the_protocol_headers()
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("""{"message":"Unauthorized"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Calls_signed_more_than_five_minutes_away_answer_401(int minutes)
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create(), sign: Keys.Signing, at: Keys.Now.AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
    }

    [Fact]
    public async Task Calls_signed_with_the_fallback_key_run_and_the_response_is_signed_with_it()
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create(), sign: Keys.Fallback);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Keys.Fallback, RequestSignature.Verify(ResponseAssert.Header(response, "X-Inngest-Signature"), bytes, Keys.Signing, Keys.Fallback, Keys.Now).KeyUsed);
    }

    [Fact]
    public async Task Changing_the_body_bytes_after_signing_breaks_the_signature_even_when_the_json_is_equivalent()
    {
        await using var app = await StartCloudAsync();
        var body = CallBodies.Create();
        var header = Keys.Sign(body, Keys.Signing);
        var reformatted = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, new JsonSerializerOptions { WriteIndented = true }));

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), reformatted,
            configure: r => r.Headers.TryAddWithoutValidation("X-Inngest-Signature", header));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Dev_mode_runs_unsigned_calls_but_refuses_a_bad_signature_when_it_has_a_key()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Dev();
            o.Config["INNGEST_SIGNING_KEY"] = Keys.Signing;
            o.Functions.Add(TestFunctions.Hello);
        });

        using var unsigned = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create());
        using var badlySigned = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create(), sign: Keys.Other);
        using var signed = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create(), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.Null(ResponseAssert.Header(unsigned, "X-Inngest-Signature"));
        Assert.Equal(HttpStatusCode.Unauthorized, badlySigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.NotNull(ResponseAssert.Header(signed, "X-Inngest-Signature"));
    }

    [Fact]
    public async Task An_unknown_function_answers_a_retriable_500_that_names_it()
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-missing"), CallBodies.Create(), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("false", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal("FunctionNotFoundError", body.GetProperty("name").GetString());
        Assert.Contains("'app-missing'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("app-hello", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task A_malformed_call_request_answers_400_no_retry(string text)
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), Encoding.UTF8.GetBytes(text), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("true", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        Assert.Equal("InvalidCallRequestError", (await ResponseAssert.JsonAsync(response)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_call_without_fn_id_answers_400()
    {
        await using var app = await StartCloudAsync();

        using var response = await app.SendAsync(HttpMethod.Post, "stepId=step", CallBodies.Create(), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
    }

    [Fact]
    public async Task Use_api_loads_the_events_and_steps_from_the_api_with_the_hashed_key()
    {
        await using var api = await FakeApi.StartAsync();
        api.Respond = (request, context) => request.Path switch
        {
            "/v0/runs/run-9/batch" => FakeApi.JsonAsync(context, 200, """[{"name":"test/order.placed","data":{"orderId":"big","amount":1},"id":"e-big","ts":1735732800000,"user":{}}]"""),
            "/v0/runs/run-9/actions" => FakeApi.JsonAsync(context, 200, $$$"""{"{{{HashA}}}":{"data":"from-api"}}"""),
            _ => FakeApi.JsonAsync(context, 404, "{}"),
        };
        await using var app = await StartCloudAsync(o => o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri);
        var body = CallBodies.Create(useApi: true, runId: "run-9");

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), body, sign: Keys.Signing);

        Assert.Equal((HttpStatusCode)206, response.StatusCode);
        var op = Assert.Single((await ResponseAssert.JsonAsync(response)).EnumerateArray());
        Assert.Equal((HashB, "\"from-apiB\""), (op.GetProperty("id").GetString(), op.GetProperty("data").GetRawText()));
        Assert.Equal(["/v0/runs/run-9/batch", "/v0/runs/run-9/actions"], api.Requests.Select(r => r.Path));
        Assert.All(api.Requests, r => Assert.Equal("Bearer " + SigningKeys.HashForBearer(Keys.Signing), r.Header("Authorization")));
    }

    [Fact]
    public async Task Use_api_failing_to_load_answers_a_retriable_500()
    {
        await using var api = await FakeApi.StartAsync();
        api.Respond = (_, context) => FakeApi.JsonAsync(context, 404, """{"error":"run not found"}""");
        await using var app = await StartCloudAsync(o => o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri);

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), CallBodies.Create(useApi: true, runId: "run-9"), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("false", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        Assert.Contains("run-9", (await ResponseAssert.JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_api_retries_with_the_fallback_key_on_403()
    {
        await using var api = await FakeApi.StartAsync();
        var fallback = "Bearer " + SigningKeys.HashForBearer(Keys.Fallback);
        api.Respond = (request, context) => request.Header("Authorization") != fallback
            ? FakeApi.JsonAsync(context, 403, "{}")
            : request.Path.EndsWith("/batch", StringComparison.Ordinal)
                ? FakeApi.JsonAsync(context, 200, "[" + CallBodies.OrderEvent + "]")
                : FakeApi.JsonAsync(context, 200, "{}");
        await using var app = await StartCloudAsync(o => o.Config["INNGEST_API_BASE_URL"] = api.BaseUrl.AbsoluteUri);

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create(useApi: true), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, api.Requests.Count);
    }
}
