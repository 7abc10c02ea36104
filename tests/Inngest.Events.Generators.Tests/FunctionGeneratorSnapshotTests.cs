using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Tests.Infrastructure;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The generated function registry for representative functions, checked against snapshots; each also compiles
/// without diagnostics (with the event generator's output, as in a user's build) and is fully cached after an
/// unrelated edit.
/// </summary>
public sealed class FunctionGeneratorSnapshotTests
{
    private static void Verify(string name, params string[] sources)
    {
        var compilation = GeneratorHarness.Compile(sources);
        var (driver, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);
        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);
        var generated = Assert.Single(GeneratorHarness.Sources(driver), s => s.HintName == FunctionGenerator.HintName);
        Snapshot.Match(name, generated.Text);
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(compilation, GeneratorHarness.AllGenerators);
    }

    [Fact]
    public void Static_and_instance_functions_with_every_parameter_kind_config_cron_triggers_and_OnFailure() => Verify(nameof(Static_and_instance_functions_with_every_parameter_kind_config_cron_triggers_and_OnFailure), """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Shop;

        [Event("shop/order.placed")]
        public partial record OrderPlaced(string OrderId, string UserId, decimal Total);

        [Event("shop/order.cancelled")]
        public partial record OrderCancelled(string OrderId);

        [Event("shop/user.deleted")]
        public partial record UserDeleted(string UserId);

        public sealed record Receipt(string OrderId, decimal Total, IReadOnlyList<ReceiptLine> Lines);

        public sealed record ReceiptLine(string Sku, int Quantity);

        public sealed record Summary(int Count, DateTimeOffset At);

        public interface IMailer
        {
            Task SendAsync(string to, CancellationToken cancellationToken);
        }

        public sealed class OrderFunctions(IMailer mailer)
        {
            [InngestFunction("process-order", Name = "Process order", OnFailure = nameof(OrderFailed))]
            [Retries(3)]
            [Concurrency(5, Key = "event.data.userId", Scope = ConcurrencyScope.Env)]
            [Concurrency(100)]
            [Throttle(10, "1m", Burst = 2, Key = "event.data.userId")]
            [RateLimit(1, "1h", Key = "event.data.orderId")]
            [Debounce("5m", Key = "event.data.userId", Timeout = "30m")]
            [Priority("event.data.total > 100 ? 120 : 0")]
            [Idempotency("event.data.orderId")]
            [Singleton(SingletonMode.Cancel, Key = "event.data.userId")]
            [CancelOn<OrderCancelled>(If = "event.data.orderId == async.data.orderId", Timeout = "7d")]
            [CancelOn<UserDeleted>]
            [Timeouts(Start = "10m", Finish = "1h")]
            public async Task<Receipt> ProcessOrder(Event<OrderPlaced> order, IStepTools step, FunctionContext context, CancellationToken cancellationToken)
            {
                var receipt = await step.RunAsync("charge", () => new Receipt(order.Data.OrderId, order.Data.Total, [new ReceiptLine("sku", 1)]));
                await step.RunAsync("mail", () => mailer.SendAsync(order.Data.UserId, cancellationToken));
                var note = await step.RunAsync("note", () => context.RunId);
                return receipt with { OrderId = note };
            }

            internal Task OrderFailed(Event<FunctionFailed> failure, IStepTools step, FunctionContext context) => Task.CompletedTask;
        }

        public static class ReportFunctions
        {
            [InngestFunction("nightly-report", Name = "Nightly report")]
            [Cron("TZ=Europe/Paris 0 3 * * *", Jitter = "30s")]
            [Cron("0 12 * * *")]
            public static async ValueTask<Summary> NightlyReport(IStepTools step, CancellationToken cancellationToken)
            {
                var count = await step.RunAsync("count", async () =>
                {
                    await Task.Delay(1, cancellationToken);
                    return (int?)3;
                });
                return new Summary(count ?? 0, DateTimeOffset.UnixEpoch);
            }

            [InngestFunction("summarize-orders")]
            [BatchEvents(100, "5s", Key = "event.data.userId", If = "event.data.total > 0")]
            [Trigger<OrderPlaced>(If = "event.data.total > 0")]
            [Trigger<OrderCancelled>]
            public static async ValueTask SummarizeOrders(IReadOnlyList<Event<OrderPlaced>> orders, IStepTools step)
            {
                var totals = await Totals();
                var lines = await step.InvokeAsync("lines", new FunctionReference<OrderPlaced, ReceiptLine[]>("other-app-lines", isComposite: true), orders[0].Data);
                var raw = await step.RunAsync("raw", () => JsonDocument.Parse("{}").RootElement);
                _ = (totals, lines, raw);

                Task<Dictionary<string, decimal?>> Totals() => step.RunAsync("totals", () => new Dictionary<string, decimal?>());
            }

            [InngestFunction("delete-user-data")]
            [Trigger<UserDeleted>(If = "event.data.userId != ''")]
            [Trigger<UserDeleted>(If = "event.data.userId == 'admin'")]
            public static Task DeleteUserData(Event<UserDeleted> deleted) => Task.CompletedTask;
        }
        """);

    [Fact]
    public void Batched_functions_take_every_event_as_a_list_or_an_array() => Verify(nameof(Batched_functions_take_every_event_as_a_list_or_an_array), """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Search;

        [Event("search/document.changed")]
        public partial record DocumentChanged(string DocumentId, int Revision);

        public interface ISearchIndex
        {
            Task<int> UpsertAsync(IReadOnlyList<string> documentIds);
        }

        public sealed class IndexFunctions(ISearchIndex index)
        {
            [InngestFunction("index-documents", OnFailure = nameof(IndexFailed))]
            [BatchEvents(50, "10s", Key = "event.data.documentId")]
            public async Task<int> IndexDocuments(IReadOnlyList<Event<DocumentChanged>> changes, IStepTools step)
            {
                var ids = changes.Select(c => c.Data.DocumentId).Distinct().ToArray();
                return await step.RunAsync("upsert", () => index.UpsertAsync(ids));
            }

            public Task IndexFailed(Event<FunctionFailed> failure) => Task.CompletedTask;

            [InngestFunction("audit-revisions")]
            [BatchEvents(1000, "1m")]
            public static ValueTask<int> AuditRevisions(FunctionContext context, Event<DocumentChanged>[] changes)
                => new(changes.Sum(c => c.Data.Revision));
        }
        """);

    [Fact]
    public void Global_namespace_nested_class_hand_written_event_type_and_reference_name_clashes() => Verify(nameof(Global_namespace_nested_class_hand_written_event_type_and_reference_name_clashes), """
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using Inngest.Events;

        public sealed class Ping : IEventData<Ping>
        {
            public static string EventName => "app/ping";
            public static string? EventVersion => null;
            public static JsonTypeInfo<Ping> JsonTypeInfo => throw new System.NotSupportedException();
            public static string? CreateDefaultId(Ping data) => null;
        }

        public static partial class Outer
        {
            public static class Functions
            {
                [InngestFunction("create-registry")]
                public static async Task<Ping> @event(Event<Ping> ping, IStepTools step)
                    => await step.RunAsync("echo", () => ping.Data);

                [InngestFunction("create_registry")]
                internal static ValueTask Again(Event<Ping> ping) => default;

                [InngestFunction("2fa-check")]
                internal static ValueTask<string> TwoFactor(Event<Ping> ping) => new("ok");
            }
        }
        """);
}
