using Inngest.Events.Engine.History;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// The run-history format (docs/run-history.md): what the engine exports of a run, that it reads back unchanged, and
/// that a document it cannot read is refused with the path of the offending value.
/// </summary>
public sealed class RunHistoryTests
{
    [Fact]
    public async Task A_run_exports_its_steps_with_their_options_memos_attempts_and_timeline()
    {
        var attempts = 0;
        await using var h = new EngineHarness(Fn.On("checkout", Names.OrderPlaced, async invocation =>
        {
            var total = await invocation.Steps.RunAsync("price", () => ++attempts < 2 ? Fn.Throw("flaky") : 42);
            await invocation.Steps.SleepAsync("cool-off", TimeSpan.FromMinutes(5));
            var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
            return invocation.SerializeResult(total + (payment?.Data.Amount ?? 0));
        }));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(15));
        await h.AdvanceAsync(TimeSpan.FromMinutes(5));
        await h.SendAsync(new PaymentReceived("o1", 8));
        await h.RunAsync();

        var run = h.SingleRun("checkout");
        var history = RunHistory.FromRun(run, h.Engine.AppId, h.Now);

        Assert.Equal(("checkout", "app", "app-checkout", RunStatus.Completed), (history.Run.FunctionId, history.Run.AppId, history.Run.CompositeFunctionId, history.Run.Status));
        Assert.Equal(50, history.Run.Result?.GetInt32());
        Assert.Equal(Names.OrderPlaced, Assert.Single(history.Events).Name);
        Assert.Equal(["price", "cool-off", "wait-payment"], history.Steps.Select(s => s.Name));
        Assert.Equal(["StepRun", "Sleep", "WaitForEvent"], history.Steps.Select(s => s.Op));
        Assert.Equal(2, history.Step("price")!.Attempts);
        Assert.Equal("""{"data":42}""", history.Step("price")!.Memo?.GetRawText());
        Assert.Equal(JsonValueKind.Null, history.Step("cool-off")!.Memo?.ValueKind);
        Assert.Equal("5m", history.Step("cool-off")!.Opts?.GetProperty("duration").GetString());
        var wait = history.Step("wait-payment")!;
        Assert.Equal("event.data.orderId == async.data.orderId", wait.Opts?.GetProperty("if").GetString());
        Assert.Equal(Names.PaymentReceived, wait.Opts?.GetProperty("event").GetString());
        Assert.Equal(run.Stack, history.Stack);
        Assert.Equal(run.Calls.Count, history.Calls.Count);
        Assert.Equal(run.Timeline.Select(t => t.Message), history.Timeline.Select(t => t.Message));
    }

    [Fact]
    public async Task The_engine_exports_a_run_with_its_app_at_its_time()
    {
        await using var h = new EngineHarness(o => o.AppId = "shop", Fn.Returning("quote", Names.OrderPlaced, "42"));
        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        await h.AdvanceAsync(TimeSpan.FromMinutes(3));

        var history = h.Engine.ExportRunHistory(h.SingleRun("quote").RunId)!;

        Assert.Equal(("shop", "shop-quote", RunStatus.Completed), (history.Run.AppId, history.Run.CompositeFunctionId, history.Run.Status));
        Assert.Equal(EngineHarness.Start.AddMinutes(3), history.ExportedAt);
        Assert.Equal("\"42\"", history.Run.Result?.GetRawText());
        Assert.Null(h.Engine.ExportRunHistory("no-such-run"));
    }

    [Fact]
    public async Task A_history_reads_back_as_it_was_written()
    {
        await using var h = new EngineHarness(Fn.On("napper", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.RunAsync("a", () => "x");
            await invocation.Steps.RunAsync("a", () => "y");
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromDays(1));
            return invocation.SerializeResult(1);
        }));
        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var history = RunHistory.FromRun(h.SingleRun("napper"), "shop", h.Now);
        var json = history.ToJson();
        var read = RunHistory.Parse(json);

        Assert.Equal(json, read.ToJson());
        Assert.Equal(RunStatus.Sleeping, read.Run.Status);
        Assert.Equal([null, 1, null], read.Steps.Select(s => s.Index));
        Assert.Equal("'a' (use 2)", read.Steps[1].Label);
        Assert.Equal(StepStatus.Sleeping, read.Steps[2].Status);
        Assert.False(read.Steps[2].IsStored);
        Assert.True(read.Steps[0].IsStored);
        Assert.Equal(h.Now, read.ExportedAt);
        Assert.Contains("\"format\": \"inngest-events/run-history\"", json);
        Assert.Contains("\"version\": 1", json);
    }

    [Theory]
    [InlineData("""{"format":"something-else","version":1}""", "$.format", "\"something-else\" is not a run history")]
    [InlineData("""{"version":1}""", "$.format", "missing")]
    [InlineData("""{"format":"inngest-events/run-history","version":2}""", "$.version", "2 is newer than this library reads (up to 1)")]
    [InlineData("""{"format":"inngest-events/run-history","version":"1"}""", "$.version", "expected a positive whole number, found \"1\"")]
    [InlineData("""{"format":"inngest-events/run-history","version":1,"run":{"status":"Completed"},"events":[],"steps":[]}""", "$.run.function_id", "missing")]
    [InlineData("""{"format":"inngest-events/run-history","version":1,"run":{"function_id":"f","status":"Done"},"events":[],"steps":[]}""", "$.run.status", "expected one of Queued, Running")]
    [InlineData("""{"format":"inngest-events/run-history","version":1,"run":{"function_id":"f","status":"Completed"},"events":[],"steps":[{"hash":"h","op":"StepRun","status":"Completed"},{"hash":7}]}""", "$.steps[1].hash", "expected a string, found 7")]
    [InlineData("""{"format":"inngest-events/run-history","version":1,"run":{"function_id":"f","status":"Completed"},"events":[],"steps":[{"hash":"h","op":"StepRun","status":"Completed"},{"hash":"h","op":"Sleep","status":"Completed"}]}""", "$.steps[1].hash", "listed twice")]
    [InlineData("""{"format":"inngest-events/run-history","version":1,"run":{"function_id":"f","status":"Completed"},"events":[],"steps":[],"stack":["nope"]}""", "$.stack[0]", "not the hash of a listed step")]
    [InlineData("""{"format":"inngest-events/run-history","version":1,"run":{"function_id":"f","status":"Completed"},"events":[{"payload":[]}],"steps":[]}""", "$.events[0].payload", "expected the event object, found an array")]
    [InlineData("""{"format":"inngest-events/run-history", """, "$", "the run history is not valid JSON (line 1")]
    public void A_document_that_is_not_a_readable_history_is_refused_with_the_path_and_the_reason(string json, string path, string message)
    {
        var exception = Assert.Throws<RunHistoryFormatException>(() => RunHistory.Parse(json));
        Assert.Equal(path, exception.Path);
        Assert.Contains(message, exception.Message);
        Assert.StartsWith(path, exception.Message);
    }

    [Fact]
    public void A_history_from_a_file_names_the_file_when_it_cannot_be_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.run.json");
        File.WriteAllText(path, """{"format":"inngest-events/run-history","version":1,"run":{"function_id":"f","status":"Completed"},"events":[]}""");
        try
        {
            var exception = Assert.Throws<RunHistoryFormatException>(() => RunHistory.Load(path));
            Assert.StartsWith(path + ": $.steps: missing", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fields_a_reader_does_not_know_are_ignored_and_optional_ones_may_be_left_out()
    {
        var history = RunHistory.Parse("""
            {
              "format": "inngest-events/run-history", "version": 1, "written_by": "a future exporter",
              "run": { "function_id": "f", "status": "waiting", "extra": true },
              "events": [ { "payload": { "name": "shop/order.placed", "data": {} } } ],
              "steps": [ { "hash": "h1", "name": "wait", "op": "WaitForEvent", "status": "Waiting", "opts": { "event": "shop/payment.received", "timeout": "1h" } } ]
            }
            """);

        Assert.Equal(RunStatus.Waiting, history.Run.Status);
        Assert.Equal(string.Empty, history.Events[0].InternalId);
        Assert.Empty(history.Stack);
        Assert.Empty(history.Calls);
        Assert.Null(history.Steps[0].Memo);
        Assert.Equal(0, history.Steps[0].Attempts);
    }
}
