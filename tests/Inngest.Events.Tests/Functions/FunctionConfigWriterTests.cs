using System.Text;
using System.Text.Json;
using Xunit;

namespace Inngest.Events.Tests.Functions;

/// <summary>The synced function config has exactly the shape of docs/protocol.md#function-configuration, with unset fields left out.</summary>
public sealed class FunctionConfigWriterTests
{
    private static readonly Uri AppUrl = new("https://app.example.com/api/inngest");

    private static readonly FunctionHandler NoOp = static _ => Task.FromResult(FunctionInvocation.NoResult);

    private static string Write(InngestFunctionDefinition function, string appId = "my-app", Uri? appUrl = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            FunctionConfigWriter.Write(writer, function, appId, appUrl ?? AppUrl);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Minimal_function_has_id_name_triggers_and_one_step_without_retries()
    {
        var json = Write(new InngestFunctionDefinition
        {
            Id = "send-welcome",
            Triggers = [FunctionTrigger.ForEvent("app/user.created")],
            Handler = NoOp,
        });

        Assert.Equal(
            """{"id":"my-app-send-welcome","name":"send-welcome","triggers":[{"event":"app/user.created"}],"steps":{"step":{"id":"step","name":"step","runtime":{"type":"http","url":"https://app.example.com/api/inngest?fnId=my-app-send-welcome\u0026stepId=step"}}}}""",
            json);
        Assert.Equal(
            "https://app.example.com/api/inngest?fnId=my-app-send-welcome&stepId=step",
            JsonDocument.Parse(json).RootElement.GetProperty("steps").GetProperty("step").GetProperty("runtime").GetProperty("url").GetString());
    }

    [Fact]
    public void Every_setting_is_written_in_the_protocol_shape()
    {
        var json = Write(new InngestFunctionDefinition
        {
            Id = "send-welcome",
            Name = "Send welcome",
            Triggers =
            [
                FunctionTrigger.ForEvent("app/user.created", "event.data.plan == 'pro'"),
                FunctionTrigger.ForCron("TZ=Europe/Paris 0 9 * * 1-5", "30s"),
            ],
            Config = new FunctionConfig
            {
                Retries = 4,
                Concurrency = [new ConcurrencyLimit(5, "event.data.userId"), new ConcurrencyLimit(50, "event.data.accountId", ConcurrencyScope.Account)],
                Throttle = new ThrottleConfig(10, "1m", Burst: 2, Key: "event.data.accountId"),
                RateLimit = new RateLimitConfig(1, "1h", "event.data.userId"),
                Debounce = new DebounceConfig("5m", "event.data.userId", "30m"),
                BatchEvents = new BatchConfig(100, "5s", "event.data.accountId", "event.data.kind == 'a'"),
                Priority = "event.data.plan == 'enterprise' ? 120 : 0",
                Idempotency = "event.data.orderId",
                Singleton = new SingletonConfig(SingletonMode.Skip, "event.data.userId"),
                Cancel = [new CancelOn("app/user.deleted", "event.data.userId == async.data.userId", "7d")],
                Timeouts = new TimeoutsConfig("10m", "1h"),
            },
            Handler = NoOp,
        });

        AssertJson(
            """
            {
              "id": "my-app-send-welcome",
              "name": "Send welcome",
              "triggers": [
                { "event": "app/user.created", "expression": "event.data.plan == 'pro'" },
                { "cron": "TZ=Europe/Paris 0 9 * * 1-5", "jitter": "30s" }
              ],
              "steps": {
                "step": {
                  "id": "step", "name": "step",
                  "runtime": { "type": "http", "url": "https://app.example.com/api/inngest?fnId=my-app-send-welcome&stepId=step" },
                  "retries": { "attempts": 4 }
                }
              },
              "concurrency": [ { "limit": 5, "key": "event.data.userId", "scope": "fn" }, { "limit": 50, "key": "event.data.accountId", "scope": "account" } ],
              "throttle": { "limit": 10, "period": "1m", "burst": 2, "key": "event.data.accountId" },
              "rateLimit": { "limit": 1, "period": "1h", "key": "event.data.userId" },
              "debounce": { "period": "5m", "key": "event.data.userId", "timeout": "30m" },
              "batchEvents": { "maxSize": 100, "timeout": "5s", "key": "event.data.accountId", "if": "event.data.kind == 'a'" },
              "priority": { "run": "event.data.plan == 'enterprise' ? 120 : 0" },
              "idempotency": "event.data.orderId",
              "singleton": { "key": "event.data.userId", "mode": "skip" },
              "timeouts": { "start": "10m", "finish": "1h" },
              "cancel": [ { "event": "app/user.deleted", "if": "event.data.userId == async.data.userId", "timeout": "7d" } ]
            }
            """,
            json);
    }

    [Fact]
    public void Optional_parts_of_settings_are_left_out_and_enums_are_lowercase()
    {
        var json = Write(new InngestFunctionDefinition
        {
            Id = "sync",
            Config = new FunctionConfig
            {
                Retries = 0,
                Concurrency = [new ConcurrencyLimit(1, "event.data.id", ConcurrencyScope.Env)],
                Throttle = new ThrottleConfig(3, "10s"),
                RateLimit = new RateLimitConfig(2, "1h"),
                Debounce = new DebounceConfig("1s"),
                BatchEvents = new BatchConfig(10, "2s"),
                Singleton = new SingletonConfig(SingletonMode.Cancel),
                Cancel = [new CancelOn("app/sync.cancelled")],
                Timeouts = new TimeoutsConfig(Finish: "2h"),
            },
            Handler = NoOp,
        });

        AssertJson(
            """
            {
              "id": "my-app-sync",
              "name": "sync",
              "triggers": [],
              "steps": { "step": { "id": "step", "name": "step", "runtime": { "type": "http", "url": "https://app.example.com/api/inngest?fnId=my-app-sync&stepId=step" }, "retries": { "attempts": 0 } } },
              "concurrency": [ { "limit": 1, "key": "event.data.id", "scope": "env" } ],
              "throttle": { "limit": 3, "period": "10s" },
              "rateLimit": { "limit": 2, "period": "1h" },
              "debounce": { "period": "1s" },
              "batchEvents": { "maxSize": 10, "timeout": "2s" },
              "singleton": { "mode": "cancel" },
              "timeouts": { "finish": "2h" },
              "cancel": [ { "event": "app/sync.cancelled" } ]
            }
            """,
            json);
    }

    [Fact]
    public void Empty_timeouts_are_left_out()
    {
        var json = Write(new InngestFunctionDefinition { Id = "f", Config = new FunctionConfig { Timeouts = new TimeoutsConfig() }, Handler = NoOp });
        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("timeouts", out _));
    }

    [Theory]
    [InlineData("https://app.example.com/api/inngest", "https://app.example.com/api/inngest?fnId=my-app-f&stepId=step")]
    [InlineData("http://localhost:5000/api/inngest?env=dev", "http://localhost:5000/api/inngest?env=dev&fnId=my-app-f&stepId=step")]
    [InlineData("https://app.example.com:8443/inngest", "https://app.example.com:8443/inngest?fnId=my-app-f&stepId=step")]
    public void Step_url_appends_the_function_and_step_to_the_serve_url(string appUrl, string expected)
        => Assert.Equal(expected, FunctionConfigWriter.StepUrl(new Uri(appUrl), "my-app-f"));

    [Fact]
    public void Composite_ids_are_escaped_in_the_step_url()
        => Assert.Equal("https://a.example/api?fnId=my%20app-f%26g&stepId=step", FunctionConfigWriter.StepUrl(new Uri("https://a.example/api"), "my app-f&g"));

    private static void AssertJson(string expected, string actual)
    {
        static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
        Assert.Equal(Normalize(expected), Normalize(actual));
    }
}
