
namespace Inngest.Events.Testing.Tests.Shop;

/// <summary>The functions the test host is tested with: steps with inputs, sleeps, waits, invokes, flow control, a cron, a failure handler.</summary>
public sealed class ShopFunctions(PaymentGateway gateway, Warehouse warehouse, Counters counters, TimeProvider time)
{
    /// <summary>A reference to a function of another app, which the test host can only mock.</summary>
    public static readonly FunctionReference<TaxRequested, decimal> RemoteTax = new("billing-compute-tax", isComposite: true);

    [InngestFunction("process-order", OnFailure = nameof(OrderFailedAsync))]
    [Retries(3)]
    public async Task<Receipt> ProcessOrderAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var receipt = await step.RunAsync("charge", new ChargeRequest(evt.Data.OrderId, evt.Data.Amount), request => gateway.ChargeAsync(request));
        await step.SleepAsync("cool-off", TimeSpan.FromMinutes(30));
        var tracking = await step.RunAsync("ship", evt.Data.OrderId, orderId => warehouse.Ship(orderId));
        await step.SendEventAsync("announce-shipment", new OrderShipped(evt.Data.OrderId, tracking));
        return receipt;
    }

    public async Task OrderFailedAsync(Event<FunctionFailed> evt, IStepTools step)
        => await step.RunAsync("record-failure", evt.Data.Error.Message, message => counters.Failures.Enqueue(message));

    [InngestFunction("await-payment")]
    public async Task<string> AwaitPaymentAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var payment = await step.WaitForEventAsync("wait-payment", TimeSpan.FromHours(1),
            (Event<OrderPlaced> order, Event<PaymentReceived> paid) => order.Data.OrderId == paid.Data.OrderId);
        return payment is null ? "unpaid" : $"paid {payment.Data.Amount}";
    }

    [InngestFunction("quote-with-tax")]
    public async Task<decimal> QuoteWithTaxAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var tax = await step.InvokeAsync("compute-tax", InngestGeneratedFunctions.ComputeTax, new TaxRequested("eu", evt.Data.Amount));
        return evt.Data.Amount + tax;
    }

    [InngestFunction("compute-tax")]
    public async Task<decimal> ComputeTaxAsync(Event<TaxRequested> evt, IStepTools step)
        => await step.RunAsync("rate", evt.Data.Amount, amount =>
        {
            var tax = amount * 0.2m;
            counters.Taxes.Enqueue(tax);
            return tax;
        });

    [InngestFunction("quote-with-remote-tax")]
    [Trigger<OrderPlaced>(If = "event.data.customerId == 'remote'")]
    public async Task<decimal> QuoteWithRemoteTaxAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        var tax = await step.InvokeAsync("remote-tax", RemoteTax, new TaxRequested("us", evt.Data.Amount));
        return evt.Data.Amount + tax;
    }

    [InngestFunction("sync-stock")]
    [Debounce("5m", Key = "event.data.sku")]
    public async Task SyncStockAsync(Event<StockChanged> evt, IStepTools step)
        => await step.RunAsync("sync", evt.Data.Sku, _ => counters.Synced());

    [InngestFunction("count-clicks")]
    [BatchEvents(10, "1m")]
    public async Task CountClicksAsync(IReadOnlyList<Event<ClickRecorded>> events, IStepTools step)
        => await step.RunAsync("count", events.Count, count => counters.BatchSizes.Enqueue(count));

    [InngestFunction("nightly-report")]
    [Cron("0 2 * * *")]
    public async Task NightlyReportAsync(IStepTools step)
        => await step.RunAsync("report", () => counters.Reports.Enqueue(time.GetUtcNow()));

    [InngestFunction("build-report")]
    [Throttle(1, "1h")]
    public async Task<string> BuildReportAsync(Event<ReportRequested> evt, IStepTools step)
        => await step.RunAsync("build", evt.Data.Report, report => $"{report} built");
}

/// <summary>A function that awaits something that never finishes, outside any step.</summary>
public sealed class HangingFunctions(Hanger hanger)
{
    [InngestFunction("hang")]
    public async Task HangAsync(Event<HangRequested> evt, IStepTools step)
    {
        await hanger.Never;
        await step.RunAsync("after", evt.Data.Reason, _ => { });
    }
}
