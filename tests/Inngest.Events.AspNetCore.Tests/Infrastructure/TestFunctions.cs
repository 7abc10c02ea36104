namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>Hand-written function definitions, served over HTTP and run in memory alike.</summary>
internal static class TestFunctions
{
    public static InngestFunctionDefinition On(string id, string eventName, FunctionHandler handler, FunctionConfig? config = null)
        => new() { Id = id, Name = id, Triggers = [FunctionTrigger.ForEvent(eventName)], Config = config ?? new FunctionConfig(), Handler = handler };

    /// <summary>Returns "hello".</summary>
    public static InngestFunctionDefinition Hello { get; } = On("hello", Names.OrderPlaced, invocation => Task.FromResult(invocation.SerializeResult("hello")));

    /// <summary>Two serial steps: "A", then "AB".</summary>
    public static InngestFunctionDefinition Serial { get; } = On("serial", Names.OrderPlaced, async invocation =>
    {
        var a = await invocation.Steps.RunAsync("a", () => "A");
        var b = await invocation.Steps.RunAsync("b", () => a + "B");
        return invocation.SerializeResult(b);
    });

    /// <summary>Two parallel steps, then a third.</summary>
    public static InngestFunctionDefinition Parallel { get; } = On("parallel", Names.OrderPlaced, async invocation =>
    {
        var both = await Task.WhenAll(invocation.Steps.RunAsync("a", () => "A"), invocation.Steps.RunAsync("b", () => "B"));
        var c = await invocation.Steps.RunAsync("c", () => "C");
        return invocation.SerializeResult(both[0] + both[1] + c);
    });

    /// <summary>A step that fails on its first two attempts.</summary>
    public static InngestFunctionDefinition Flaky { get; } = On("flaky", Names.OrderPlaced, async invocation =>
    {
        var attempt = invocation.Context.Attempt;
        var value = await invocation.Steps.RunAsync("flaky-step", () => attempt < 2 ? throw new InvalidOperationException($"attempt {attempt} failed") : $"ok on {attempt}");
        return invocation.SerializeResult(value);
    });

    /// <summary>Sleeps an hour between two steps.</summary>
    public static InngestFunctionDefinition Sleeper { get; } = On("sleeper", Names.OrderPlaced, async invocation =>
    {
        await invocation.Steps.RunAsync("before", () => 1);
        await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
        var after = await invocation.Steps.RunAsync("after", () => 2);
        return invocation.SerializeResult(after);
    });

    /// <summary>Waits up to a day for the payment of its order.</summary>
    public static InngestFunctionDefinition Waiter { get; } = On("waiter", Names.OrderPlaced, async invocation =>
    {
        var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromDays(1), "event.data.orderId == async.data.orderId");
        return invocation.SerializeResult(payment is null ? "timed out" : $"paid {payment.Data.Amount}");
    });

    /// <summary>Fails for good outside steps.</summary>
    public static InngestFunctionDefinition NonRetriable { get; } = On("non-retriable", Names.OrderPlaced,
        _ => Task.FromException<ReadOnlyMemory<byte>>(new NonRetriableException("card declined")));

    /// <summary>Fails retriably outside steps, asking to be retried in 30 seconds.</summary>
    public static InngestFunctionDefinition RetryLater { get; } = On("retry-later", Names.OrderPlaced,
        _ => Task.FromException<ReadOnlyMemory<byte>>(new RetryAfterException("rate limited", TimeSpan.FromSeconds(30))));

    /// <summary>Sends an event from a step, then returns the id it got.</summary>
    public static InngestFunctionDefinition Notifier { get; } = On("notifier", Names.OrderPlaced, async invocation =>
    {
        var order = invocation.GetEvent<OrderPlaced>().Data;
        var ids = await invocation.Steps.SendEventAsync("send-receipt", new ReceiptRequested(order.OrderId));
        return invocation.SerializeResult(ids.Single());
    });

    /// <summary>Handles the receipts the notifier asks for.</summary>
    public static InngestFunctionDefinition Receipt { get; } = On("receipt", Names.ReceiptRequested,
        invocation => Task.FromResult(invocation.SerializeResult("receipt for " + invocation.GetEvent<ReceiptRequested>().Data.OrderId)));
}
