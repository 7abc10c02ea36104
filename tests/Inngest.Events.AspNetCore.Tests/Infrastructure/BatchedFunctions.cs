namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A generated batched function (this project runs the generator), served by <c>MapInngest</c> in
/// <c>EngineHttpDriverTests</c>: its array parameter holds every event of the batch the call request carries.
/// </summary>
internal static class BatchedFunctions
{
    [InngestFunction("batched")]
    [BatchEvents(3, "10s")]
    public static async Task<string> Batched(Event<OrderPlaced>[] orders, IStepTools step)
    {
        var ids = await step.RunAsync("ids", () => string.Join(",", orders.Select(o => o.Data.OrderId)));
        return await step.RunAsync("total", () => $"{ids}={orders.Sum(o => o.Data.Amount)}");
    }

    /// <summary>The generated definition, for the app id the engine pair uses.</summary>
    public static InngestFunctionDefinition Definition()
        => InngestGeneratedFunctions.CreateRegistry("app").Functions.Single(f => f.Id == "batched");
}
