using System.Text;
using System.Text.Json;
using Inngest.Events.Generated;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Inngest.Events.Tests.Functions;

[Event("tests/order.placed")]
public sealed partial record RegistryOrderPlaced(string OrderId, decimal Amount);

[Event("tests/order.cancelled")]
public sealed partial record RegistryOrderCancelled(string OrderId);

public sealed record ChargeResult(string ChargeId, decimal Amount, IReadOnlyList<string> Tags, DateTimeOffset? SettledAt = null);

/// <summary>Records what the functions saw, so tests can check the generated handlers' arguments.</summary>
public sealed class RegistryProbe
{
    public List<string> Calls { get; } = [];
}

/// <summary>An instance function class, created per call from the call's service scope.</summary>
public sealed class RegistryOrderFunctions(RegistryProbe probe)
{
    [InngestFunction("charge-order", Name = "Charge order", OnFailure = nameof(ChargeFailed))]
    [Retries(2)]
    [Concurrency(3, Key = "event.data.orderId")]
    [CancelOn<RegistryOrderCancelled>(If = "event.data.orderId == async.data.orderId")]
    public async Task<ChargeResult> ChargeOrder(Event<RegistryOrderPlaced> order, IStepTools step, FunctionContext context, CancellationToken cancellationToken)
    {
        probe.Calls.Add($"charge {order.Data.OrderId} run={context.RunId} cancellable={cancellationToken.CanBeCanceled}");
        return await step.RunAsync("charge", () => new ChargeResult("ch_" + order.Data.OrderId, order.Data.Amount, ["card"]));
    }

    internal Task ChargeFailed(Event<FunctionFailed> failed)
    {
        probe.Calls.Add($"failed {failed.Data.FunctionId}: {failed.Data.Error.Message}");
        return Task.CompletedTask;
    }
}

public static class RegistryStaticFunctions
{
    [InngestFunction("refund-batch")]
    [BatchEvents(10, "5s")]
    [Trigger<RegistryOrderCancelled>(If = "event.data.orderId != ''")]
    public static ValueTask<int> RefundBatch(IReadOnlyList<Event<RegistryOrderCancelled>> cancelled) => new(cancelled.Count);

    [InngestFunction("total-batch")]
    [BatchEvents(50, "1m")]
    public static async Task<string> TotalBatch(IStepTools step, Event<RegistryOrderPlaced>[] placed)
        => await step.RunAsync("total", () => $"{string.Join(",", placed.Select(p => $"{p.Id}:{p.Data.OrderId}"))}={placed.Sum(p => p.Data.Amount)}");

    [InngestFunction("charge-via-invoke")]
    public static async Task<string> ChargeViaInvoke(Event<RegistryOrderPlaced> order, IStepTools step)
    {
        var result = await step.InvokeAsync("charge", InngestGeneratedFunctions.ChargeOrder, order.Data);
        return result.ChargeId;
    }

    [InngestFunction("nightly")]
    [Cron("0 3 * * *")]
    public static Task Nightly() => Task.CompletedTask;
}

/// <summary>The generated registry of this test assembly, driven through a real <see cref="FunctionRunner"/>.</summary>
public sealed class GeneratedRegistryTests
{
    private const string AppId = "test-app";

    private static readonly JsonElement OrderEvent = Json("""{"name":"tests/order.placed","data":{"orderId":"o1","amount":12.5},"id":"evt-1","ts":1717000000000}""");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly RegistryProbe _probe = new();

    private FunctionRunner CreateRunner()
    {
        var services = new ServiceCollection().AddSingleton(_probe).BuildServiceProvider();
        return new FunctionRunner(services, InngestGeneratedFunctions.CreateRegistry(AppId), AppId);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static CallRequest Request(JsonElement evt, IReadOnlyDictionary<string, JsonElement>? steps = null, IReadOnlyList<JsonElement>? events = null) => new()
    {
        Event = evt,
        Events = events ?? [evt],
        Steps = steps ?? new Dictionary<string, JsonElement>(),
        Ctx = new CallContext { RunId = "run-1" },
    };

    [Fact]
    public void Registry_lists_every_function_sorted_by_id_with_its_triggers_and_config()
    {
        var registry = InngestGeneratedFunctions.CreateRegistry(AppId);

        Assert.Equal(["charge-order", "charge-order-failure", "charge-via-invoke", "nightly", "refund-batch", "total-batch"], registry.Functions.Select(f => f.Id));
        Assert.Same(InngestGeneratedFunctions.TypeResolver, registry.Types);

        var charge = registry.Functions[0];
        Assert.Equal("Charge order", charge.Name);
        Assert.Equal([FunctionTrigger.ForEvent("tests/order.placed")], charge.Triggers);
        Assert.Equal(2, charge.Config.Retries);
        Assert.Equal([new ConcurrencyLimit(3, "event.data.orderId")], charge.Config.Concurrency);
        Assert.Equal([new CancelOn("tests/order.cancelled", "event.data.orderId == async.data.orderId")], charge.Config.Cancel);

        var failure = registry.Functions[1];
        Assert.Equal("Charge order (failure)", failure.Name);
        Assert.Equal([FunctionTrigger.ForEvent("inngest/function.failed", "event.data.function_id == 'test-app-charge-order'")], failure.Triggers);
        Assert.Equal(new FunctionConfig { Retries = 1 }, failure.Config with { Concurrency = [], Cancel = [] });

        Assert.Equal([FunctionTrigger.ForCron("0 3 * * *")], registry.Functions[3].Triggers);
        var batch = registry.Functions[4];
        Assert.Equal([FunctionTrigger.ForEvent("tests/order.cancelled", "event.data.orderId != ''")], batch.Triggers);
        Assert.Equal(new BatchConfig(10, "5s"), batch.Config.BatchEvents);
    }

    [Fact]
    public void Typed_references_name_the_functions_and_their_data_and_result_types()
    {
        FunctionReference<RegistryOrderPlaced, ChargeResult> charge = InngestGeneratedFunctions.ChargeOrder;
        FunctionReference<RegistryOrderCancelled, int> refund = InngestGeneratedFunctions.RefundBatch;
        FunctionReference<RegistryOrderPlaced, string> viaInvoke = InngestGeneratedFunctions.ChargeViaInvoke;
        Assert.Equal(("charge-order", false), (charge.FunctionId, charge.IsComposite));
        Assert.Equal("refund-batch", refund.FunctionId);
        Assert.Equal("charge-via-invoke", viaInvoke.FunctionId);
    }

    [Fact]
    public async Task A_RunAsync_step_of_a_record_is_run_then_replayed_from_its_memoized_JSON()
    {
        var runner = CreateRunner();
        var function = runner.Find("test-app-charge-order")!;

        var first = await runner.CallAsync(function, Request(OrderEvent));
        Assert.Equal(206, first.StatusCode);
        var op = Assert.Single(first.Ops);
        Assert.Equal((OpCodes.StepRun, StepIds.Hash("charge")), (op.Op, op.Id));

        // The generated serializer writes what System.Text.Json with web defaults writes.
        var expected = JsonSerializer.Serialize(new ChargeResult("ch_o1", 12.5m, ["card"]), Web);
        Assert.Equal("""{"chargeId":"ch_o1","amount":12.5,"tags":["card"],"settledAt":null}""", expected);
        Assert.Equal(expected, op.Data!.Value.GetRawText());

        var steps = new Dictionary<string, JsonElement> { [op.Id] = Json($$"""{"data":{{op.Data.Value.GetRawText()}}}""") };
        var second = await runner.CallAsync(function, Request(OrderEvent, steps));
        Assert.Equal(200, second.StatusCode);
        Assert.Equal(expected, Encoding.UTF8.GetString(second.ToBody()));
        Assert.Equal(["charge o1 run=run-1 cancellable=False", "charge o1 run=run-1 cancellable=False"], _probe.Calls);
    }

    [Fact]
    public async Task The_failure_handler_reads_the_function_failed_event()
    {
        var runner = CreateRunner();
        var failed = Json("""
            {"name":"inngest/function.failed","id":"run-0","ts":1717000000000,"data":{
              "function_id":"test-app-charge-order","run_id":"run-0","event":{"name":"tests/order.placed","data":{}},"events":[],
              "error":{"error":"Error: card declined","name":"Error","message":"card declined"}}}
            """);

        var response = await runner.CallAsync(runner.Find("charge-order-failure")!, Request(failed));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("null", Encoding.UTF8.GetString(response.ToBody()));
        Assert.Equal(["failed test-app-charge-order: card declined"], _probe.Calls);
    }

    [Fact]
    public async Task A_batch_function_gets_every_event_and_its_result_is_serialized()
    {
        var runner = CreateRunner();
        var cancelled = Json("""{"name":"tests/order.cancelled","data":{"orderId":"o1"}}""");

        var response = await runner.CallAsync(runner.Find("refund-batch")!, Request(cancelled, events: [cancelled, cancelled, cancelled]));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("3", Encoding.UTF8.GetString(response.ToBody()));
    }

    [Fact]
    public async Task A_batch_function_taking_an_array_gets_every_event_in_order_in_its_steps_and_on_replay()
    {
        var runner = CreateRunner();
        var function = runner.Find("test-app-total-batch")!;
        JsonElement[] events =
        [
            Json("""{"name":"tests/order.placed","data":{"orderId":"o1","amount":1.5},"id":"e1"}"""),
            Json("""{"name":"tests/order.placed","data":{"orderId":"o2","amount":2},"id":"e2"}"""),
            Json("""{"name":"tests/order.placed","data":{"orderId":"o3","amount":3},"id":"e3"}"""),
        ];

        var first = await runner.CallAsync(function, Request(events[0], events: events));
        var op = Assert.Single(first.Ops);
        Assert.Equal("\"e1:o1,e2:o2,e3:o3=6.5\"", op.Data!.Value.GetRawText());

        var steps = new Dictionary<string, JsonElement> { [op.Id] = Json($$"""{"data":{{op.Data.Value.GetRawText()}}}""") };
        var second = await runner.CallAsync(function, Request(events[0], steps, events));
        Assert.Equal(200, second.StatusCode);
        Assert.Equal("\"e1:o1,e2:o2,e3:o3=6.5\"", Encoding.UTF8.GetString(second.ToBody()));
    }

    [Theory]
    [InlineData("refund-batch", "3")]
    [InlineData("total-batch", "\"e1:o1,e2:o2,e3:o3=6\"")]
    public async Task A_batch_read_from_a_call_request_body_reaches_the_function_whole(string functionId, string expected)
    {
        // As the serve endpoint parses an HTTP call: `events` holds the batch, `event` its first event.
        var runner = CreateRunner();
        var name = functionId == "refund-batch" ? "tests/order.cancelled" : "tests/order.placed";
        var events = string.Join(",", new[] { "o1", "o2", "o3" }.Select((id, i) => $$$"""{"name":"{{{name}}}","data":{"orderId":"{{{id}}}","amount":{{{i + 1}}}},"id":"e{{{i + 1}}}"}"""));
        var body = $$$"""{"event":{"name":"{{{name}}}","data":{"orderId":"o1","amount":1},"id":"e1"},"events":[{{{events}}}],"steps":{},"ctx":{"run_id":"run-1","attempt":0}}""";

        var response = await runner.CallAsync(runner.Find(functionId)!, CallRequest.Parse(Encoding.UTF8.GetBytes(body)));

        // refund-batch completes at once; total-batch runs its one step in this call and reports what it returned.
        var result = response.StatusCode == 200 ? Encoding.UTF8.GetString(response.ToBody()) : Assert.Single(response.Ops).Data!.Value.GetRawText();
        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task A_call_request_without_events_gives_a_batch_function_its_one_event()
    {
        var runner = CreateRunner();
        var body = """{"event":{"name":"tests/order.cancelled","data":{"orderId":"o1"}},"steps":{},"ctx":{"run_id":"run-1"}}""";

        var response = await runner.CallAsync(runner.Find("refund-batch")!, CallRequest.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("1", Encoding.UTF8.GetString(response.ToBody()));
    }

    [Fact]
    public async Task One_event_of_a_batch_that_does_not_fit_fails_the_run_without_retries_naming_it()
    {
        var runner = CreateRunner();
        JsonElement[] events =
        [
            Json("""{"name":"tests/order.placed","data":{"orderId":"o1","amount":1},"id":"e1"}"""),
            Json("""{"name":"tests/order.placed","data":{"orderId":"o2","amount":"a lot"},"id":"e2"}"""),
        ];

        var response = await runner.CallAsync(runner.Find("total-batch")!, Request(events[0], events: events));

        Assert.Equal((400, true), (response.StatusCode, response.NoRetry));
        Assert.Contains("tests/order.placed → RegistryOrderPlaced: $.amount", response.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoking_through_a_typed_reference_reports_the_composite_id_and_reads_the_result()
    {
        var runner = CreateRunner();
        var function = runner.Find("charge-via-invoke")!;

        var first = await runner.CallAsync(function, Request(OrderEvent));
        var op = Assert.Single(first.Ops);
        Assert.Equal(OpCodes.InvokeFunction, op.Op);
        Assert.Equal("test-app-charge-order", op.Opts!.Value.GetProperty("function_id").GetString());
        Assert.Equal("""{"orderId":"o1","amount":12.5}""", op.Opts.Value.GetProperty("payload").GetProperty("data").GetRawText());

        var steps = new Dictionary<string, JsonElement> { [op.Id] = Json("""{"data":{"chargeId":"ch_9","amount":1,"tags":[]}}""") };
        var second = await runner.CallAsync(function, Request(OrderEvent, steps));
        Assert.Equal(200, second.StatusCode);
        Assert.Equal("\"ch_9\"", Encoding.UTF8.GetString(second.ToBody()));
    }

    [Fact]
    public async Task A_cron_function_without_a_result_answers_null()
    {
        var runner = CreateRunner();
        var timer = Json("""{"name":"inngest/scheduled.timer","data":{"cron":"0 3 * * *"}}""");

        var response = await runner.CallAsync(runner.Find("nightly")!, Request(timer));

        Assert.Equal((200, "null"), (response.StatusCode, Encoding.UTF8.GetString(response.ToBody())));
    }

    [Fact]
    public void The_type_resolver_knows_step_and_result_types_but_not_primitives()
    {
        var options = Inngest.Events.SourceGeneration.JsonSupport.Options;
        Assert.NotNull(InngestGeneratedFunctions.TypeResolver.GetTypeInfo(typeof(ChargeResult), options));
        Assert.Null(InngestGeneratedFunctions.TypeResolver.GetTypeInfo(typeof(string), options));
        Assert.Null(InngestGeneratedFunctions.TypeResolver.GetTypeInfo(typeof(GeneratedRegistryTests), options));
    }

    [Fact]
    public void Config_of_a_generated_function_is_synced_with_the_app_id()
    {
        var registry = InngestGeneratedFunctions.CreateRegistry(AppId);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            FunctionConfigWriter.Write(writer, registry.Functions[1], AppId, new Uri("http://localhost:5000/api/inngest"));
        }

        var json = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal("test-app-charge-order-failure", json.GetProperty("id").GetString());
        Assert.Equal("event.data.function_id == 'test-app-charge-order'", json.GetProperty("triggers")[0].GetProperty("expression").GetString());
        Assert.Equal(1, json.GetProperty("steps").GetProperty("step").GetProperty("retries").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public void AddFunctions_registers_the_registry_for_the_configured_app_id()
    {
        var services = new ServiceCollection();
        services.AddInngest(options => options.AppId = AppId).AddFunctions();
        using var provider = services.BuildServiceProvider();

        var registry = Assert.Single(provider.GetServices<InngestFunctionRegistry>());
        Assert.Contains(registry.Functions, f => f.Triggers.Any(t => t.Expression == "event.data.function_id == 'test-app-charge-order'"));
    }

    [Fact]
    public void AddFunctions_without_an_app_id_fails_with_a_configuration_error()
    {
        var services = new ServiceCollection();
        services.AddInngest().AddFunctions();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InngestConfigurationException>(() => provider.GetRequiredService<InngestFunctionRegistry>());
        Assert.Contains("InngestOptions.AppId", exception.Message);
    }
}
