namespace Inngest.Events.Durability.Tests;

/// <summary>
/// The crash test's functions, written as a user writes them. Every step records that it ran and every memoized result
/// that the function goes past records that it was seen, in <see cref="StepLedger"/>. Their results depend only on the
/// order number, so a run that survived crashes must end exactly as one that did not.
/// </summary>
public sealed class CrashFunctions(StepLedger ledger)
{
    public const string Pipeline = "pipeline";
    public const string Payment = "payment";
    public const string Parallel = "parallel";
    public const string Napper = "napper";

    /// <summary>The result of each function for <paramref name="order"/> when nothing goes wrong.</summary>
    public static int Expected(string function, int order) => function switch
    {
        Pipeline => (((order + 1) * 2) + 3) * 5,
        Payment => order + (100 * order),
        Parallel => order + (2 * order) + (3 * order),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    /// <summary>Four steps with two sleeps between them; step <c>c</c> fails on its first two attempts (retried after 1 s).</summary>
    [InngestFunction(Pipeline)]
    [Retries(3)]
    public async Task<int> PipelineAsync(Event<OrderPlaced> evt, IStepTools step, FunctionContext context)
    {
        var order = evt.Data.Order;
        var a = await step.RunAsync("a", () => ledger.Ran(context, Pipeline, order, "a", order + 1));
        ledger.Saw(context, Pipeline, order, "a");
        await step.SleepAsync("nap-1", TimeSpan.FromSeconds(1));
        var b = await step.RunAsync("b", () => ledger.Ran(context, Pipeline, order, "b", a * 2));
        ledger.Saw(context, Pipeline, order, "b");
        var c = await step.RunAsync("c", () => context.Attempt < 2
            ? throw ledger.Failed(context, Pipeline, order, "c")
            : ledger.Ran(context, Pipeline, order, "c", b + 3));
        ledger.Saw(context, Pipeline, order, "c");
        await step.SleepAsync("nap-2", TimeSpan.FromSeconds(1));
        var d = await step.RunAsync("d", () => ledger.Ran(context, Pipeline, order, "d", c * 5));
        ledger.Saw(context, Pipeline, order, "d");
        ledger.Returned(context, Pipeline, order, d);
        return d;
    }

    /// <summary>A step, then a wait for the order's payment (sent by the test once the run waits), then a step with the amount.</summary>
    [InngestFunction(Payment)]
    public async Task<int> PaymentAsync(Event<OrderPlaced> evt, IStepTools step, FunctionContext context)
    {
        var order = evt.Data.Order;
        var prepared = await step.RunAsync("prepare", () => ledger.Ran(context, Payment, order, "prepare", order));
        ledger.Saw(context, Payment, order, "prepare");
        ledger.ReachedWait(order);
        var payment = await step.WaitForEventAsync<OrderPlaced, PaymentReceived>(
            "wait-payment", TimeSpan.FromMinutes(30), (placed, paid) => placed.Data.Order == paid.Data.Order);
        var total = await step.RunAsync("settle", () => ledger.Ran(context, Payment, order, "settle", prepared + (payment?.Data.Amount ?? -1_000_000)));
        ledger.Saw(context, Payment, order, "settle");
        ledger.Returned(context, Payment, order, total);
        return total;
    }

    /// <summary>Three steps in parallel.</summary>
    [InngestFunction(Parallel)]
    public async Task<int> ParallelAsync(Event<OrderPlaced> evt, IStepTools step, FunctionContext context)
    {
        var order = evt.Data.Order;
        var parts = await Task.WhenAll(
            step.RunAsync("p1", () => ledger.Ran(context, Parallel, order, "p1", order)),
            step.RunAsync("p2", () => ledger.Ran(context, Parallel, order, "p2", 2 * order)),
            step.RunAsync("p3", () => ledger.Ran(context, Parallel, order, "p3", 3 * order)));
        foreach (var part in new[] { "p1", "p2", "p3" })
        {
            ledger.Saw(context, Parallel, order, part);
        }

        ledger.Returned(context, Parallel, order, parts.Sum());
        return parts.Sum();
    }

    /// <summary>Sleeps for an hour.</summary>
    [InngestFunction(Napper)]
    public async Task<string> NapAsync(Event<NapRequested> evt, IStepTools step)
    {
        await step.SleepAsync("long-nap", TimeSpan.FromHours(1));
        return "rested";
    }
}
