using Inngest.Events.AspNetCore.Tests.Infrastructure;
using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// The engine's HTTP driver against a hand-rolled "SDK" (a fake app on Kestrel): it reads responses as Inngest does
/// (docs/protocol.md#call-responses), whatever SDK wrote them.
/// </summary>
public sealed class HttpDriverResponseTests
{
    private static byte[] RegisterBody(Uri appUrl, int? retries = null)
    {
        var retriesJson = retries is { } r ? ",\"retries\":{\"attempts\":" + r + "}" : string.Empty;
        var step = "{\"id\":\"step\",\"name\":\"step\",\"runtime\":{\"type\":\"http\",\"url\":\"" + appUrl + "?fnId=fake-fn&stepId=step\"}" + retriesJson + "}";
        var function = "{\"id\":\"fake-fn\",\"name\":\"Fake\",\"triggers\":[{\"event\":\"test/order.placed\"}],\"steps\":{\"step\":" + step + "}}";
        var body = "{\"url\":\"" + appUrl + "\",\"deployType\":\"ping\",\"appName\":\"fake\",\"sdk\":\"fake:v1.0.0\",\"v\":\"0.1\",\"framework\":\"hand\",\"functions\":[" + function + "]}";
        return Encoding.UTF8.GetBytes(body);
    }

    private static async Task<(InngestEngine Engine, FakeApi App)> StartAsync(Func<RecordedRequest, HttpContext, Task> respond, int? retries = null)
    {
        var app = await FakeApi.StartAsync();
        app.Respond = respond;
        var engine = new InngestEngine(new InngestFunctionRegistry([]), EnginePair.Options(), new FakeTimeProvider(Keys.Now));
        var sync = engine.RegisterApp(RegisterBody(new Uri(app.BaseUrl, "api/inngest"), retries));
        Assert.True(sync.Modified);
        Assert.Equal(["fake-fn"], sync.App.FunctionIds);
        return (engine, app);
    }

    private static Task Sdk(HttpContext context, int status, string body, params (string Name, string Value)[] headers)
    {
        context.Response.Headers["X-Inngest-SDK"] = "fake:v1.0.0";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return FakeApi.JsonAsync(context, status, body);
    }

    [Fact]
    public async Task Calls_post_the_call_request_to_the_step_url_with_the_step_id_and_read_a_single_op_object()
    {
        var hash = StepIds.Hash("s");
        var (engine, app) = await StartAsync((request, context) => request.Json.GetProperty("steps").EnumerateObject().Any()
            ? Sdk(context, 200, "\"done\"")
            : Sdk(context, 206, $$"""{"id":"{{hash}}","op":"StepRun","name":"s","data":1}"""));
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal((RunStatus.Completed, "\"done\"", "fn", "fake-fn"), (run.Status, run.Result?.GetRawText(), run.FunctionId, run.CompositeFunctionId));
            Assert.Equal(2, app.Requests.Count);
            var first = app.Requests[0];
            Assert.Equal(("POST", "/api/inngest", "?fnId=fake-fn&stepId=step"), (first.Method, first.Path, first.Query));
            Assert.Equal("dev", first.Header("X-Inngest-Server-Kind"));
            Assert.Null(first.Header("X-Inngest-Signature"));
            Assert.Equal(run.RunId, first.Header("X-Run-ID"));
            var body = first.Json;
            Assert.Equal("test/order.placed", body.GetProperty("event").GetProperty("name").GetString());
            Assert.Equal(-1, body.GetProperty("version").GetInt32());
            Assert.Equal("fake-fn", body.GetProperty("ctx").GetProperty("fn_id").GetString());
            Assert.Equal($$$"""{"{{{hash}}}":{"data":1}}""", app.Requests[1].Json.GetProperty("steps").GetRawText());
        }
    }

    [Fact]
    public async Task A_run_complete_op_after_a_step_stores_the_step_and_completes_the_run_with_its_data()
    {
        var hash = StepIds.Hash("s");
        var complete = StepIds.Hash("complete");
        var (engine, app) = await StartAsync((_, context) =>
            Sdk(context, 206, $$$"""[{"id":"{{{hash}}}","op":"StepRun","name":"s","data":1},{"id":"{{{complete}}}","op":"RunComplete","data":{"total":1}}]"""));
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal((RunStatus.Completed, """{"total":1}"""), (run.Status, run.Result?.GetRawText()));
            Assert.Equal((StepStatus.Completed, "1"), (run.Step("s")!.Status, run.Step("s")!.Output?.GetRawText()));
            Assert.Single(app.Requests);
        }
    }

    [Fact]
    public async Task A_2xx_without_the_sdk_header_is_not_from_an_sdk_and_fails_the_attempt()
    {
        var (engine, app) = await StartAsync((_, context) => FakeApi.JsonAsync(context, 200, "\"proxy page\""), retries: 1);
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal(2, run.Calls.Count);
            Assert.Equal("NotFromSdkError", run.Error!.Name);
            Assert.Contains("X-Inngest-SDK", run.Error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Streamed_answers_are_read_from_the_envelope_after_the_keep_alives()
    {
        var calls = 0;
        var hash = StepIds.Hash("s");
        var (engine, app) = await StartAsync((_, context) => Interlocked.Increment(ref calls) switch
        {
            // The JS SDK's shape: spaces, then {"status","headers","body" (a string of JSON),"version"}.
            1 => Sdk(context, 201, "   " + JsonSerializer.Serialize(new
            {
                status = 500,
                headers = new Dictionary<string, string> { ["X-Inngest-No-Retry"] = "false", ["Retry-After"] = "60" },
                body = """{"name":"Error","message":"flaky"}""",
                version = 2,
            })),
            // Leniently, a body that is JSON itself.
            2 => Sdk(context, 201, "  {\"status\":206,\"headers\":{},\"body\":[{\"id\":\"" + hash + "\",\"op\":\"StepRun\",\"name\":\"s\",\"data\":1}]}"),
            _ => Sdk(context, 201, " {\"status\":200,\"headers\":{},\"body\":\"\\\"done\\\"\",\"version\":2}"),
        });
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
            Assert.Equal(Keys.Now.AddSeconds(60), engine.NextDueAt);
            ((FakeTimeProvider)engine.TimeProvider).Advance(TimeSpan.FromSeconds(60));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal(RunStatus.Completed, run.Status);
            Assert.Equal("\"done\"", run.Result?.GetRawText());
            Assert.Equal("flaky", run.Calls[0].Response.Error?.Message);
        }
    }

    [Fact]
    public async Task A_streamed_answer_without_an_envelope_fails_the_attempt_with_a_clear_error()
    {
        var (engine, app) = await StartAsync((_, context) => Sdk(context, 201, "      "), retries: 0);
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal("InvalidResponseError", run.Error!.Name);
            Assert.Contains("status", run.Error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Error_statuses_are_retried_unless_no_retry_is_true_and_retry_after_sets_the_delay()
    {
        var calls = 0;
        var (engine, app) = await StartAsync((_, context) => Interlocked.Increment(ref calls) switch
        {
            1 => Sdk(context, 500, """{"name":"Error","message":"boom"}""", ("Retry-After", "120")),
            2 => Sdk(context, 400, """{"error":"bad"}"""),
            _ => Sdk(context, 400, """{"name":"NonRetriableError","message":"stop"}""", ("X-Inngest-No-Retry", "true")),
        });
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
            Assert.Equal(Keys.Now.AddSeconds(120), engine.NextDueAt);
            ((FakeTimeProvider)engine.TimeProvider).Advance(TimeSpan.FromSeconds(120));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal(
                ["500 False 120 Error:boom", "400 False  Error:bad", "400 True  NonRetriableError:stop"],
                run.Calls.Select(c => $"{c.Response.StatusCode} {c.Response.NoRetry} {c.Response.RetryAfter} {c.Response.Error?.Name}:{c.Response.Error?.Message}"));
        }
    }

    [Fact]
    public async Task An_unreachable_app_is_a_retriable_failure()
    {
        var (engine, app) = await StartAsync((_, context) => Sdk(context, 200, "null"), retries: 0);
        var registerUnreachable = RegisterBody(new Uri("http://127.0.0.1:1/api/inngest"), retries: 0);
        await using (engine)
        await using (app)
        {
            engine.RegisterApp(registerUnreachable);
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal("FunctionUnreachableError", run.Error!.Name);
            Assert.Empty(app.Requests);
        }
    }

    [Fact]
    public async Task A_resync_with_the_same_config_is_not_modified_and_a_changed_one_replaces_the_functions()
    {
        var (engine, app) = await StartAsync((_, context) => Sdk(context, 200, "null"));
        await using (engine)
        await using (app)
        {
            var url = new Uri(app.BaseUrl, "api/inngest");
            Assert.False(engine.RegisterApp(RegisterBody(url)).Modified);
            var changed = engine.RegisterApp(RegisterBody(url, retries: 2));
            Assert.True(changed.Modified);
            Assert.Equal(["fake-fn"], Assert.Single(engine.Apps).FunctionIds);

            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
            Assert.Equal(3, Assert.Single(engine.Runs).Calls[0].Request.Ctx.MaxAttempts);
        }
    }

    [Theory]
    [InlineData("""{"url":"http://x/api/inngest","functions":[]}""", "appName")]
    [InlineData("""{"appName":"a","url":"ftp://x","functions":[]}""", "http(s)")]
    [InlineData("""{"appName":"a","url":"http://x/","functions":[{"id":"a-f","triggers":[{"event":"e"}]}]}""", "runtime URL")]
    [InlineData("""{"appName":"a","url":"http://x/","functions":[{"id":"a-f","triggers":[{"cron":"not a cron"}],"steps":{"step":{"runtime":{"url":"http://x/"}}}}]}""", "a-f")]
    [InlineData("""[1]""", "JSON object")]
    public void Invalid_register_requests_are_refused_with_400(string body, string mention)
    {
        using var engine = new DisposableEngine();
        var exception = Assert.Throws<InngestSyncException>(() => engine.Engine.RegisterApp(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(400, exception.StatusCode);
        Assert.Contains(mention, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_function_cannot_take_the_id_of_the_engines_own_function()
    {
        using var engine = new DisposableEngine(TestFunctions.Hello);
        var body = """{"appName":"app","url":"http://x/","functions":[{"id":"app-hello","steps":{"step":{"runtime":{"url":"http://x/"}}}}]}""";
        var exception = Assert.Throws<InngestSyncException>(() => engine.Engine.RegisterApp(Encoding.UTF8.GetBytes(body)));
        Assert.Contains("engine's own app", exception.Message, StringComparison.Ordinal);
    }

    private sealed class DisposableEngine(params InngestFunctionDefinition[] functions) : IDisposable
    {
        public InngestEngine Engine { get; } = new(new InngestFunctionRegistry(functions), EnginePair.Options(), new FakeTimeProvider(Keys.Now));

        public void Dispose() => Engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
