using System.Globalization;
using System.Text;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// The C# sources of the synthetic projects of tables 1 and 2: realistic <c>[Event]</c> records (nested records,
/// lists, dictionaries, nullable members), one <c>[InngestFunction]</c> class per five events (steps, a sleep, a wait
/// and a send), and a <c>JsonSerializerContext</c> with a <c>[JsonSerializable]</c> for every event (the baseline).
/// Function <c>k</c> is triggered by event <c>5k</c>, waits for event <c>5k + 1</c> and sends event <c>5k + 2</c>;
/// events <c>5k + 3</c> and <c>5k + 4</c> are used by no function.
/// </summary>
internal static class ProjectSources
{
    public const string Namespace = "Acme.Shop";

    /// <summary>An event no function uses: editing it must regenerate that event's output only.</summary>
    public const int UnusedEvent = 3;

    public static string EventTypeName(int i) => $"Order{Number(i)}Placed";

    /// <summary>One event with its nested records, in a file of its own. <paramref name="edited"/> adds a member.</summary>
    public static string Event(int i, bool edited = false) => Fill("""
        using System;
        using System.Collections.Generic;
        using Inngest.Events;

        namespace Acme.Shop;

        /// <summary>An order of kind #N was placed.</summary>
        [Event("shop/order#N.placed", Id = "order#N-{OrderId}")]
        public sealed partial record Order#NPlaced(
            string OrderId,
            string CustomerId,
            decimal Total,
            int? Priority,
            DateTimeOffset PlacedAt,
            Order#NAddress ShippingAddress,
            Order#NAddress? BillingAddress,
            IReadOnlyList<Order#NLine> Lines,
            List<string>? Tags,
            Dictionary<string, string>? Metadata#EDIT);

        /// <summary>A postal address.</summary>
        public sealed record Order#NAddress(string Street, string City, string? Region, string PostalCode, string Country);

        /// <summary>One line of the order.</summary>
        public sealed record Order#NLine(string Sku, string Name, int Quantity, decimal UnitPrice, Order#NDiscount? Discount);

        /// <summary>A discount on a line.</summary>
        public sealed record Order#NDiscount(string Code, decimal Percent, DateOnly? ValidUntil);
        """, i).Replace("#EDIT", edited ? ",\n    string? Note = null" : string.Empty, StringComparison.Ordinal);

    /// <summary>The function whose step lambda the function-body edit changes.</summary>
    public const int EditedFunction = 1;

    /// <summary>
    /// Function <paramref name="k"/>: runs steps, sleeps, waits for event 5k + 1 and sends event 5k + 2.
    /// <paramref name="edited"/> is a keystroke inside the first step's lambda (the same result type).
    /// </summary>
    public static string Function(int k, int events, bool edited = false) => Fill("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Shop;

        /// <summary>Fulfils orders of kind #T.</summary>
        public sealed class Order#TFunctions
        {
            /// <summary>Totals the order, waits for a follow-up order and announces the next one.</summary>
            [InngestFunction("fulfil-order#T")]
            [Retries(3)]
            public async Task<string> FulfilAsync(Event<Order#TPlaced> evt, IStepTools step)
            {
                var total = await step.RunAsync("sum-lines", () => evt.Data.Lines.Sum(l => l.UnitPrice * l.Quantity));
                var reserved = await step.RunAsync("reserve-stock", () => evt.Data.Lines.Count);
                await step.SleepAsync("cool-off", TimeSpan.FromMinutes(5));
                var followUp = await step.WaitForEventAsync<Order#WPlaced>("wait-follow-up", TimeSpan.FromHours(1), "event.data.customerId == async.data.customerId");
                await step.SendEventAsync("announce", new Order#SPlaced(
                    evt.Data.OrderId,
                    evt.Data.CustomerId,
                    total,
                    null,
                    DateTimeOffset.UnixEpoch,
                    new Order#SAddress("1 Main St", "Springfield", null, "12345", "US"),
                    null,
                    [],
                    null,
                    null));
                return $"{evt.Data.OrderId}: {total} ({reserved} lines, follow-up {followUp?.Data.OrderId ?? "none"})";
            }
        }
        """, 5 * k)
        .Replace("#T", Number(5 * k), StringComparison.Ordinal)
        .Replace("#W", Number(Math.Min(5 * k + 1, events - 1)), StringComparison.Ordinal)
        .Replace("#S", Number(Math.Min(5 * k + 2, events - 1)), StringComparison.Ordinal)
        .Replace("l.UnitPrice * l.Quantity", edited ? "l.Quantity * l.UnitPrice" : "l.UnitPrice * l.Quantity", StringComparison.Ordinal);

    /// <summary>The baseline: System.Text.Json's source generator for every event, with web defaults.</summary>
    public static string JsonContext(int events)
    {
        var text = new StringBuilder();
        text.AppendLine("using System.Text.Json;");
        text.AppendLine("using System.Text.Json.Serialization;");
        text.AppendLine();
        text.AppendLine("namespace Acme.Shop;");
        text.AppendLine();
        text.AppendLine("[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]");
        for (int i = 0; i < events; i++)
        {
            text.Append("[JsonSerializable(typeof(").Append(EventTypeName(i)).AppendLine("))]");
        }

        text.AppendLine("internal sealed partial class ShopJsonContext : JsonSerializerContext;");
        return text.ToString();
    }

    /// <summary>
    /// An edit that touches nothing the generators look at: a method body in a file with no events or functions
    /// (issue 10's definition of an unrelated edit).
    /// </summary>
    public static string UnrelatedCode(int version) => $$"""
        namespace Acme.Shop.Internal;

        internal static class BuildInfo
        {
            public static int Revision()
            {
                return {{version}};
            }
        }
        """;

    private static string Fill(string template, int i) => template.Replace("#N", Number(i), StringComparison.Ordinal);

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);
}
