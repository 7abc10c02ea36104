namespace Inngest.Events.Engine.Tests;

/// <summary>
/// On the embedded engine as on the serve endpoint (the runner is shared): a trigger event, a received event or an
/// invoke result whose JSON does not fit the function's type fails the run at once, without retries, with a message
/// that names what was read, the type and the JSON path.
/// </summary>
public sealed class PayloadMismatchTests
{
    private static InngestFunctionDefinition Typed() => Fn.On("typed", Names.OrderPlaced,
        invocation => Task.FromResult(invocation.SerializeResult(invocation.GetEvent<OrderPlaced>().Data.Amount)));

    private static InngestFunctionDefinition AwaitPayment() => Fn.On("await-payment", Names.OrderPlaced, async invocation =>
    {
        var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
        return invocation.SerializeResult(payment?.Data.Amount ?? 0);
    });

    private static InngestFunctionDefinition Quote() => Fn.Invoked("quote", invocation => Task.FromResult(invocation.SerializeResult("twelve")));

    private static InngestFunctionDefinition Invoker() => Fn.On("invoker", Names.OrderPlaced, async invocation =>
    {
        var total = await invocation.Steps.InvokeAsync("get-quote", new FunctionReference<QuoteRequested, int>("quote"), new QuoteRequested(3));
        return invocation.SerializeResult(total);
    });

    [Theory]
    [InlineData("""{"orderId":"o1","amount":"a lot"}""", "test/order.placed → OrderPlaced: $.amount: expected a number, found the string \"a lot\"")]
    [InlineData("""{"orderId":"o1","amount":"12"}""", "test/order.placed → OrderPlaced: $.amount: expected a number, found the string \"12\"")]
    [InlineData("""{"orderId":["o1"]}""", "test/order.placed → OrderPlaced: $.orderId: expected a string, found an array")]
    public async Task A_trigger_event_that_does_not_fit_fails_the_run_on_its_first_attempt(string data, string message)
    {
        await using var h = new EngineHarness(Typed());

        // The engine, like Inngest's event API, takes any object as data; only the function knows its type.
        h.Engine.SendJson($$$"""{"name":"{{{Names.OrderPlaced}}}","data":{{{data}}}}""");
        await h.RunAsync();

        var run = h.SingleRun("typed");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(("PayloadMismatchException", message), (run.Error!.Name, run.Error.Message));
        var call = Assert.Single(run.Calls);
        Assert.Equal((400, true), (call.Response.StatusCode, call.Response.NoRetry));
        var failed = Assert.Single(h.EventsNamed(Names.FunctionFailed));
        Assert.Equal(message, failed.Data.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_received_event_that_does_not_fit_the_wait_fails_the_run_without_retries()
    {
        await using var h = new EngineHarness(AwaitPayment());

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();
        h.Engine.SendJson("""{"name":"test/payment.received","data":{"orderId":"o1","amount":{"value":5}}}""");
        await h.RunAsync();

        var run = h.SingleRun("await-payment");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(
            ("PayloadMismatchException", "test/payment.received → PaymentReceived: $.amount: expected a number, found an object"),
            (run.Error!.Name, run.Error.Message));
        Assert.Equal(2, run.Calls.Count);
        Assert.Equal((400, true), (run.Calls[^1].Response.StatusCode, run.Calls[^1].Response.NoRetry));
    }

    [Fact]
    public async Task An_invoke_result_that_does_not_fit_fails_the_invoking_run_without_retries()
    {
        await using var h = new EngineHarness(Invoker(), Quote());

        await h.SendAsync(new OrderPlaced("o1"));
        await h.RunAsync();

        Assert.Equal(RunStatus.Completed, h.SingleRun("quote").Status);
        var run = h.SingleRun("invoker");
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("PayloadMismatchException", run.Error!.Name);
        Assert.Equal(
            $"the result of '{h.Engine.AppId}-quote' (step 'get-quote') → Int32: $: expected a number, found the string \"twelve\"",
            run.Error.Message);
        Assert.Equal((400, true), (run.Calls[^1].Response.StatusCode, run.Calls[^1].Response.NoRetry));
    }
}
