using System.Text;
using Inngest.Events.Engine.Http;

namespace Inngest.Events.Engine.Tests;

/// <summary>A function whose flow control the engine could not honour is refused, naming the function and the field.</summary>
public sealed class FlowControlValidationTests
{
    [Theory]
    [InlineData("throttle.period", "'soon', which is not a positive duration such as '30s', '5m' or '1h'")]
    [InlineData("rateLimit.limit", "0; it must be at least 1")]
    [InlineData("debounce.timeout", "'0s', which is not a positive duration such as '30s', '5m' or '1h'")]
    [InlineData("batchEvents.maxSize", "0; it must be at least 1")]
    [InlineData("timeouts.finish", "'later', which is not a positive duration such as '30s', '5m' or '1h'")]
    [InlineData("concurrency", "3 limits; Inngest allows at most 2")]
    [InlineData("concurrency scope", "a limit with scope account has no key; env and account limits need one")]
    [InlineData("batchEvents cancel", "batching and cancellation (cancelOn) are mutually exclusive")]
    [InlineData("batchEvents debounce", "batching and debouncing are mutually exclusive")]
    public void An_engine_refuses_its_own_function_with_invalid_flow_control(string field, string problem)
    {
        var config = field switch
        {
            "throttle.period" => new FunctionConfig { Throttle = new ThrottleConfig(1, "soon") },
            "rateLimit.limit" => new FunctionConfig { RateLimit = new RateLimitConfig(0, "1m") },
            "debounce.timeout" => new FunctionConfig { Debounce = new DebounceConfig("5s", Timeout: "0s") },
            "batchEvents.maxSize" => new FunctionConfig { BatchEvents = new BatchConfig(0, "5s") },
            "timeouts.finish" => new FunctionConfig { Timeouts = new TimeoutsConfig(Finish: "later") },
            "concurrency scope" => new FunctionConfig { Concurrency = [new ConcurrencyLimit(1, Scope: ConcurrencyScope.Account)] },
            "batchEvents cancel" => new FunctionConfig { BatchEvents = new BatchConfig(5, "5s"), Cancel = [new CancelOn(Names.OrderCancelled)] },
            "batchEvents debounce" => new FunctionConfig { BatchEvents = new BatchConfig(5, "5s"), Debounce = new DebounceConfig("5s") },
            _ => new FunctionConfig { Concurrency = [new ConcurrencyLimit(1), new ConcurrencyLimit(2), new ConcurrencyLimit(3)] },
        };
        field = field.Split(' ')[0];

        var exception = Assert.Throws<ArgumentException>(() => new InngestEngine(new InngestFunctionRegistry([Fn.Returning("sync", Names.OrderPlaced, "ok") with { Config = config }])));

        Assert.Equal($"The function 'sync' has an invalid {field}: {problem}.", exception.Message);
    }

    [Fact]
    public async Task A_sync_with_invalid_flow_control_is_refused_with_400_and_registers_nothing()
    {
        await using var h = new EngineHarness();
        var body = Encoding.UTF8.GetBytes("""
            {"url":"http://127.0.0.1:9/api/inngest","appName":"shop","sdk":"js:v4","functions":[
              {"id":"shop-sync","triggers":[{"event":"shop/order.placed"}],"steps":{"step":{"runtime":{"url":"http://127.0.0.1:9/api/inngest?fnId=shop-sync"}}},
               "rateLimit":{"limit":0,"period":"1m"}}]}
            """);

        var exception = Assert.Throws<InngestSyncException>(() => h.Engine.RegisterApp(body));

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("The function 'shop-sync' has an invalid rateLimit.limit: 0; it must be at least 1.", exception.Message);
        Assert.Empty(h.Engine.Apps);
    }
}
