using System.Globalization;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Table 2's project: files that each use the package the way an app does — an event with a dedup-id template and
/// nested records, a service that sends it with the client (with an explicit id), and a function with steps (a loop
/// of steps with computed ids), a sleep, a typed wait for the next file's event and a send from a step.
/// </summary>
internal static class AnalyzerProjectSources
{
    public static string File(int i, int files) => """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Shop.Orders#G;

        /// <summary>An order of kind #N was placed.</summary>
        [Event("shop/order#N.placed", Id = "order#N-{OrderId}")]
        public sealed partial record Order#NPlaced(
            string OrderId,
            string CustomerId,
            decimal Total,
            IReadOnlyList<Order#NLine> Lines,
            DateTimeOffset PlacedAt,
            string? Coupon);

        /// <summary>One line of the order.</summary>
        public sealed record Order#NLine(string Sku, int Quantity, decimal UnitPrice);

        /// <summary>Places orders of kind #N.</summary>
        public sealed class Order#NService(IInngestClient inngest)
        {
            public Task<SendEventsResult> PlaceAsync(string orderId, string customerId, IReadOnlyList<Order#NLine> lines, CancellationToken cancellationToken)
                => inngest.SendAsync(
                    new Order#NPlaced(orderId, customerId, lines.Sum(l => l.UnitPrice * l.Quantity), lines, DateTimeOffset.UtcNow, null),
                    new EventOptions { Id = $"place-{orderId}" },
                    cancellationToken);

            public async Task<int> PlaceManyAsync(IEnumerable<string> orderIds, CancellationToken cancellationToken)
            {
                var batch = orderIds.Select(id => new Event<Order#NPlaced>(new Order#NPlaced(id, "anonymous", 0m, [], DateTimeOffset.UtcNow, null))).ToList();
                var result = await inngest.SendAsync([.. batch], cancellationToken);
                return result.Ids.Count;
            }
        }

        /// <summary>Fulfils orders of kind #N.</summary>
        public sealed class Order#NFunctions
        {
            [InngestFunction("fulfil-order#N")]
            [Retries(3)]
            public async Task<string> FulfilAsync(Event<Order#NPlaced> evt, IStepTools step)
            {
                var order = evt.Data;
                var total = await step.RunAsync("sum-lines", () => order.Lines.Sum(l => l.UnitPrice * l.Quantity));
                var stampedAt = await step.RunAsync("stamp", () => DateTimeOffset.UtcNow);
                foreach (var line in order.Lines)
                {
                    await step.RunAsync($"reserve-{line.Sku}", () => line.Quantity);
                }

                await step.SleepAsync("cool-off", TimeSpan.FromMinutes(5));
                var next = await step.WaitForEventAsync(
                    "wait-next-order",
                    TimeSpan.FromHours(1),
                    (Event<Order#NPlaced> trigger, Event<Acme.Shop.Orders#NG.Order#MPlaced> incoming) => trigger.Data.CustomerId == incoming.Data.CustomerId);
                await step.SendEventAsync(
                    "announce",
                    new Acme.Shop.Orders#NG.Order#MPlaced(order.OrderId, order.CustomerId, total, [], stampedAt, order.Coupon),
                    new EventOptions { Id = $"announce-{order.OrderId}" });
                return next is null ? $"{order.OrderId}: {total}" : $"{order.OrderId}: {total}, then {next.Data.OrderId}";
            }

            [InngestFunction("audit-order#N")]
            public async Task AuditAsync(Event<Order#NPlaced> evt, IStepTools step)
            {
                var lines = await step.RunAsync("count-lines", () => evt.Data.Lines.Count);
                await step.RunAsync("write-audit", () => Console.WriteLine($"{evt.Data.OrderId}: {lines} lines"));
            }
        }
        """
        .Replace("#NG", Number((i + 1) % files / 50), StringComparison.Ordinal)
        .Replace("#G", Number(i / 50), StringComparison.Ordinal)
        .Replace("#N", Number(i), StringComparison.Ordinal)
        .Replace("#M", Number((i + 1) % files), StringComparison.Ordinal);

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
