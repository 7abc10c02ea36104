namespace Inngest.Events.Engine.Tests;

public sealed class InvokeTests
{
    private static readonly FunctionReference<QuoteRequested, int> Price = new("price");

    private static InngestFunctionDefinition Quote(TimeSpan? timeout = null, FunctionReference<QuoteRequested, int>? target = null)
        => Fn.On("quote", Names.OrderPlaced, async invocation =>
        {
            try
            {
                var total = await invocation.Steps.InvokeAsync("get-price", target ?? Price, new QuoteRequested(3), timeout);
                return invocation.SerializeResult($"total {total}");
            }
            catch (StepFailedException exception)
            {
                return invocation.SerializeResult($"{exception.Error.Name}: {exception.Error.Message}");
            }
        });

    private static InngestFunctionDefinition PriceFunction(Func<int, int> compute, TimeSpan? sleep = null)
        => Fn.Invoked("price", async invocation =>
        {
            var quantity = invocation.GetEvent<QuoteRequested>().Data.Quantity;
            if (sleep is { } s)
            {
                await invocation.Steps.SleepAsync("think", s);
            }

            var total = await invocation.Steps.RunAsync("compute", () => compute(quantity));
            return invocation.SerializeResult(total);
        });

    [Fact]
    public async Task An_invoked_function_runs_and_its_result_is_stored_for_the_caller()
    {
        await using var h = new EngineHarness(Quote(), PriceFunction(quantity => quantity * 10));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var parent = h.SingleRun("quote");
        var child = h.SingleRun("price");
        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.Equal("total 30", parent.Result!.Value.GetString());
        Assert.Equal(RunStatus.Completed, child.Status);

        var hash = StepIds.Hash("get-price");
        var correlationId = $"{parent.RunId}.{hash}";
        Assert.Equal((correlationId, parent.RunId), (child.CorrelationId, child.ParentRunId));
        var invokeOp = Assert.Single(parent.Calls[0].Response.Ops);
        Assert.Equal(OpCodes.InvokeFunction, invokeOp.Op);
        Assert.Equal("app-price", invokeOp.Opts!.Value.GetProperty("function_id").GetString());

        var invoked = Assert.Single(h.EventsNamed(Names.FunctionInvoked));
        Assert.Equal(invoked.Payload.GetRawText(), child.Event.GetRawText());
        Assert.Equal(3, invoked.Data.GetProperty("quantity").GetInt32());
        var meta = invoked.Data.GetProperty("_inngest");
        Assert.Equal("app-price", meta.GetProperty("fn_id").GetString());
        Assert.Equal(correlationId, meta.GetProperty("correlation_id").GetString());
        Assert.Equal(Names.FunctionInvoked, meta.GetProperty("name").GetString());
        Assert.Equal("app-quote", meta.GetProperty("source_fn_id").GetString());
        Assert.Equal("app", meta.GetProperty("source_app_id").GetString());

        Assert.Equal("{\"data\":30}", parent.Calls[1].Request.Steps[hash].GetRawText());
        var childFinished = h.EventsNamed(Names.FunctionFinished).Single(e => e.Data.GetProperty("run_id").GetString() == child.RunId);
        Assert.Equal(correlationId, childFinished.Data.GetProperty("correlation_id").GetString());
        Assert.Equal("30", childFinished.Data.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task A_failed_invoked_function_raises_its_error_in_the_caller()
    {
        await using var h = new EngineHarness(Quote(), PriceFunction(_ => throw new NonRetriableException("no stock")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        Assert.Equal(RunStatus.Failed, h.SingleRun("price").Status);
        var parent = h.SingleRun("quote");
        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.Equal("NonRetriableException: no stock", parent.Result!.Value.GetString());
        var memo = parent.Calls[1].Request.Steps[StepIds.Hash("get-price")];
        Assert.Equal(["error"], memo.EnumerateObject().Select(p => p.Name));
        Assert.Equal("no stock", memo.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_invoke_that_takes_longer_than_its_timeout_stores_a_timeout_error()
    {
        await using var h = new EngineHarness(Quote(TimeSpan.FromHours(1)), PriceFunction(quantity => quantity, sleep: TimeSpan.FromHours(2)));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        Assert.Equal(RunStatus.Waiting, h.SingleRun("quote").Status);
        Assert.Equal(StepStatus.Invoking, h.SingleRun("quote").Step("get-price")!.Status);

        await h.AdvanceAsync(TimeSpan.FromHours(1));
        var parent = h.SingleRun("quote");
        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.Equal("InngestInvokeTimeoutError: Timed out waiting for invoked function to complete", parent.Result!.Value.GetString());
        Assert.Equal(StepStatus.TimedOut, parent.Step("get-price")!.Status);
        Assert.Equal(
            "{\"error\":{\"name\":\"InngestInvokeTimeoutError\",\"message\":\"Timed out waiting for invoked function to complete\"}}",
            parent.Calls[1].Request.Steps[StepIds.Hash("get-price")].GetRawText());

        await h.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal(RunStatus.Completed, h.SingleRun("price").Status);
        Assert.Equal(2, h.SingleRun("quote").Calls.Count);
    }

    [Fact]
    public async Task Invoking_an_unknown_function_fails_the_step()
    {
        await using var h = new EngineHarness(Quote(target: new FunctionReference<QuoteRequested, int>("missing")));

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        var parent = h.SingleRun("quote");
        Assert.Equal(RunStatus.Completed, parent.Status);
        Assert.StartsWith("Error: The function 'app-missing' to invoke was not found", parent.Result!.Value.GetString());
    }
}
