namespace Inngest.Events.Engine.Tests;

/// <summary>
/// Generated functions (this project runs the generator) that take a batch, for <see cref="BatchParameterTests"/>: one
/// with a list, one with an array, keys and <c>If</c>. Each step returns the order ids it saw, in order.
/// </summary>
internal static class BatchedFunctions
{
    [InngestFunction("batch-list")]
    [BatchEvents(3, "10s")]
    [Trigger<OrderPlaced>(If = "event.data.customerId == 'list'")]
    public static async Task<string> List(IReadOnlyList<Event<OrderPlaced>> orders, IStepTools step)
        => await step.RunAsync("ids", () => string.Join(",", orders.Select(o => o.Data.OrderId)));

    [InngestFunction("batch-array")]
    [BatchEvents(2, "1m", Key = "event.data.customerId", If = "event.data.amount < 100")]
    [Trigger<OrderPlaced>(If = "event.data.customerId != 'list'")]
    public static async Task<string> Array(IStepTools step, Event<OrderPlaced>[] orders)
    {
        var ids = await step.RunAsync("ids", () => string.Join(",", orders.Select(o => o.Data.OrderId)));
        await step.SleepAsync("settle", TimeSpan.FromMinutes(5));
        return await step.RunAsync("total", () => $"{ids}={orders.Sum(o => o.Data.Amount)}");
    }
}
