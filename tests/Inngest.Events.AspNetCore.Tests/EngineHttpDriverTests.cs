using Inngest.Events.AspNetCore.Tests.Infrastructure;
using Inngest.Events.Engine;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// The embedded engine driving functions served by <c>MapInngest</c> over HTTP gives the same calls, ops, memoized state
/// and results as driving them in memory.
/// </summary>
public sealed class EngineHttpDriverTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_serial_steps_over_http_equal_the_in_memory_run(bool signed)
    {
        await using var pair = await EnginePair.StartAsync(signed, TestFunctions.Serial);

        var (memory, http) = await pair.PlayAsync("serial", async (engine, _) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal(RunStatus.Completed, http.Status);
        Assert.Equal("\"AB\"", http.Result?.GetRawText());
        Assert.Equal(3, http.Calls.Count);
        Assert.Equal("app-serial", http.CompositeFunctionId);
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task Parallel_steps_over_http_equal_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, TestFunctions.Parallel);

        var (memory, http) = await pair.PlayAsync("parallel", async (engine, _) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal("\"ABC\"", http.Result?.GetRawText());
        Assert.Equal(6, http.Calls.Count);
        Assert.Equal([OpCodes.StepPlanned, OpCodes.StepPlanned], http.Calls[0].Response.Ops.Select(o => o.Op));
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task Step_retries_over_http_equal_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, TestFunctions.Flaky);

        var (memory, http) = await pair.PlayAsync("flaky", async (engine, _) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal("\"ok on 2\"", http.Result?.GetRawText());
        Assert.Equal(3, http.Step("flaky-step")!.Attempts);
        Assert.Equal([false, false, null, null], http.Calls.Select(c => c.Response.NoRetry));
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task Sleep_over_http_equals_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, TestFunctions.Sleeper);

        var (memory, http) = await pair.PlayAsync("sleeper", async (engine, time) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
            Assert.Equal(RunStatus.Sleeping, Assert.Single(engine.Runs).Status);
            time.Advance(TimeSpan.FromHours(1));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal(RunStatus.Completed, http.Status);
        Assert.Equal("2", http.Result?.GetRawText());
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task Wait_for_event_matched_over_http_equals_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, TestFunctions.Waiter);

        var (memory, http) = await pair.PlayAsync("waiter", async (engine, _) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
            await engine.SendAsync(new PaymentReceived("other", 1));
            await engine.SendAsync(new PaymentReceived("o1", 42));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal("\"paid 42\"", http.Result?.GetRawText());
        var wait = http.Calls[0].Response.Ops.Single();
        Assert.Equal((OpCodes.WaitForEvent, "event.data.orderId == async.data.orderId"), (wait.Op, wait.Opts?.GetProperty("if").GetString()));
        Assert.Equal(
            memory.Step("wait-payment")!.Memo!.Value.GetProperty("data").GetRawText(),
            http.Step("wait-payment")!.Memo!.Value.GetProperty("data").GetRawText());
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task Wait_for_event_timed_out_over_http_equals_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: false, TestFunctions.Waiter);

        var (memory, http) = await pair.PlayAsync("waiter", async (engine, time) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
            time.Advance(TimeSpan.FromDays(1));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal("\"timed out\"", http.Result?.GetRawText());
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task A_non_retriable_function_error_over_http_fails_the_run_like_in_memory()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, TestFunctions.NonRetriable);

        var (memory, http) = await pair.PlayAsync("non-retriable", async (engine, _) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal(RunStatus.Failed, http.Status);
        Assert.Equal((400, true), (http.Calls.Single().Response.StatusCode, http.Calls.Single().Response.NoRetry));
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task A_batch_over_http_reaches_the_generated_function_whole_and_equals_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, BatchedFunctions.Definition());

        var (memory, http) = await pair.PlayAsync("batched", async (engine, time) =>
        {
            for (var i = 1; i <= 3; i++)
            {
                await engine.SendAsync(new OrderPlaced($"o{i}", i * 10));
            }

            await EnginePair.RunAsync(engine);
        });

        Assert.Equal(RunStatus.Completed, http.Status);
        Assert.Equal("\"o1,o2,o3=60\"", http.Result?.GetRawText());
        Assert.Equal(3, http.Calls.Count);
        Assert.All(http.Calls, c => Assert.Equal(3, c.Request.Events.Count));
        RunComparison.Equal(memory, http);
    }

    [Fact]
    public async Task An_invoke_from_an_app_names_that_app_not_the_engine_as_the_source_in_function_invoked()
    {
        var receipt = new FunctionReference<ReceiptRequested, string>("receipt");
        var invoker = TestFunctions.On("invoker", Names.OrderPlaced, async invocation =>
            invocation.SerializeResult(await invocation.Steps.InvokeAsync("ask-receipt", receipt, new ReceiptRequested("o1"))));
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Dev();
            o.Functions.AddRange([invoker, TestFunctions.Receipt]);
        });
        var options = EnginePair.Options();
        options.AppId = "engine";
        await using var engine = new InngestEngine(new InngestFunctionRegistry([]), options, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Keys.Now));
        await engine.RegisterAppAsync(app.ServeUrl);

        await engine.SendAsync(new OrderPlaced("o1"));
        await EnginePair.RunAsync(engine);

        Assert.Equal("\"receipt for o1\"", Assert.Single(engine.Runs, r => r.FunctionId == "invoker").Result?.GetRawText());
        var metadata = Assert.Single(engine.Events, e => e.Name == "inngest/function.invoked").Data.GetProperty("_inngest");
        Assert.Equal(
            ("app", "app-invoker", "app-receipt"),
            (metadata.GetProperty("source_app_id").GetString(), metadata.GetProperty("source_fn_id").GetString(), metadata.GetProperty("fn_id").GetString()));
    }

    [Fact]
    public async Task The_engine_signs_its_calls_and_an_app_with_another_key_refuses_them()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud(Keys.Other);
            o.Functions.Add(TestFunctions.Hello);
        });
        await using var engine = new InngestEngine(new InngestFunctionRegistry([]), EnginePair.Options(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Keys.Now));
        engine.HttpOptions = new InngestEngineHttpOptions { SigningKey = Keys.Signing };

        var exception = await Assert.ThrowsAsync<InngestSyncException>(() => engine.RegisterAppAsync(app.ServeUrl));

        Assert.Equal(502, exception.StatusCode);
        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Apps);
    }
}
