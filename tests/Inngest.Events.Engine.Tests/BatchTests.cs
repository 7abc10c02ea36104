namespace Inngest.Events.Engine.Tests;

/// <summary><c>batchEvents</c>: one run receives the batch when it is full or at its timeout.</summary>
public sealed class BatchTests
{
    internal static InngestFunctionDefinition Batched(BatchConfig batch)
        => Fn.On("record", Names.OrderPlaced, invocation =>
        {
            var orders = invocation.GetEvents<OrderPlaced>().Select(e => e.Data.OrderId).ToArray();
            return Task.FromResult(invocation.SerializeResult(string.Join(",", orders)));
        }, new FunctionConfig { BatchEvents = batch });

    internal static string[] Results(EngineHarness h) => h.Engine.Runs.Select(r => r.Result?.GetString() ?? "-").ToArray();

    [Fact]
    public async Task A_full_batch_starts_one_run_that_receives_every_event()
    {
        await using var h = new EngineHarness(Batched(new BatchConfig(3, "10s")));

        for (var i = 1; i <= 4; i++)
        {
            await h.SendAsync(new OrderPlaced($"o{i}"));
        }

        await h.RunAsync();
        var run = h.SingleRun("record");
        Assert.Equal("o1,o2,o3", run.Result!.Value.GetString());
        Assert.Equal(3, run.Events.Count);
        Assert.Equal(run.Events[0].GetRawText(), run.Event.GetRawText());
        var request = run.Calls[0].Request;
        Assert.Equal(3, request.Events.Count);
        Assert.EndsWith(": batched 3 event(s) (full)", run.Timeline[0].Message, StringComparison.Ordinal);

        // The call request carries the batch as `events`, as an SDK served over HTTP receives it.
        var written = JsonSerializer.SerializeToElement(request, CallRequestJson);
        Assert.Equal(["o1", "o2", "o3"], written.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("orderId").GetString()));

        // The fourth event waits in a new batch until its timeout.
        await h.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Single(h.Engine.Runs);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["o1,o2,o3", "o4"], Results(h));
        Assert.EndsWith(": batched 1 event(s) (timed out)", h.Engine.Runs[1].Timeline[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_key_has_its_own_batch_and_if_false_runs_an_event_on_its_own()
    {
        await using var h = new EngineHarness(Batched(new BatchConfig(2, "1m", Key: "event.data.customerId", If: "event.data.amount < 100")));

        await h.SendAsync(new OrderPlaced("a1", 1, "acme"));
        await h.SendAsync(new OrderPlaced("big", 500, "acme"));
        await h.SendAsync(new OrderPlaced("b1", 2, "bolt"));
        await h.SendAsync(new OrderPlaced("a2", 3, "acme"));
        await h.RunAsync();

        Assert.Equal(["big", "a1,a2"], Results(h));
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["big", "a1,a2", "b1"], Results(h));
        Assert.EndsWith(": batched 1 event(s) with key=bolt (timed out)", h.Engine.Runs[2].Timeline[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batched_run_emits_its_events_in_function_finished()
    {
        await using var h = new EngineHarness(Batched(new BatchConfig(2, "10s")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        await h.RunAsync();

        var finished = Assert.Single(h.EventsNamed(Names.FunctionFinished));
        Assert.Equal(2, finished.Data.GetProperty("events").GetArrayLength());
    }

    private static readonly JsonSerializerOptions CallRequestJson = new() { Converters = { new CallRequestConverter() } };

    /// <summary>Writes a call request as the engine sends it over HTTP.</summary>
    private sealed class CallRequestConverter : System.Text.Json.Serialization.JsonConverter<CallRequest>
    {
        public override CallRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, CallRequest value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
