using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.DedupIds.DedupIdAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class DedupIdAnalyzerTests
{
    /// <summary>Wraps <paramref name="members"/> in a class that has a client, with two event types around it.</summary>
    internal static string Source(string members, string events = "") => $$"""
        using System;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Acme.Billing;

        [Event("billing/invoice.paid")] public partial record InvoicePaid(string InvoiceId, string CustomerId);
        [Event("shop/order.placed")] public partial record OrderPlaced(Guid OrderId, string CustomerId, DateTimeOffset PlacedAt);
        {{events}}

        public sealed class Sender(IInngestClient client, IStepTools step)
        {
            private readonly string _orderId = "o-1";

        {{members}}

            private static string BuildId(OrderPlaced order) => "order-placed-" + order.OrderId;
        }
        """;

    private static DiagnosticResult Constant(int location, string subject, string suggestion)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdConstant).WithLocation(location).WithArguments(subject, suggestion);

    private static DiagnosticResult Bare(int location, string subject, string example)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdWithoutEventPart).WithLocation(location).WithArguments(subject, example);

    private static DiagnosticResult Volatile(int location, string source, string suggestion)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdChangesEveryAttempt).WithLocation(location).WithArguments(source, suggestion);

    private static DiagnosticResult Fallback(int location, string source, string suggestion)
        => V.Diagnostic(DiagnosticDescriptors.DedupIdFallsBackToNewValue).WithLocation(location).WithArguments(source, suggestion);

    [Fact]
    public Task Specific_ids_and_ids_the_analyzer_cannot_see_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                public async Task Send(InvoicePaid paid, OrderPlaced order, string id, string dedupKey, Event<OrderPlaced> incoming)
                {
                    await client.SendAsync(paid, new() { Id = $"invoice-paid-{paid.InvoiceId}" });
                    await client.SendAsync(paid, new EventOptions { Id = "invoice-paid-" + paid.InvoiceId });
                    await client.SendAsync(paid);
                    await client.SendAsync(paid, new() { Id = null });
                    await client.SendAsync(order, new() { Id = BuildId(order) });
                    await client.SendAsync(order, new() { Id = id });
                    await client.SendAsync(order, new() { Id = dedupKey });
                    await client.SendAsync(incoming with { Id = incoming.Id });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{order.PlacedAt:O}" });

                    var reassigned = order.CustomerId;
                    reassigned = BuildId(order);
                    await client.SendAsync(order, new() { Id = reassigned });

                    foreach (var each in new[] { "a", "b" })
                    {
                        await client.SendAsync(order, new() { Id = each });
                    }
                }
            """));

    [Fact]
    public Task Constant_ids_are_a_warning()
        => V.AnalyzerAsync(Source("""
                private const string Fixed = "order";

                public async Task Send(InvoicePaid paid, OrderPlaced order)
                {
                    await client.SendAsync(paid, new() { Id = {|#0:"user-action"|} });
                    await client.SendAsync(new Event<OrderPlaced>(order) { Id = {|#1:Fixed|} });
                    var local = "same-every-time";
                    await step.SendEventAsync("send-order", order, new EventOptions { Id = {|#2:local|} });
                    await client.SendAsync(paid, new() { Id = {|#3:$"invoice-{Fixed}"|} });
                }
            """),
            Constant(0, "The dedup id \"user-action\"", "$\"invoice-paid-{paid.InvoiceId}\""),
            Constant(1, "The dedup id \"order\"", "$\"order-placed-{order.OrderId}\""),
            Constant(2, "The dedup id \"same-every-time\"", "$\"order-placed-{order.OrderId}\""),
            Constant(3, "The dedup id \"invoice-order\"", "$\"invoice-paid-{paid.InvoiceId}\""));

    [Fact]
    public Task Constant_template_is_a_warning()
        => V.AnalyzerAsync(Source("", """
            [Event("app/user.acted", Id = {|#0:"user-action"|})] public partial record UserActed(string UserId);
            [Event("app/user.greeted", Id = "user-greeted-{UserId}")] public partial record UserGreeted(string UserId);
            [Event("app/user.waved")] public partial record UserWaved(string UserId);
            """),
            Constant(0, "The Id template \"user-action\" of 'UserActed'", "\"user-acted-{UserId}\""));

    [Fact]
    public Task Bare_entity_values_are_a_warning_that_names_the_fixed_id()
        => V.AnalyzerAsync(Source("""
                public async Task Send(InvoicePaid paid, OrderPlaced order, string invoiceId, Guid orderId)
                {
                    await client.SendAsync(paid, new() { Id = {|#0:invoiceId|} });
                    await client.SendAsync(new Event<InvoicePaid>(paid) { Id = {|#1:paid.CustomerId|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:orderId.ToString()|} });
                    var key = order.OrderId;
                    await step.SendEventAsync("send-order", order, new() { Id = {|#4:$"{key:N}-{order.CustomerId}"|} });
                    await client.SendAsync(order, new() { Id = {|#5:order.CustomerId + "-" + order.OrderId|} });
                    var evt = new Event<InvoicePaid>(paid);
                    await client.SendAsync(evt with { Id = {|#6:evt.Data.InvoiceId|} });
                    await client.SendAsync(paid, new() { Id = {|#7:paid?.InvoiceId|} });
                }
            """),
            Bare(0, "The dedup id 'invoiceId'", "$\"invoice-paid-{invoiceId}\""),
            Bare(1, "The dedup id 'paid.CustomerId'", "$\"invoice-paid-{paid.CustomerId}\""),
            Bare(2, "The dedup id '$\"{orderId}\"'", "$\"order-placed-{orderId}\""),
            Bare(3, "The dedup id 'orderId.ToString()'", "$\"order-placed-{orderId}\""),
            Bare(4, "The dedup id '$\"{key:N}-{order.CustomerId}\"'", "$\"order-placed-{key:N}-{order.CustomerId}\""),
            Bare(5, "The dedup id 'order.CustomerId + \"-\" + order.OrderId'", "\"order-placed-\" + order.CustomerId + \"-\" + order.OrderId"),
            Bare(6, "The dedup id 'evt.Data.InvoiceId'", "$\"invoice-paid-{evt.Data.InvoiceId}\""),
            Bare(7, "The dedup id 'paid?.InvoiceId'", "$\"invoice-paid-{paid?.InvoiceId}\""));

    [Fact]
    public Task A_value_its_own_name_says_nothing_about_is_read_by_the_name_the_sent_data_gives_it()
        => V.AnalyzerAsync(Source("""
                public async Task Send(Guid id, string value, string other, string customer)
                {
                    await client.SendAsync(new OrderPlaced(id, customer, DateTimeOffset.UnixEpoch), new() { Id = {|#0:id.ToString()|} });
                    var paid = new InvoicePaid(value, customer);
                    await client.SendAsync(paid, new EventOptions { Id = {|#1:value|} });
                    await client.SendAsync(new Event<InvoicePaid>(new InvoicePaid(CustomerId: customer, InvoiceId: value)) { Id = {|#2:$"{value}"|} });
                    await client.SendAsync(new ShipmentSent { ShipmentId = value }, new() { Id = {|#3:value|} });

                    // The data calls it an occurrence's id, or says nothing either, or the id is another value: quiet.
                    await client.SendAsync(new WebhookForwarded(value), new() { Id = value });
                    await client.SendAsync(new Pinged(value), new() { Id = value });
                    await client.SendAsync(new InvoicePaid(other, customer), new() { Id = value });
                    await client.SendAsync(new ShipmentSent { ShipmentId = other }, new() { Id = value });
                }
            """, """
            [Event("shop/shipment.sent")] public partial record ShipmentSent { public string ShipmentId { get; init; } = ""; }
            [Event("hooks/webhook.forwarded")] public partial record WebhookForwarded(string WebhookEventId);
            [Event("ops/service.pinged")] public partial record Pinged(string Value);
            """),
            Bare(0, "The dedup id 'id.ToString()'", "$\"order-placed-{id}\""),
            Bare(1, "The dedup id 'value'", "$\"invoice-paid-{value}\""),
            Bare(2, "The dedup id '$\"{value}\"'", "$\"invoice-paid-{value}\""),
            Bare(3, "The dedup id 'value'", "$\"shipment-sent-{value}\""));

    [Fact]
    public Task Bare_entity_value_for_an_unknown_event_gets_a_generic_example()
        => V.AnalyzerAsync(Source("""
                public EventOptions Options(string orderId) => new EventOptions { Id = {|#0:orderId|} };
            """),
            Bare(0, "The dedup id 'orderId'", "$\"event-name-{orderId}\""));

    [Fact]
    public Task Template_of_placeholders_only_is_a_bare_entity_value()
        => V.AnalyzerAsync(Source("", """
            [Event("app/user.signed-up", Id = {|#0:"{UserId}"|})] public partial record UserSignedUp(string UserId);
            [Event("app/user.moved", Id = {|#1:"{UserId}-{{{Floor}}}"|})] public partial record UserMoved(string UserId, int Floor);
            [Event("app/user.left", Id = "left-{UserId}")] public partial record UserLeft(string UserId);
            [Event("app/user.renamed", Id = "{UserId}-{Version}")] public partial record UserRenamed(string UserId, int Version);
            """),
            Bare(0, "The Id template \"{UserId}\" of 'UserSignedUp'", "\"user-signed-up-{UserId}\""),
            Bare(1, "The Id template \"{UserId}-{{{Floor}}}\" of 'UserMoved'", "\"user-moved-{UserId}-{{{Floor}}}\""));

    [Fact]
    public Task A_member_given_a_new_value_in_the_same_method_changes_on_every_attempt()
        => V.AnalyzerAsync(Source("""
                public sealed class Draft { public string Id { get; set; } = ""; public string? MessageId; public string IdempotencyKey { get; set; } = ""; }

                public async Task Send(OrderPlaced order, Draft request, Draft form)
                {
                    var message = new Draft();
                    message.Id = Guid.NewGuid().ToString();
                    await client.SendAsync(order, new() { Id = {|#0:message.Id|} });

                    if (request.MessageId is null) { request.MessageId = $"m-{DateTime.UtcNow.Ticks}"; }
                    await client.SendAsync(order, new() { Id = {|#1:request.MessageId|} });

                    var made = new Draft { IdempotencyKey = Guid.NewGuid().ToString("N") };
                    await client.SendAsync(order, new() { Id = {|#2:made.IdempotencyKey|} });

                    // A key made once and kept with its object for the next attempt, and a member set from something steady.
                    form.IdempotencyKey ??= Guid.NewGuid().ToString();
                    await client.SendAsync(order, new() { Id = form.IdempotencyKey });
                    message.Id = $"order-placed-{order.OrderId}";
                    var kept = new Draft { IdempotencyKey = $"order-placed-{order.OrderId}" };
                    await client.SendAsync(order, new() { Id = kept.IdempotencyKey });

                    // A new thing's own id is made once, with the thing: it names that thing (bare, not new on every attempt).
                    var draft = new Draft { Id = Guid.NewGuid().ToString() };
                    await client.SendAsync(order, new() { Id = {|#3:$"{draft.Id}"|} });
                }
            """),
            Volatile(0, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Fallback(1, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(2, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Bare(3, "The dedup id '$\"{draft.Id}\"'", "$\"order-placed-{draft.Id}\""));

    [Fact]
    public Task Template_with_an_unknown_placeholder_is_left_to_the_generator()
        => V.AnalyzerAsync(Source("", """
            [{|#0:Event("app/user.signed-up", Id = "{Missing}")|}] public partial record UserSignedUp(string UserId);
            """),
            DiagnosticResult.CompilerError("INNG1004").WithLocation(0));

    [Fact]
    public Task Ids_that_change_on_every_attempt_are_a_warning()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, TimeProvider time)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"order-placed-{Guid.NewGuid()}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:DateTime.UtcNow.Ticks.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"order-{order.OrderId}-{DateTimeOffset.Now:O}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:"order-" + Random.Shared.Next()|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"order-{Stopwatch.GetTimestamp()}"|} });
                    var stamp = time.GetUtcNow();
                    var id = $"order-placed-{order.OrderId}-{stamp:O}";
                    await step.SendEventAsync("send-order", order, new() { Id = {|#5:id|} });
                    await client.SendAsync(new Event<OrderPlaced>(order) { Id = {|#6:new Random().Next().ToString()|} });
                }
            """),
            Volatile(0, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Volatile(1, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(2, "DateTimeOffset.Now", "$\"order-placed-{order.OrderId}\""),
            Volatile(3, "Random", "$\"order-placed-{order.OrderId}\""),
            Volatile(4, "Stopwatch", "$\"order-placed-{order.OrderId}\""),
            Volatile(5, "TimeProvider.GetUtcNow()", "$\"order-placed-{order.OrderId}\""),
            Volatile(6, "Random", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task Id_of_an_entity_is_a_bare_value()
        => V.AnalyzerAsync(Source("""
                public sealed record Invoice(string Id, string CustomerId);
                public sealed class Row { public long Id { get; set; } }

                public async Task Send(InvoicePaid paid, OrderPlaced order, Invoice invoice, Row row, Invoice[] invoices)
                {
                    await client.SendAsync(paid, new EventOptions { Id = {|#0:invoice.Id|} });
                    await client.SendAsync(paid, new() { Id = {|#1:row.Id.ToString()|} });
                    await client.SendAsync(new Event<InvoicePaid>(paid) { Id = {|#2:$"{invoice.CustomerId}:{invoice.Id}"|} });
                    foreach (var each in invoices)
                    {
                        await client.SendAsync(paid, new() { Id = {|#3:each.Id|} });
                    }
                }
            """),
            Bare(0, "The dedup id 'invoice.Id'", "$\"invoice-paid-{invoice.Id}\""),
            Bare(1, "The dedup id 'row.Id.ToString()'", "$\"invoice-paid-{row.Id}\""),
            Bare(2, "The dedup id '$\"{invoice.CustomerId}:{invoice.Id}\"'", "$\"invoice-paid-{invoice.CustomerId}:{invoice.Id}\""),
            Bare(3, "The dedup id 'each.Id'", "$\"invoice-paid-{each.Id}\""));

    [Fact]
    public Task Id_of_an_Inngest_event_or_options_being_forwarded_is_quiet()
        => V.AnalyzerAsync(Source("""
                public async Task Forward(Event<OrderPlaced> incoming, EventOptions options, OrderPlaced order, InngestEvent any)
                {
                    await client.SendAsync(incoming with { Id = incoming.Id });
                    await client.SendAsync(order, new() { Id = options.Id });
                    await client.SendAsync(order, new() { Id = any.Id });
                    await client.SendAsync(new Event<OrderPlaced>(order) { Id = incoming.Id });
                }
            """));

    [Fact]
    public Task Prefix_held_in_a_variable_parameter_or_constant_is_not_bare()
        => V.AnalyzerAsync(Source("""
                private const string Prefix = "order";
                private static readonly string Scope = "billing";

                public async Task Send(OrderPlaced order, string prefix, string eventName, string projectId, Guid orderId)
                {
                    await client.SendAsync(order, new() { Id = $"{prefix}:{projectId}" });
                    await client.SendAsync(order, new() { Id = $"{eventName}:{projectId}" });
                    await client.SendAsync(order, new() { Id = $"{Prefix}:{projectId}" });
                    await client.SendAsync(order, new() { Id = Scope + "-" + projectId });
                    var slug = "order-placed";
                    await client.SendAsync(order, new() { Id = $"{slug}-{orderId}" });
                    var kind = eventName;
                    await client.SendAsync(order, new() { Id = kind + ":" + orderId });
                }
            """));

    [Fact]
    public Task Ids_of_stored_occurrences_and_abbreviated_message_ids_are_not_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record OutboxEventRecord(Guid Id, string Payload);
                public sealed record OutboxRow(long Id);
                public sealed record MessageEntity(string Id);
                public sealed record CustomerRecord(string Id);

                public async Task Send(OrderPlaced order, OutboxEventRecord record, OutboxRow row, MessageEntity stored, Guid recipient, string msgID, string msgId, string idMessage, string evtId, CustomerRecord customer)
                {
                    await client.SendAsync(order, new() { Id = $"{record.Id:N}-{recipient:N}" });
                    await client.SendAsync(order, new() { Id = row.Id.ToString() });
                    await client.SendAsync(order, new() { Id = stored.Id });
                    await client.SendAsync(order, new() { Id = msgID });
                    await client.SendAsync(order, new() { Id = msgId });
                    await client.SendAsync(order, new() { Id = idMessage });
                    await client.SendAsync(order, new() { Id = evtId });
                    await client.SendAsync(order, new() { Id = {|#0:customer.Id|} });
                }
            """), Bare(0, "The dedup id 'customer.Id'", "$\"order-placed-{customer.Id}\""));

    [Fact]
    public Task Ids_read_from_message_headers_transactions_and_interactions_are_not_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record Txn(string Id);
                public sealed record WompiTransactionData(string Id, string Reference);
                public sealed record Payment(string Id);
                public sealed record Interaction(ulong Id);
                public sealed record TrackedEvent(string InsertId);
                public sealed record Subscription(string Id);

                public async Task Send(OrderPlaced order, System.Collections.Generic.IDictionary<string, string> headers, Txn txn, WompiTransactionData tx, string txId, string notifyId, Payment payment, Interaction interaction, TrackedEvent tracked, Subscription subscription)
                {
                    // A message's headers, a transaction (`txn`, `tx`), a payment (money moved once), a provider's
                    // notification (`notifyId`) and an interaction (a button press) are occurrences: their ids are ids
                    // already; an analytics insert id is made for deduplication.
                    await client.SendAsync(order, new() { Id = headers["ID"] });
                    await client.SendAsync(order, new() { Id = txn.Id });
                    await client.SendAsync(order, new() { Id = tx.Id });
                    await client.SendAsync(order, new() { Id = $"tx:{txId}" });
                    await client.SendAsync(order, new() { Id = notifyId });
                    await client.SendAsync(order, new() { Id = payment.Id });
                    await client.SendAsync(order, new() { Id = interaction.Id.ToString() });
                    await client.SendAsync(order, new() { Id = tracked.InsertId });
                    await client.SendAsync(order, new() { Id = {|#0:subscription.Id|} });
                }
            """), Bare(0, "The dedup id 'subscription.Id'", "$\"order-placed-{subscription.Id}\""));

    [Fact]
    public Task Ids_of_log_entries_are_not_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record TaskLogItem(long Id);
                public sealed record AuditLogEntry(Guid Id);
                public sealed record Catalog(string Id);
                public sealed record OrderItem(long Id);

                public async Task Send(OrderPlaced order, TaskLogItem taskLogItem, AuditLogEntry entry, Guid importLogUuid, Catalog catalog, OrderItem line)
                {
                    // A log records something that happened: its entries' ids are ids of occurrences.
                    await client.SendAsync(order, new() { Id = taskLogItem.Id.ToString() });
                    await client.SendAsync(order, new() { Id = entry.Id.ToString() });
                    await client.SendAsync(order, new() { Id = importLogUuid.ToString() });

                    // A catalog is no log, and an order's item is a kept thing.
                    await client.SendAsync(order, new() { Id = {|#0:catalog.Id|} });
                    await client.SendAsync(order, new() { Id = {|#1:line.Id.ToString()|} });
                }
            """),
            Bare(0, "The dedup id 'catalog.Id'", "$\"order-placed-{catalog.Id}\""),
            Bare(1, "The dedup id 'line.Id.ToString()'", "$\"order-placed-{line.Id}\""));

    [Fact]
    public Task Ids_of_runs_jobs_tasks_alerts_and_call_options_are_not_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record WorkflowInstance(Guid Id, string Scope);
                public sealed record TaskJob(string Id, string ProjectId);
                public sealed record Alert(string AlertId, string DeviceId);
                public sealed record Conversation(string Id);
                public sealed record TeamsActivity(string Id, Conversation Conversation);
                public sealed record DispatchOptions(string QueueName, string TaskId);
                public sealed record QueuePublishOpts(string ID, string SessionName);
                public sealed record CustomerRecord(string Id);
                public sealed record SyncOperation(string Id);
                public sealed record EInvoice(string SubmissionId);

                public async Task Send(OrderPlaced order, string runId, string taskId, string workflowId, int outboundEmailId, WorkflowInstance instance, TaskJob job, Alert alert, TeamsActivity activity, DispatchOptions dispatch, QueuePublishOpts opts, CustomerRecord customer, SyncOperation operation, string targetId, EInvoice invoice)
                {
                    await client.SendAsync(order, new() { Id = $"{operation.Id}:{targetId}" });
                    await client.SendAsync(order, new() { Id = invoice.SubmissionId });
                    await client.SendAsync(order, new() { Id = runId });
                    await client.SendAsync(order, new() { Id = taskId });
                    await client.SendAsync(order, new() { Id = workflowId });
                    await client.SendAsync(order, new() { Id = outboundEmailId.ToString() });
                    await client.SendAsync(order, new() { Id = instance.Id.ToString() });
                    await client.SendAsync(order, new() { Id = job.Id });
                    await client.SendAsync(order, new() { Id = alert.AlertId });
                    await client.SendAsync(order, new() { Id = $"{activity.Conversation.Id}:{activity.Id}" });
                    await client.SendAsync(order, new() { Id = dispatch.TaskId });
                    await client.SendAsync(order, new() { Id = opts.ID });
                    await client.SendAsync(order, new() { Id = {|#0:customer.Id|} });
                }
            """), Bare(0, "The dedup id 'customer.Id'", "$\"order-placed-{customer.Id}\""));

    [Fact]
    public Task Ids_of_configured_jobs_and_tasks_are_bare()
        => V.AnalyzerAsync(Source("""
                public sealed class ScheduledTask { public long Id { get; set; } public string JobId { get; set; } = ""; }
                public sealed class JobSchedule { public Guid JobId { get; set; } public string JobName { get; set; } = ""; }
                public sealed class Job { public long Id { get; set; } public string CronExpression { get; set; } = ""; }
                public sealed class TaskDefinition { public string Code { get; set; } = ""; }
                public sealed class ScheduledEmail { public long Id { get; set; } }
                public sealed class ImportJob { public long Id { get; set; } }

                public async Task Send(OrderPlaced order, ScheduledTask task, JobSchedule schedule, Job job, TaskDefinition definition, ScheduledEmail email, ImportJob run)
                {
                    // A job or task kept as configuration (a schedule row, a definition) is named by its key, not run once.
                    await client.SendAsync(order, new() { Id = {|#0:task.Id.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#1:schedule.JobId.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#2:job.Id.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#3:definition.Code|} });

                    // The id of the job made for a task is another thing's; a scheduled email is sent once; a job without a
                    // schedule is one run; a job's name held in a variable names the job, as any name so held does.
                    await client.SendAsync(order, new() { Id = task.JobId });
                    await client.SendAsync(order, new() { Id = schedule.JobName });
                    await client.SendAsync(order, new() { Id = email.Id.ToString() });
                    await client.SendAsync(order, new() { Id = run.Id.ToString() });
                }
            """),
            Bare(0, "The dedup id 'task.Id.ToString()'", "$\"order-placed-{task.Id}\""),
            Bare(1, "The dedup id 'schedule.JobId.ToString()'", "$\"order-placed-{schedule.JobId}\""),
            Bare(2, "The dedup id 'job.Id.ToString()'", "$\"order-placed-{job.Id}\""),
            Bare(3, "The dedup id 'definition.Code'", "$\"order-placed-{definition.Code}\""));

    [Fact]
    public Task A_job_sent_with_its_schedule_or_interval_an_object_the_sender_holds_a_primary_key_and_the_apps_crm_name_kept_things()
        => V.AnalyzerAsync(Source("""
                public sealed class Job { public long Id { get; set; } }
                public interface IRepeatedJob { int Id { get; } }
                public sealed class JobSettings { public string Schedule { get; set; } = ""; public string Frequency { get; set; } = ""; }
                public sealed class Video { public int Id { get; set; } public int GetKey() => Id; }
                public sealed class MessageMeta { public string Id { get; set; } = ""; }
                public sealed class ScheduledTask { public long Id { get; set; } }

                public Video Held { get; set; } = new();
                private readonly Video _video = new();
                public MessageMeta Meta { get; set; } = new();

                public async Task Send(OrderPlaced order, Job job, IRepeatedJob repeated, JobSettings settings, Job run, int dossierPk, string leadId, ScheduledTask task, string taskId)
                {
                    // A job sent with its schedule is registered, not run: its id names the job.
                    await client.SendAsync(new JobRegistered(job.Id, "0 * * * *"), new() { Id = {|#0:job.Id.ToString()|} });
                    await client.SendAsync(new JobScheduled(settings.Schedule), new() { Id = {|#1:job.Id.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#2:repeated.Id.ToString()|} });

                    // A schedule is also how often it runs: resque-scheduler's `every`, an interval, a frequency.
                    await client.SendAsync(new JobRepeated(job.Id, "1h"), new() { Id = {|#7:$"job_{job.Id}"|} });
                    await client.SendAsync(new JobPolled(job.Id, TimeSpan.FromMinutes(5)), new() { Id = {|#8:job.Id.ToString()|} });
                    await client.SendAsync(new JobScheduled(settings.Frequency), new() { Id = {|#9:job.Id.ToString()|} });

                    // `task`, as `job`, says only that work is done: before a configured task's id it names nothing more.
                    await client.SendAsync(order, new() { Id = {|#10:$"task_{task.Id}"|} });
                    await client.SendAsync(order, new() { Id = $"task_{taskId}" });

                    // An object the sending object holds is read as one handed to the method would be.
                    await client.SendAsync(order, new() { Id = {|#3:Held.GetKey().ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#4:_video.Id.ToString()|} });

                    // A primary key is an id; the app's CRM says where the lead is kept.
                    await client.SendAsync(order, new() { Id = {|#5:$"dossier-{dossierPk}"|} });
                    await client.SendAsync(order, new() { Id = {|#6:$"crm-lead:{leadId}"|} });

                    // A job sent without a schedule is one run, and so is one sent with how long to wait before a retry; the
                    // metadata of a message is the message's.
                    await client.SendAsync(order, new() { Id = run.Id.ToString() });
                    await client.SendAsync(new JobRetried(run.Id, TimeSpan.FromSeconds(30)), new() { Id = run.Id.ToString() });
                    await client.SendAsync(order, new() { Id = Meta.Id });
                }
            """, """
            [Event("ops/job.registered")] public partial record JobRegistered(long JobId, string CronExpression);
            [Event("ops/job.scheduled")] public partial record JobScheduled(string Plan);
            [Event("ops/job.repeated")] public partial record JobRepeated(long JobId, string Every);
            [Event("ops/job.polled")] public partial record JobPolled(long JobId, TimeSpan PollInterval);
            [Event("ops/job.retried")] public partial record JobRetried(long JobId, TimeSpan RetryInterval);
            """),
            Bare(0, "The dedup id 'job.Id.ToString()'", "$\"job-registered-{job.Id}\""),
            Bare(1, "The dedup id 'job.Id.ToString()'", "$\"job-scheduled-{job.Id}\""),
            Bare(2, "The dedup id 'repeated.Id.ToString()'", "$\"order-placed-{repeated.Id}\""),
            Bare(3, "The dedup id 'Held.GetKey().ToString()'", "$\"order-placed-{Held.GetKey()}\""),
            Bare(4, "The dedup id '_video.Id.ToString()'", "$\"order-placed-{_video.Id}\""),
            Bare(5, "The dedup id '$\"dossier-{dossierPk}\"'", "$\"order-placed-dossier-{dossierPk}\""),
            Bare(6, "The dedup id '$\"crm-lead:{leadId}\"'", "$\"order-placed-crm-lead:{leadId}\""),
            Bare(7, "The dedup id '$\"job_{job.Id}\"'", "$\"job-repeated_{job.Id}\""),
            Bare(8, "The dedup id 'job.Id.ToString()'", "$\"job-polled-{job.Id}\""),
            Bare(9, "The dedup id 'job.Id.ToString()'", "$\"job-scheduled-{job.Id}\""),
            Bare(10, "The dedup id '$\"task_{task.Id}\"'", "$\"order-placed-task_{task.Id}\""));

    [Fact]
    public Task A_type_kind_or_platform_held_in_a_variable_is_a_label_even_beside_its_objects_id()
        => V.AnalyzerAsync(Source("""
                public sealed record Target(string Kind, string Id);
                public sealed record Hook(string Entity, string EntityId);

                public async Task Send(OrderPlaced order, Target target, Hook hook, string resourceType, string resourceId, string postId, string platform)
                {
                    // The issue's definition: a prefix held in a variable, a name, is not a bare value, whatever it names.
                    await client.SendAsync(order, new() { Id = $"{target.Kind}:{target.Id}" });
                    await client.SendAsync(order, new() { Id = $"{hook.Entity}:{hook.EntityId}" });
                    await client.SendAsync(order, new() { Id = resourceType + "/" + resourceId });
                    await client.SendAsync(order, new() { Id = $"{postId}:{platform}" });
                }
            """));

    [Fact]
    public Task Shortened_kinds_an_id_after_a_kind_joined_lists_numbers_and_hashes_read_as_identities()
        => V.AnalyzerAsync(Source("""
                public sealed record Subscription(string Id);
                public sealed record Doc(string Id);
                public sealed record Block(string Hash, long Number);
                public sealed record InboundMessage(string Hash);
                public sealed record PaymentDate(string Id) { public int GetHash() => Id.GetHashCode(); }

                public async Task Send(OrderPlaced order, Subscription subscription, Doc doc, string fileId, string orderId, string id, long installationId, long[] repositoryIds, string[] urls, string[] tags, string accountNum, string orderSN, string reqId, Block block, InboundMessage message, string fileHash, string payloadHash, PaymentDate date)
                {
                    // A kind shortened (`sub`, `doc`) still only names the object; `id` after a kind is that kind's id.
                    await client.SendAsync(order, new() { Id = {|#0:$"sub-{subscription.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"document:{doc.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:"Order_" + id|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"user-{id}"|} });

                    // Joined lists read as their elements; numbers and serial numbers, a stored object's hash and a
                    // file's content hash identify as ids do.
                    await client.SendAsync(order, new() { Id = {|#4:$"{installationId}:{string.Join(",", repositoryIds)}"|} });
                    await client.SendAsync(order, new() { Id = {|#5:string.Join(",", urls)|} });
                    await client.SendAsync(order, new() { Id = {|#6:accountNum|} });
                    await client.SendAsync(order, new() { Id = {|#7:orderSN|} });
                    await client.SendAsync(order, new() { Id = {|#8:block.Hash|} });
                    await client.SendAsync(order, new() { Id = {|#9:fileHash|} });

                    // Words joined in camel case say more; an occurrence word is a label; a lone id says nothing.
                    await client.SendAsync(order, new() { Id = $"fileUpdated-{fileId}" });
                    await client.SendAsync(order, new() { Id = $"order-completed:{orderId}" });
                    await client.SendAsync(order, new() { Id = $"sync-{id}" });
                    await client.SendAsync(order, new() { Id = id });
                    await client.SendAsync(order, new() { Id = string.Join(",", tags) });

                    // A request's id, a message's hash, a hash of a payload or one a method computes are ids already.
                    await client.SendAsync(order, new() { Id = reqId });
                    await client.SendAsync(order, new() { Id = message.Hash });
                    await client.SendAsync(order, new() { Id = payloadHash });
                    await client.SendAsync(order, new() { Id = date.GetHash().ToString() });
                }
            """),
            Bare(0, "The dedup id '$\"sub-{subscription.Id}\"'", "$\"order-placed-sub-{subscription.Id}\""),
            Bare(1, "The dedup id '$\"document:{doc.Id}\"'", "$\"order-placed-document:{doc.Id}\""),
            Bare(2, "The dedup id '\"Order_\" + id'", "\"order-placed_\" + id"),
            Bare(3, "The dedup id '$\"user-{id}\"'", "$\"order-placed-user-{id}\""),
            Bare(4, "The dedup id '$\"{installationId}:{string.Join(\",\", repositoryIds)}\"'", "$\"order-placed-{installationId}:{string.Join(\",\", repositoryIds)}\""),
            Bare(5, "The dedup id 'string.Join(\",\", urls)'", "$\"order-placed-{string.Join(\",\", urls)}\""),
            Bare(6, "The dedup id 'accountNum'", "$\"order-placed-{accountNum}\""),
            Bare(7, "The dedup id 'orderSN'", "$\"order-placed-{orderSN}\""),
            Bare(8, "The dedup id 'block.Hash'", "$\"order-placed-{block.Hash}\""),
            Bare(9, "The dedup id 'fileHash'", "$\"order-placed-{fileHash}\""));

    [Fact]
    public Task A_prefix_that_only_names_the_object_is_no_event_part()
        => V.AnalyzerAsync(Source("""
                public sealed record User(string Id);
                public sealed record UserAction(User User);

                public async Task Send(OrderPlaced order, string leadId, UserAction action, string generationId, string orderId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"order-{order.OrderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"lead-{leadId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"user_{action.User.Id}"|} });
                    await client.SendAsync(order, new() { Id = $"order-paid-{orderId}" });
                    await client.SendAsync(order, new() { Id = $"lead-created-{leadId}" });
                    await client.SendAsync(order, new() { Id = $"generation:{generationId}" });
                    await client.SendAsync(order, new() { Id = $"customer-paid-{orderId}" });

                    // The same in a concatenation.
                    await client.SendAsync(order, new() { Id = {|#3:"order_" + order.OrderId|} });
                    await client.SendAsync(order, new() { Id = {|#4:"lead-" + leadId.ToString() + "/" + action.User.Id|} });
                    await client.SendAsync(order, new() { Id = "order-paid-" + orderId });
                    await client.SendAsync(order, new() { Id = "customer-paid-" + orderId });
                    await client.SendAsync(order, new() { Id = "generation:" + generationId });
                }
            """),
            Bare(0, "The dedup id '$\"order-{order.OrderId}\"'", "$\"order-placed-{order.OrderId}\""),
            Bare(1, "The dedup id '$\"lead-{leadId}\"'", "$\"order-placed-lead-{leadId}\""),
            Bare(2, "The dedup id '$\"user_{action.User.Id}\"'", "$\"order-placed-user_{action.User.Id}\""),
            Bare(3, "The dedup id '\"order_\" + order.OrderId'", "\"order-placed_\" + order.OrderId"),
            Bare(4, "The dedup id '\"lead-\" + leadId.ToString() + \"/\" + action.User.Id'", "\"order-placed-lead-\" + leadId.ToString() + \"/\" + action.User.Id"));

    [Fact]
    public Task A_local_named_as_made_for_deduplication_is_a_dedup_key_whatever_it_was_read_from()
        => V.AnalyzerAsync(Source("""
                public async Task Forward(OrderPlaced order, System.Collections.Generic.Dictionary<string, object> payload)
                {
                    // The name says what the rule cannot see: the payload is a webhook event, its "id" the event's.
                    var idempotencyKey = (string)payload["id"];
                    await client.SendAsync(order, new() { Id = $"STRIPE:{idempotencyKey}" });

                    // Unless it only copies a value named as another kind's identity: the name says what the code meant.
                    var dedupKey = order.OrderId.ToString();
                    await client.SendAsync(order, new() { Id = {|#2:dedupKey|} });

                    // Any other name is followed to what it holds.
                    var key = (string)payload["orderId"];
                    await client.SendAsync(order, new() { Id = {|#0:key|} });

                    // A constant stays a constant, whatever its name.
                    var idempotencyConstant = "user-action";
                    await client.SendAsync(order, new() { Id = {|#1:idempotencyConstant|} });
                }
            """),
            Bare(0, "The dedup id 'key'", "$\"order-placed-{key}\""),
            Constant(1, "The dedup id \"user-action\"", "$\"order-placed-{order.OrderId}\""),
            Bare(2, "The dedup id 'dedupKey'", "$\"order-placed-{dedupKey}\""));

    [Fact]
    public Task A_helper_of_the_same_file_that_builds_the_id_is_read_through_what_it_returns()
        => V.AnalyzerAsync(Source("""
                public sealed class OrderInput { public string ID { get; set; } = ""; public string CustomerID { get; set; } = ""; }
                private static string OrderWorkflowId(string id) => "Order:" + id;
                private static string CustomerOrderKey(OrderInput input) { if (input.CustomerID.Length == 0) { return null!; } return $"{input.CustomerID}-{input.ID}"; }
                private static string PlacedKey(string orderId) => $"order-placed-{orderId}";
                private static string Keyed(string prefix, string orderId) => $"{prefix}:{orderId}";
                private static string Described(OrderInput input) => input.ToString()!;

                public async Task Send(OrderPlaced order, OrderInput input)
                {
                    await client.SendAsync(order, new() { Id = {|#0:OrderWorkflowId(input.ID)|} });
                    await client.SendAsync(order, new() { Id = {|#1:CustomerOrderKey(input)|} });

                    // A helper that names the event, takes a label or returns what the rule cannot read stays quiet.
                    await client.SendAsync(order, new() { Id = PlacedKey(input.ID) });
                    await client.SendAsync(order, new() { Id = Keyed("placed", input.ID) });
                    await client.SendAsync(order, new() { Id = Described(input) });
                    await client.SendAsync(order, new() { Id = string.Concat("order-placed-", input.ID) });
                }
            """),
            Bare(0, "The dedup id 'OrderWorkflowId(input.ID)'", "$\"order-placed-{OrderWorkflowId(input.ID)}\""),
            Bare(1, "The dedup id 'CustomerOrderKey(input)'", "$\"order-placed-{CustomerOrderKey(input)}\""));

    [Fact]
    public Task Text_naming_the_kind_of_any_identity_in_the_id_and_bracketed_kinds_say_nothing_about_the_event()
        => V.AnalyzerAsync(Source("""
                public sealed class Release { public string Id { get; set; } = ""; }
                public sealed class ReleaseData { public string UserId { get; set; } = ""; public Release Release { get; set; } = new(); }
                public sealed class Route { public int Id { get; set; } }

                public async Task Send(OrderPlaced order, ReleaseData data, Route route)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"release-{data.UserId}-{data.Release.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"Route [{route.Id}]"|} });

                    await client.SendAsync(order, new() { Id = $"release-published-{data.UserId}-{data.Release.Id}" });
                    await client.SendAsync(order, new() { Id = $"Route [{route.Id}] (sync)" });
                }
            """),
            Bare(0, "The dedup id '$\"release-{data.UserId}-{data.Release.Id}\"'", "$\"order-placed-release-{data.UserId}-{data.Release.Id}\""),
            Bare(1, "The dedup id '$\"Route [{route.Id}]\"'", "$\"order-placed-Route [{route.Id}]\""));

    [Fact]
    public Task A_period_and_a_dictionary_entrys_key_are_no_entity_values()
        => V.AnalyzerAsync(Source("""
                public sealed class Expiry { public int Year { get; set; } public int Month { get; set; } public string AccountId { get; set; } = ""; public long LastChanged { get; set; } }
                public sealed class Ctx { public string Id { get; set; } = ""; }

                public async Task Send(OrderPlaced order, Expiry c, string billingPeriod, string accountId, System.Collections.Generic.KeyValuePair<Guid, string> kvp, int week, Ctx ctx)
                {
                    // A year, month, week or period tells the occurrences of something periodic apart, as a date does.
                    await client.SendAsync(order, new() { Id = $"{c.Year}-{c.Month}-{c.AccountId}" });
                    await client.SendAsync(order, new() { Id = $"{billingPeriod}:{accountId}" });
                    await client.SendAsync(order, new() { Id = $"{accountId}-{week}" });

                    // The moment something last happened says which change it is.
                    await client.SendAsync(order, new() { Id = $"{accountId}-{c.LastChanged}" });

                    // A request's context (`ctx`) is one occurrence: its Id is the request's.
                    await client.SendAsync(order, new() { Id = ctx.Id });

                    // A dictionary entry's Key is whatever the dictionary is keyed by.
                    await client.SendAsync(order, new() { Id = kvp.Key.ToString() });

                    await client.SendAsync(order, new() { Id = {|#0:$"{c.AccountId}"|} });
                }
            """),
            Bare(0, "The dedup id '$\"{c.AccountId}\"'", "$\"order-placed-{c.AccountId}\""));

    [Fact]
    public Task Text_that_only_names_the_app_says_nothing_about_the_event()
        => V.AnalyzerAsync("""
            using System.Threading.Tasks;
            using Inngest.Events;

            namespace Exceptionless.Billing;

            [Event("billing/invoice.finalized")] public partial record InvoiceFinalized(string InvoiceId);

            public sealed class Invoice { public string Id { get; set; } = ""; }

            public sealed class Invoices(IInngestClient client)
            {
                public async Task Finalize(Invoice invoice, string customerId)
                {
                    await client.SendAsync(new InvoiceFinalized(invoice.Id), new() { Id = {|#0:$"exceptionless-invoice-{invoice.Id}"|} });
                    await client.SendAsync(new InvoiceFinalized(invoice.Id), new() { Id = {|#1:$"exceptionless-customer-{customerId}"|} });

                    // A word the app's name does not hold may name the act.
                    await client.SendAsync(new InvoiceFinalized(invoice.Id), new() { Id = $"exceptionless-cancellation-{invoice.Id}" });
                    await client.SendAsync(new InvoiceFinalized(invoice.Id), new() { Id = $"paymcp-customer-{customerId}" });
                }
            }
            """,
            Bare(0, "The dedup id '$\"exceptionless-invoice-{invoice.Id}\"'", "$\"invoice-finalized-exceptionless-invoice-{invoice.Id}\""),
            Bare(1, "The dedup id '$\"exceptionless-customer-{customerId}\"'", "$\"invoice-finalized-exceptionless-customer-{customerId}\""));

    [Fact]
    public Task Text_that_only_repeats_the_sent_events_domain_is_no_event_part()
        => V.AnalyzerAsync(Source("""
                public async Task Send(string customerId, string planId, string id)
                {
                    var created = new SubscriptionCreated(customerId, planId);

                    // Another billing event about the same customer (billing/invoice.paid) could build the same id.
                    await client.SendAsync(created, new() { Id = {|#0:$"billing-{customerId}-{planId}"|} });
                    await client.SendAsync(created, new() { Id = {|#1:"billing_" + id|} });

                    // The action names the event; text the event's name does not hold says what it is for; and the
                    // object's place often holds the act or the message (appointment/cancellation.send), so text that
                    // repeats it is read as naming the event.
                    await client.SendAsync(created, new() { Id = $"subscription-created-{customerId}" });
                    await client.SendAsync(created, new() { Id = $"created-{customerId}" });
                    await client.SendAsync(created, new() { Id = $"trial-{customerId}" });
                    await client.SendAsync(created, new() { Id = $"subscription-{customerId}" });
                }

                public async Task Remind(string id, string appointmentId)
                {
                    var cancellation = new CancellationSend(id);
                    await client.SendAsync(cancellation, new() { Id = $"{id}:cancellation" });
                    await client.SendAsync(cancellation, new() { Id = $"cancellation-{appointmentId}" });
                    await client.SendAsync(cancellation, new() { Id = {|#2:$"appointment-{appointmentId}"|} });
                }
            """, """
            [Event("billing/subscription.created")] public partial record SubscriptionCreated(string CustomerId, string PlanId);
            [Event("appointment/cancellation.send")] public partial record CancellationSend(string AppointmentId);
            """),
            Bare(0, "The dedup id '$\"billing-{customerId}-{planId}\"'", "$\"subscription-created-billing-{customerId}-{planId}\""),
            Bare(1, "The dedup id '\"billing_\" + id'", "\"subscription-created-billing_\" + id"),
            Bare(2, "The dedup id '$\"appointment-{appointmentId}\"'", "$\"cancellation-sent-appointment-{appointmentId}\""));

    [Fact]
    public Task Fallbacks_arithmetic_and_reformatting_keep_a_bare_value_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record Question(string? Id, string Text);
                public sealed record Purchase(string OrderNo, Guid Id);
                public sealed record Coupon(string Id);

                public async Task Send(OrderPlaced order, Question question, string batchId, int i, int j, Purchase purchase, Coupon coupon, string note)
                {
                    await client.SendAsync(order, new() { Id = {|#0:question.Id ?? $"{batchId}-{i + j}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:purchase.Id.ToString().Replace("-", "")|} });
                    await client.SendAsync(order, new() { Id = {|#2:purchase.OrderNo + ":" + coupon.Id|} });
                    await client.SendAsync(order, new() { Id = question.Id ?? note });
                    await client.SendAsync(order, new() { Id = note.Trim().ToLowerInvariant() });
                    await client.SendAsync(order, new() { Id = {|#3:question.Id != null ? $"{batchId}:{question.Id}" : null|} });
                    await client.SendAsync(order, new() { Id = question.Id != null ? $"{batchId}:{question.Id}" : note });
                }

                // A hash or an encoding of a value is the value in another spelling; an object's own Key is its id.
                public sealed record Product(long Key, string Url);
                public sealed record QueueMessage(string Key, string Body);

                public async Task Hash(OrderPlaced order, Product product, QueueMessage message, string note)
                {
                    await client.SendAsync(order, new() { Id = {|#4:Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(product.Url)))|} });
                    await client.SendAsync(order, new() { Id = {|#5:Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(order.OrderId.ToString()))).ToLowerInvariant()|} });
                    await client.SendAsync(order, new() { Id = {|#6:product.Key.ToString()|} });
                    await client.SendAsync(order, new() { Id = message.Key });
                    await client.SendAsync(order, new() { Id = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(note))) });
                    await client.SendAsync(order, new() { Id = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("order-paid:" + order.OrderId))) });
                }
            """),
            Bare(0, "The dedup id 'question.Id ?? $\"{batchId}-{i + j}\"'", "$\"order-placed-{question.Id ?? $\"{batchId}-{i + j}\"}\""),
            Bare(1, "The dedup id 'purchase.Id.ToString().Replace(\"-\", \"\")'", "$\"order-placed-{purchase.Id.ToString().Replace(\"-\", \"\")}\""),
            Bare(2, "The dedup id 'purchase.OrderNo + \":\" + coupon.Id'", "\"order-placed-\" + purchase.OrderNo + \":\" + coupon.Id"),
            Bare(3, "The dedup id 'question.Id != null ? $\"{batchId}:{question.Id}\" : null'", "question.Id != null ? $\"order-placed-{batchId}:{question.Id}\" : null"),
            Bare(4, "The dedup id 'Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(product.Url)))'", "$\"order-placed-{Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(product.Url)))}\""),
            Bare(5, "The dedup id 'Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(order.OrderId.ToString()))).ToLowerInvariant()'", "$\"order-placed-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(order.OrderId.ToString()))).ToLowerInvariant()}\""),
            Bare(6, "The dedup id 'product.Key.ToString()'", "$\"order-placed-{product.Key}\""));

    [Fact]
    public Task A_clock_handed_in_as_a_delegate_named_as_the_current_time_changes_every_attempt()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, Func<DateTimeOffset> now, Func<DateTime> _utcNow, Func<DateTimeOffset> placedAt, Func<string> nowLabel)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"order-placed-{order.OrderId}-{now().ToUnixTimeMilliseconds()}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"order-placed-{order.OrderId}-{_utcNow():O}"|} });

                    // Another delegate's name says nothing about the clock; one that gives text is no clock.
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{placedAt():O}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{nowLabel()}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{now():yyyy-MM-dd}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.Now.ToLongDateString()}" });
                }
            """),
            Volatile(0, "now()", "$\"order-placed-{order.OrderId}\""),
            Volatile(1, "_utcNow()", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task A_new_value_made_only_where_the_codes_own_value_is_missing_is_a_fallback_told_apart_as_information()
        => V.AnalyzerAsync(Source("""
                public sealed class Input { public string? IdempotencyKey { get; set; } public string? MessageId { get; set; } }
                public sealed class Request { public Guid RequestId { get; set; } }
                private static string ChargeKey(Input input)
                {
                    var key = input.IdempotencyKey ?? "";
                    if (key == "") key = Guid.NewGuid().ToString();
                    return $"charge:{key}";
                }

                private static string? CurrentRequestId() => null;

                public async Task Send(OrderPlaced order, Input input, string? header)
                {
                    await client.SendAsync(order, new() { Id = {|#0:input.MessageId ?? Guid.NewGuid().ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#1:!string.IsNullOrEmpty(input.MessageId) ? input.MessageId : Guid.NewGuid().ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#2:ChargeKey(input)|} });
                    await client.SendAsync(order, new() { Id = {|#3:CurrentRequestId() ?? $"req-{DateTime.UtcNow.Ticks}"|} });
                    var correlationId = header;
                    correlationId ??= Guid.NewGuid().ToString("N");
                    await client.SendAsync(order, new() { Id = {|#4:correlationId|} });
                    var request = new Request();
                    if (request.RequestId == default) { request.RequestId = Guid.NewGuid(); }
                    await client.SendAsync(order, new() { Id = {|#7:request.RequestId.ToString()|} });
                    var retry = new Request();
                    if (retry.RequestId == Guid.Empty) { retry.RequestId = Guid.NewGuid(); }
                    await client.SendAsync(order, new() { Id = {|#8:retry.RequestId.ToString()|} });

                    // Made new on every path: in front of `??`, or on both branches.
                    await client.SendAsync(order, new() { Id = {|#5:Guid.NewGuid().ToString() ?? header|} });
                    await client.SendAsync(order, new() { Id = {|#6:header is null ? Guid.NewGuid().ToString() : $"{header}-{DateTime.UtcNow.Ticks}"|} });

                    // A fallback to something steady is no fallback to a new value.
                    await client.SendAsync(order, new() { Id = input.MessageId ?? $"order-placed-{order.OrderId}" });
                }
            """),
            Fallback(0, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Fallback(1, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Fallback(2, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Fallback(3, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Fallback(4, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Volatile(5, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Volatile(6, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Fallback(7, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Fallback(8, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task A_calendar_date_read_from_the_clock_names_the_day_and_is_the_same_on_every_attempt_that_day()
        => V.AnalyzerAsync(Source("""
                public interface IDateTimeProvider { DateTime Today { get; } }

                public async Task Send(OrderPlaced order, IDateTimeProvider dates)
                {
                    // Once a day: every attempt of the day builds the same id.
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow:yyyy-MM-dd}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.Today:d}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow.Date:O}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateOnly.FromDateTime(DateTime.UtcNow)}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{dates.Today:yyyyMMdd}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTimeOffset.UtcNow.Year}-{DateTimeOffset.UtcNow.Month}" });
                    var today = DateTime.UtcNow.Date.ToString("yyyy-MM-dd");
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{today}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("yyyy'T'MM")}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("o").Substring(0, 10)}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("o").Split('T')[0]}" });

                    // The same cut of a moment written out in a custom ISO format, or held in a local first.
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ").Substring(0, 10)}" });
                    var observedAt = DateTime.UtcNow.ToString("o");
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{observedAt.Substring(0, 10)}" });
                    var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss");
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{stamp.Split('T')[0]}" });

                    // Once an hour, or once a minute: the hour or the minute, to the day, names the window.
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow:yyyy-MM-dd HH}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow:yyyyMMddHHmm}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("o").Substring(0, 13)}" });

                    // Seconds, the whole moment, or a minute that comes round every hour change from one attempt to the next.
                    await client.SendAsync(order, new() { Id = {|#0:$"order-placed-{order.OrderId}-{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("yyyyMMddmm")}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"order-placed-{order.OrderId}-{DateTime.UtcNow.Date.AddTicks(DateTime.UtcNow.Ticks % 1000)}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"order-placed-{order.OrderId}-{DateTime.UtcNow:s}"|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("o").Substring(0, 19)}"|} });
                    await client.SendAsync(order, new() { Id = {|#5:$"order-placed-{order.OrderId}-{DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ").Substring(0, 19)}"|} });
                    await client.SendAsync(order, new() { Id = {|#6:$"order-placed-{order.OrderId}-{DateTime.UtcNow.ToString("yyyyMMddHHmmss")[..14]}"|} });
                }
            """),
            Volatile(0, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(1, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(2, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(3, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(4, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(5, "DateTimeOffset.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(6, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task Values_made_new_by_own_clocks_counters_helpers_and_rewrites_change_every_attempt()
        => V.AnalyzerAsync(Source("""
                public interface IDateTimeProvider { DateTime Today { get; } }
                public interface IClock { DateTimeOffset UtcNow { get; } }
                public sealed class UseCaseContext { public DateTime Now { get; } = DateTime.UtcNow; public DateTime Today => Now.Date; }
                private static long _next;
                private static string NewKey() => Guid.NewGuid().ToString("N");
                private static string ShortId() { return Guid.NewGuid().ToString("N").Substring(0, 8); }
                private static string AudioJobId(string? key)
                {
                    if (key is null)
                    {
                        return $"audio-{Guid.NewGuid():N}";
                    }

                    Func<string> later = () => DateTime.UtcNow.ToString("O");
                    return $"audio-{key}";
                }

                private static string ReportKey(string reportId)
                {
                    Func<string> later = () => DateTime.UtcNow.ToString("O");
                    return $"report-ready-{reportId}";
                }

                public async Task Send(OrderPlaced order, IDateTimeProvider dates, IClock clock, string prefix, Random rng, string registryId, UseCaseContext context)
                {
                    await client.SendAsync(order, new() { Id = {|#7:$"{order.OrderId}:{context.Now.Ticks}"|} });
                    await client.SendAsync(order, new() { Id = {|#8:AudioJobId(registryId)|} });
                    await client.SendAsync(order, new() { Id = ReportKey(registryId) });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{context.Today:yyyy-MM-dd}" });
                    await client.SendAsync(order, new() { Id = {|#0:$"refresh-{clock.UtcNow:yyyy-MM-dd HH:mm:ss}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"order-placed-{clock.UtcNow:O}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"order-placed:{System.Threading.Interlocked.Increment(ref _next)}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:NewKey()|} });

                    prefix += DateTime.UtcNow.ToString("yyyyMMdd-hhmmss");
                    var instanceId = $"{prefix}-{order.OrderId}";
                    await client.SendAsync(order, new() { Id = {|#4:instanceId|} });

                    var bytes = new byte[16];
                    rng.NextBytes(bytes);
                    await client.SendAsync(order, new() { Id = {|#5:new Guid(bytes).ToString()|} });

                    var id = $"sync-{registryId}-{ShortId()}";
                    id = id.Substring(0, Math.Min(64, id.Length));
                    await client.SendAsync(order, new() { Id = {|#6:id|} });

                    var attempt = 3;
                    var jitter = rng.Next(attempt);
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{attempt}" });
                }
            """),
            Volatile(0, "IClock.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(1, "IClock.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(2, "Interlocked.Increment()", "$\"order-placed-{order.OrderId}\""),
            Volatile(3, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Volatile(4, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(5, "Random", "$\"order-placed-{order.OrderId}\""),
            Volatile(6, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Volatile(7, "UseCaseContext.Now", "$\"order-placed-{order.OrderId}\""),
            Fallback(8, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task Members_of_objects_that_hold_precomputed_ids_are_not_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record StripeEvent(string Id, string Type);
                public sealed record InboundMessage(string Id, string MessageId, string ThreadId);
                public sealed record WebhookDelivery(string Id, string DeliveryId);
                public sealed record PaymentRequest(string OrderId, string IdempotencyKey);
                public sealed record SendContext(Guid? MessageId);
                public sealed record StreamChange(string EntityId, long SequenceNumber);

                public async Task Send(OrderPlaced order, StripeEvent stripeEvent, InboundMessage message, WebhookDelivery delivery, PaymentRequest request, string eventId, string idempotencyKey, SendContext sending, StreamChange change)
                {
                    await client.SendAsync(order, new() { Id = sending.MessageId!.Value.ToString("N") });
                    await client.SendAsync(order, new() { Id = $"{change.EntityId}-{change.SequenceNumber}" });
                    await client.SendAsync(order, new() { Id = stripeEvent.Id });
                    await client.SendAsync(order, new() { Id = message.Id });
                    await client.SendAsync(order, new() { Id = message.MessageId });
                    await client.SendAsync(order, new() { Id = delivery.DeliveryId });
                    await client.SendAsync(order, new() { Id = request.IdempotencyKey });
                    await client.SendAsync(order, new() { Id = eventId });
                    await client.SendAsync(order, new() { Id = idempotencyKey });
                    await client.SendAsync(order, new() { Id = $"{stripeEvent.Type}-{stripeEvent.Id}" });
                }

                // Work that is run rather than kept: an import, a build, a comparison requested once, a process, a call,
                // and a number of such runs.
                public sealed record ProviderBuild(Guid Id, string ProviderId);
                public sealed record ComparisonJobPayload(string ComparisonId, string DocumentId);

                public sealed record RenewalProcess(Guid Id);

                public async Task Queue(OrderPlaced order, string importId, ProviderBuild build, ComparisonJobPayload payload, string syncId, RenewalProcess renewalProcess, string tenantId, string callId, string projectId, int run)
                {
                    await client.SendAsync(order, new() { Id = renewalProcess.Id.ToString() });
                    await client.SendAsync(order, new() { Id = $"{tenantId}:{callId}" });
                    await client.SendAsync(order, new() { Id = $"{projectId}:{run}" });
                    await client.SendAsync(order, new() { Id = importId });
                    await client.SendAsync(order, new() { Id = build.Id.ToString() });
                    await client.SendAsync(order, new() { Id = payload.ComparisonId });
                    await client.SendAsync(order, new() { Id = $"{payload.DocumentId}:{syncId}" });
                }
            """));

    [Fact]
    public Task Values_the_rule_cannot_name_stay_quiet()
        => V.AnalyzerAsync(Source("""
                public sealed record Customer(string Email, string Name, decimal Balance, int Visits);
                public sealed record Email(string Id, string To);
                public sealed record Album(string Title);

                public async Task Send(OrderPlaced order, Customer customer, string input, Email email, Album album, System.Collections.Generic.Dictionary<string, string> data)
                {
                    await client.SendAsync(order, new() { Id = input });
                    await client.SendAsync(order, new() { Id = $"{customer.Balance}" });
                    await client.SendAsync(order, new() { Id = email.Id });
                    await client.SendAsync(order, new() { Id = $"{email.To}-{email.Id}" });
                    await client.SendAsync(order, new() { Id = data["payload"] });
                    await client.SendAsync(order, new() { Id = data[input] });
                    await client.SendAsync(order, new() { Id = GetTitle(album) });
                    await client.SendAsync(order, new() { Id = $"{order.CustomerId}-{GetVisits(customer)}" });
                    await client.SendAsync(order, new() { Id = GetDedupId(order) });
                    await client.SendAsync(order, new() { Id = GetMessageId(order) });
                }

                private static string GetTitle(Album album) => album.Title;
                private static int GetVisits(Customer customer) => customer.Visits;
                private static string GetDedupId(OrderPlaced order) => "order-placed-" + order.OrderId;
                private static string GetMessageId(OrderPlaced order) => "m-" + order.OrderId;
            """));

    [Fact]
    public Task Addresses_entries_by_name_and_identity_getters_are_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record Customer(string EmailAddress, string Name);
                public sealed record OrderData(string UserEmail);
                public sealed record AlbumEvent(string AlbumId, string Action);
                public sealed record Shipment(string Id) { public string GetId() => Id; }

                public async Task Send(OrderPlaced order, Customer customer, OrderData orderData, string email, string userId, System.Collections.Generic.Dictionary<string, object> ipLocationData, AlbumEvent albumEvent, Shipment shipment)
                {
                    await client.SendAsync(order, new() { Id = {|#0:customer.EmailAddress|} });
                    await client.SendAsync(order, new() { Id = {|#1:orderData.UserEmail|} });
                    await client.SendAsync(order, new() { Id = {|#2:email|} });
                    await client.SendAsync(order, new() { Id = {|#3:userId + "-" + ipLocationData["ipAddress"]|} });
                    await client.SendAsync(order, new() { Id = {|#4:GetAlbumId(albumEvent).ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#5:shipment.GetId()|} });
                    await client.SendAsync(order, new() { Id = {|#6:order.OrderId.ToString()|} });
                    Guid? customerGuid = order.OrderId;
                    await client.SendAsync(order, new() { Id = {|#7:customerGuid.Value.ToString("N")|} });
                    await client.SendAsync(order, new() { Id = $"welcome-{email}" });
                }

                // A URL identifies a resource; a UUID named after its owner is its id, as an object's own Uuid is; a lone
                // uuid says nothing.
                public sealed record Site(string Url, string Uuid);
                public sealed record Subscription(string FeedUuid, string owner_uid);

                public async Task Crawl(OrderPlaced order, Site site, string url, Subscription subscription, string uuid)
                {
                    await client.SendAsync(order, new() { Id = {|#8:site.Url|} });
                    await client.SendAsync(order, new() { Id = {|#9:url|} });
                    await client.SendAsync(order, new() { Id = {|#10:subscription.FeedUuid|} });
                    await client.SendAsync(order, new() { Id = {|#11:$"{subscription.owner_uid}:{site.Url}"|} });
                    await client.SendAsync(order, new() { Id = uuid });
                    await client.SendAsync(order, new() { Id = {|#12:site.Uuid|} });
                }

                private static Guid GetAlbumId(AlbumEvent albumEvent) => Guid.Parse(albumEvent.AlbumId);
            """),
            Bare(0, "The dedup id 'customer.EmailAddress'", "$\"order-placed-{customer.EmailAddress}\""),
            Bare(1, "The dedup id 'orderData.UserEmail'", "$\"order-placed-{orderData.UserEmail}\""),
            Bare(2, "The dedup id 'email'", "$\"order-placed-{email}\""),
            Bare(3, "The dedup id 'userId + \"-\" + ipLocationData[\"ipAddress\"]'", "\"order-placed-\" + userId + \"-\" + ipLocationData[\"ipAddress\"]"),
            Bare(4, "The dedup id 'GetAlbumId(albumEvent).ToString()'", "$\"order-placed-{GetAlbumId(albumEvent)}\""),
            Bare(5, "The dedup id 'shipment.GetId()'", "$\"order-placed-{shipment.GetId()}\""),
            Bare(6, "The dedup id 'order.OrderId.ToString()'", "$\"order-placed-{order.OrderId}\""),
            Bare(7, "The dedup id 'customerGuid.Value.ToString(\"N\")'", "$\"order-placed-{customerGuid.Value.ToString(\"N\")}\""),
            Bare(8, "The dedup id 'site.Url'", "$\"order-placed-{site.Url}\""),
            Bare(9, "The dedup id 'url'", "$\"order-placed-{url}\""),
            Bare(10, "The dedup id 'subscription.FeedUuid'", "$\"order-placed-{subscription.FeedUuid}\""),
            Bare(11, "The dedup id '$\"{subscription.owner_uid}:{site.Url}\"'", "$\"order-placed-{subscription.owner_uid}:{site.Url}\""),
            Bare(12, "The dedup id 'site.Uuid'", "$\"order-placed-{site.Uuid}\""));

    [Fact]
    public Task Text_named_after_a_party_a_place_or_a_kept_thing_is_its_key()
        => V.AnalyzerAsync(Source("""
                public sealed record Collection(string User, string CollectionId);
                public sealed record Upload(string Disk, string Path);
                public sealed class Member { public string Name { get; set; } = ""; public string UserName { get; set; } = ""; }

                public async Task Send(OrderPlaced order, string tenant, string cronId, string shop, long productId, Collection payload, Upload file, string filePath, Guid ideaId, string targetRepo, Member member, string userType, string multiuser, DateTimeOffset sentAt, string fileName)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"{tenant}:{cronId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{shop}:{productId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"{payload.User}:{payload.CollectionId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"{file.Disk}:{file.Path}"|} });
                    await client.SendAsync(order, new() { Id = {|#4:filePath|} });
                    await client.SendAsync(order, new() { Id = {|#5:$"{ideaId}:{targetRepo}"|} });
                    await client.SendAsync(order, new() { Id = {|#6:member.UserName|} });
                    await client.SendAsync(order, new() { Id = {|#7:fileName|} });

                    // The name of a kept thing names that one thing.
                    await client.SendAsync(order, new() { Id = {|#8:member.Name|} });

                    // An object without text of its own (its type's name), a name that says more (a type is a label), a
                    // word inside another word, a moment beside the key, and a key with the event's slug stay quiet.
                    await client.SendAsync(order, new() { Id = $"{member}" });
                    await client.SendAsync(order, new() { Id = $"{tenant}:{userType}" });
                    await client.SendAsync(order, new() { Id = multiuser });
                    await client.SendAsync(order, new() { Id = $"{shop}:{sentAt:O}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{tenant}" });
                }
            """),
            Bare(0, "The dedup id '$\"{tenant}:{cronId}\"'", "$\"order-placed-{tenant}:{cronId}\""),
            Bare(1, "The dedup id '$\"{shop}:{productId}\"'", "$\"order-placed-{shop}:{productId}\""),
            Bare(2, "The dedup id '$\"{payload.User}:{payload.CollectionId}\"'", "$\"order-placed-{payload.User}:{payload.CollectionId}\""),
            Bare(3, "The dedup id '$\"{file.Disk}:{file.Path}\"'", "$\"order-placed-{file.Disk}:{file.Path}\""),
            Bare(4, "The dedup id 'filePath'", "$\"order-placed-{filePath}\""),
            Bare(5, "The dedup id '$\"{ideaId}:{targetRepo}\"'", "$\"order-placed-{ideaId}:{targetRepo}\""),
            Bare(6, "The dedup id 'member.UserName'", "$\"order-placed-{member.UserName}\""),
            Bare(7, "The dedup id 'fileName'", "$\"order-placed-{fileName}\""),
            Bare(8, "The dedup id 'member.Name'", "$\"order-placed-{member.Name}\""));

    [Fact]
    public Task Header_keys_counters_with_a_number_ending_and_numbers_of_dates_are_read_for_what_they_are()
        => V.AnalyzerAsync(Source("""
                public sealed class Placed { public DateTime OrderDate { get; set; } public DateTimeOffset? ShippedAt { get; set; } }

                public async Task Send(OrderPlaced order, System.Collections.Generic.Dictionary<string, string> headers, Guid orderId, int attemptNumber, int retryNo, Placed placed)
                {
                    await client.SendAsync(order, new() { Id = $"{headers["X-Outbox-Message-Id"]}:{headers["X-Outbox-Subscription-Id"]}" });
                    await client.SendAsync(order, new() { Id = $"{orderId}:{attemptNumber}" });
                    await client.SendAsync(order, new() { Id = $"{orderId}-{retryNo}" });
                    await client.SendAsync(order, new() { Id = $"{orderId}-{placed.OrderDate.Ticks}" });
                    await client.SendAsync(order, new() { Id = $"{orderId}-{placed.ShippedAt.Value.Year}" });
                    await client.SendAsync(order, new() { Id = {|#0:headers["X-Order-Id"]|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{orderId}:{headers["line_number"]}"|} });
                }
            """),
            Bare(0, "The dedup id 'headers[\"X-Order-Id\"]'", "$\"order-placed-{headers[\"X-Order-Id\"]}\""),
            Bare(1, "The dedup id '$\"{orderId}:{headers[\"line_number\"]}\"'", "$\"order-placed-{orderId}:{headers[\"line_number\"]}\""));

    [Fact]
    public Task Strongly_typed_ids_read_as_what_their_type_names()
        => V.AnalyzerAsync(Source("""
                public readonly record struct OrderId(Guid Value);
                public readonly record struct UserId(string Value);
                public readonly record struct InvoiceNumber(int Value);
                public readonly record struct MessageId(Guid Value);
                public sealed record Order(OrderId Id, UserId Owner, decimal Total);
                public sealed record Money(decimal Value);
                public sealed record Settings(string Value);

                public async Task Send(OrderPlaced order, OrderId orderId, UserId owner, InvoiceNumber number, MessageId messageId, Order placed, Money money, Settings settings, System.Collections.Generic.KeyValuePair<string, Guid> entry)
                {
                    await client.SendAsync(order, new() { Id = {|#0:orderId.Value.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#1:owner.Value|} });
                    await client.SendAsync(order, new() { Id = {|#2:number.Value.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#3:placed.Id.Value.ToString("N")|} });
                    await client.SendAsync(order, new() { Id = {|#4:placed.Owner.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#5:entry.Value.ToString()|} });
                    await client.SendAsync(order, new() { Id = messageId.Value.ToString() });
                    await client.SendAsync(order, new() { Id = $"order-placed-{orderId.Value}" });
                    await client.SendAsync(order, new() { Id = money.Value.ToString() });
                    await client.SendAsync(order, new() { Id = settings.Value });
                }
            """),
            Bare(0, "The dedup id 'orderId.Value.ToString()'", "$\"order-placed-{orderId.Value}\""),
            Bare(1, "The dedup id 'owner.Value'", "$\"order-placed-{owner.Value}\""),
            Bare(2, "The dedup id 'number.Value.ToString()'", "$\"order-placed-{number.Value}\""),
            Bare(3, "The dedup id 'placed.Id.Value.ToString(\"N\")'", "$\"order-placed-{placed.Id.Value.ToString(\"N\")}\""),
            Bare(4, "The dedup id 'placed.Owner.ToString()'", "$\"order-placed-{placed.Owner}\""),
            Bare(5, "The dedup id 'entry.Value.ToString()'", "$\"order-placed-{entry.Value}\""));

    private const string DomainWords = """
                public sealed record Search(string Id, string Query);
                public sealed record GiftCard(string VoucherCode);

                public async Task Send(OrderPlaced order, string searchId, Search search, string giftCode, string playerId, string paymentKey, string idempotencyKey, GiftCard card)
                {
                    await client.SendAsync(order, new() { Id = {|#0:searchId|} });
                    await client.SendAsync(order, new() { Id = {|#1:search.Id|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"{giftCode}:{playerId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:paymentKey|} });
                    await client.SendAsync(order, new() { Id = {|#4:card.VoucherCode|} });
                    await client.SendAsync(order, new() { Id = idempotencyKey });
                }
            """;

    [Fact]
    public Task Without_domain_words_searches_read_as_entities_and_codes_and_keys_as_labels()
        => V.AnalyzerAsync(Source(DomainWords),
            Bare(0, "The dedup id 'searchId'", "$\"order-placed-{searchId}\""),
            Bare(1, "The dedup id 'search.Id'", "$\"order-placed-{search.Id}\""));

    [Fact]
    public Task Editorconfig_domain_words_make_occurrences_and_identities()
        => V.AnalyzerAsync(Source(DomainWords),
            "inngest.dedup_id.occurrence_words = search\ninngest.dedup_id.identity_words = Code, key",
            Bare(2, "The dedup id '$\"{giftCode}:{playerId}\"'", "$\"order-placed-{giftCode}:{playerId}\""),
            Bare(3, "The dedup id 'paymentKey'", "$\"order-placed-{paymentKey}\""),
            Bare(4, "The dedup id 'card.VoucherCode'", "$\"order-placed-{card.VoucherCode}\""));

    [Fact]
    public Task Numbers_named_as_moments_are_read_as_dates()
        => V.AnalyzerAsync(Source("""
                public sealed record AccuracyJob(string UserId, long Timestamp);
                public sealed record DeductRequest(string OrderId, long RequestTimestamp);

                public async Task Send(OrderPlaced order, AccuracyJob job, DeductRequest request, string userId, long createdAt, long sent_at, long epochMs, string electionId, int candidate)
                {
                    await client.SendAsync(order, new() { Id = $"{job.UserId}-{job.Timestamp}" });
                    var key = request.OrderId + "_" + request.RequestTimestamp;
                    await client.SendAsync(order, new() { Id = key });
                    await client.SendAsync(order, new() { Id = $"{userId}:{createdAt}" });
                    await client.SendAsync(order, new() { Id = $"{userId}:{sent_at}" });
                    await client.SendAsync(order, new() { Id = $"{userId}:{epochMs}" });

                    // Only an ending that is a word of its own: a candidate is no date.
                    await client.SendAsync(order, new() { Id = {|#0:$"{electionId}:{candidate}"|} });
                }
            """),
            Bare(0, "The dedup id '$\"{electionId}:{candidate}\"'", "$\"order-placed-{electionId}:{candidate}\""));

    [Fact]
    public Task Entity_ids_with_numbers_and_separators_are_bare()
        => V.AnalyzerAsync(Source("""
                public sealed record Manual(Guid Id, int Revision);

                public async Task Send(OrderPlaced order, string documentId, int page, int lineNumber)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"{documentId}:{page}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:documentId + "/" + lineNumber|} });
                    await client.SendAsync(order, new() { Id = $"{page}" });
                }

                // An attempt, a retry, a version or a revision says which occurrence or which change the event is about.
                public async Task Retry(OrderPlaced order, string documentId, int attempt, int retryCount, long version, Manual manual, int versionNumber)
                {
                    await client.SendAsync(order, new() { Id = $"{documentId}@{versionNumber}" });
                    await client.SendAsync(order, new() { Id = $"{documentId}:{attempt}" });
                    await client.SendAsync(order, new() { Id = documentId + "-" + retryCount });
                    await client.SendAsync(order, new() { Id = documentId + "/" + version });
                    await client.SendAsync(order, new() { Id = $"{manual.Id}:{manual.Revision}" });
                }
            """),
            Bare(0, "The dedup id '$\"{documentId}:{page}\"'", "$\"order-placed-{documentId}:{page}\""),
            Bare(1, "The dedup id 'documentId + \"/\" + lineNumber'", "\"order-placed-\" + documentId + \"/\" + lineNumber"));

    [Fact]
    public Task Text_that_only_names_kinds_of_kept_things_says_nothing_about_the_event()
        => V.AnalyzerAsync(Source("""
                public sealed record Workspace(Guid Id);

                public async Task Send(OrderPlaced order, string organizationId, Guid userId, Workspace workspace, string orderNumber, string fileId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"customer-{organizationId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"user-profile-{userId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"workspace-customer:{workspace.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:"Order-" + orderNumber|} });

                    // A word that says what happened, or a kept thing's name that is also an act, names the event.
                    await client.SendAsync(order, new() { Id = $"customer-created-{organizationId}" });
                    await client.SendAsync(order, new() { Id = $"invoice:{orderNumber}" });
                    await client.SendAsync(order, new() { Id = $"store-{fileId}" });
                    await client.SendAsync(order, new() { Id = $"customer-sync-{organizationId}" });
                }
            """),
            Bare(0, "The dedup id '$\"customer-{organizationId}\"'", "$\"order-placed-customer-{organizationId}\""),
            Bare(1, "The dedup id '$\"user-profile-{userId}\"'", "$\"order-placed-user-profile-{userId}\""),
            Bare(2, "The dedup id '$\"workspace-customer:{workspace.Id}\"'", "$\"order-placed-workspace-customer:{workspace.Id}\""),
            Bare(3, "The dedup id '\"Order-\" + orderNumber'", "\"order-placed-\" + orderNumber"));

    [Fact]
    public Task Template_placeholders_follow_the_same_names()
        => V.AnalyzerAsync(Source("", """
            [Event("app/webhook.received", Id = "{DeliveryId}")] public partial record WebhookReceived(string DeliveryId, string Body);
            [Event("app/user.emailed", Id = {|#1:"{Email}"|})] public partial record UserEmailed(string Email);
            [Event("app/user.noted", Id = "{Note}")] public partial record UserNoted(string Note);
            [Event("app/user.tagged", Id = "{Kind}-{UserId}")] public partial record UserTagged(string Kind, string UserId);
            [Event("app/page.read", Id = {|#0:"{DocumentId}-{Page}"|})] public partial record PageRead(string DocumentId, int Page);
            """),
            Bare(0, "The Id template \"{DocumentId}-{Page}\" of 'PageRead'", "\"page-read-{DocumentId}-{Page}\""),
            Bare(1, "The Id template \"{Email}\" of 'UserEmailed'", "\"user-emailed-{Email}\""));

    [Fact]
    public Task Constant_and_clock_messages_suggest_the_sent_events_slug_and_member()
        => V.AnalyzerAsync(Source("""
                public async Task Send(Guid orderId, OrderPlaced order, Event<InvoicePaid> evt, string invoiceId)
                {
                    await client.SendAsync(new OrderPlaced(orderId, "c-1", DateTimeOffset.UnixEpoch), new() { Id = {|#0:"placed"|} });
                    await client.SendAsync(new Event<OrderPlaced>(order) { Id = {|#1:$"order-{Guid.NewGuid()}"|} });
                    await client.SendAsync(evt with { Id = {|#2:"paid"|} });
                    await client.SendAsync(new InvoicePaid(invoiceId, "c-1"), new() { Id = {|#3:DateTime.UtcNow.ToString("O")|} });
                    await step.SendEventAsync("send-paid", new InvoicePaid(InvoiceId: invoiceId, CustomerId: "c-1"), new() { Id = {|#4:"x"|} });
                    await client.SendAsync(new InvoicePaid("inv-1", "c-1"), new() { Id = {|#5:"y"|} });
                }
            """),
            Constant(0, "The dedup id \"placed\"", "$\"order-placed-{orderId}\""),
            Volatile(1, "Guid.NewGuid()", "$\"order-placed-{order.OrderId}\""),
            Constant(2, "The dedup id \"paid\"", "$\"invoice-paid-{evt.Data.InvoiceId}\""),
            Volatile(3, "DateTime.UtcNow", "$\"invoice-paid-{invoiceId}\""),
            Constant(4, "The dedup id \"x\"", "$\"invoice-paid-{invoiceId}\""),
            Constant(5, "The dedup id \"y\"", "$\"invoice-paid-{invoiceId}\""));

    [Fact]
    public Task Constant_id_of_an_unknown_event_gets_a_generic_example()
        => V.AnalyzerAsync(Source("""
                public EventOptions Options() => new EventOptions { Id = {|#0:"fixed"|} };
            """),
            Constant(0, "The dedup id \"fixed\"", "$\"invoice-paid-{invoiceId}\""));

    [Fact]
    public Task A_window_of_ten_seconds_or_more_cut_from_the_clock_names_the_window()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, TimeSpan debounce)
                {
                    // Every send in the window builds the same id: once a minute, once an hour, once per debounce period.
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000}" });

                    // A window of ten or thirty seconds folds double clicks and bursts into one send.
                    const long BatchWindowMs = 30_000;
                    var window = Math.Floor((double)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / BatchWindowMs);
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{window}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{Math.Floor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 10_000.0)}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{Math.Floor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000.0)}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTimeOffset.UtcNow.ToUnixTimeSeconds() / (long)debounce.TotalSeconds}" });
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{DateTime.UtcNow.Ticks / TimeSpan.TicksPerHour}" });
                    var now = DateTime.UtcNow;
                    var period = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute - now.Minute % 5, 0);
                    await client.SendAsync(order, new() { Id = $"order-placed-{order.OrderId}-{period:o}" });

                    // A window beside an entity says which occurrence, as a date does: no bare value.
                    await client.SendAsync(order, new() { Id = $"{order.OrderId}:{DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 300}" });

                    // A window of a few seconds changes between one attempt and the next.
                    await client.SendAsync(order, new() { Id = {|#0:$"order-placed-{order.OrderId}-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 5000}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"order-placed-{order.OrderId}-{DateTime.UtcNow.Ticks / 10_000_000}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"order-placed-{order.OrderId}-{now.Second / 10}"|} });
                }
            """),
            Volatile(0, "DateTimeOffset.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(1, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""),
            Volatile(2, "DateTime.UtcNow", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task A_domain_object_turned_into_text_stands_for_the_object()
        => V.AnalyzerAsync(Source("""
                public sealed record Account(string Id, string Plan);
                public sealed class Fighter { public string Id { get; set; } = ""; public override string ToString() => Id; }
                public sealed class Plain { public string Id { get; set; } = ""; }
                public sealed record Deal(string DealId, int PaymentNumber);
                public sealed record WebhookMessage(string Id);

                public async Task Send(OrderPlaced order, Account account, Fighter fighter, Plain plain, Deal item, WebhookMessage message)
                {
                    // A record's text is its members; an override's text is what the app made it.
                    await client.SendAsync(order, new() { Id = {|#0:account.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{fighter}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:(item.DealId, item.PaymentNumber).ToString()|} });

                    // Any other object's text is its type's name; a message's text is the message's; the event's words stay.
                    await client.SendAsync(order, new() { Id = plain.ToString() });
                    await client.SendAsync(order, new() { Id = message.ToString() });
                    await client.SendAsync(order, new() { Id = $"order-placed-{account}" });
                }
            """),
            Bare(0, "The dedup id 'account.ToString()'", "$\"order-placed-{account}\""),
            Bare(1, "The dedup id '$\"{fighter}\"'", "$\"order-placed-{fighter}\""),
            Bare(2, "The dedup id '(item.DealId, item.PaymentNumber).ToString()'", "$\"order-placed-{(item.DealId, item.PaymentNumber)}\""));

    [Fact]
    public Task Elements_of_collections_the_code_holds_are_read_as_the_objects_they_are()
        => V.AnalyzerAsync(Source("""
                public sealed record ArtistUrl(string Id);
                public sealed record InboundMessage(string Id);

                public async Task Send(OrderPlaced order, ArtistUrl[] urls, System.Collections.Generic.List<ArtistUrl> arguments, InboundMessage[] messages)
                {
                    await client.SendAsync(order, new() { Id = {|#0:urls[0].Id|} });
                    await client.SendAsync(order, new() { Id = {|#1:System.Linq.Enumerable.First(arguments).Id|} });

                    // An element that is an occurrence keeps its id.
                    await client.SendAsync(order, new() { Id = messages[0].Id });
                }
            """),
            Bare(0, "The dedup id 'urls[0].Id'", "$\"order-placed-{urls[0].Id}\""),
            Bare(1, "The dedup id 'System.Linq.Enumerable.First(arguments).Id'", "$\"order-placed-{System.Linq.Enumerable.First(arguments).Id}\""));

    [Fact]
    public Task Workflow_and_the_words_of_the_identified_objects_type_name_no_event()
        => V.AnalyzerAsync(Source("""
                public sealed class ValkeyUser { public string ID { get; set; } = ""; }
                public sealed record ActionItemCreated(string Id);

                public async Task Send(OrderPlaced order, string workspaceId, string broadcastId, string orderId, ValkeyUser user, ActionItemCreated created)
                {
                    // `workflow` says only that the event starts work; `valkey-user` is the kind of `user`, a ValkeyUser.
                    await client.SendAsync(order, new() { Id = {|#0:$"broadcast-workflow-{workspaceId}-{broadcastId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"order-workflow-{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"valkey-user-{user.ID}"|} });

                    // The act beside `workflow` still names the event, and a type named after what happened names it too.
                    await client.SendAsync(order, new() { Id = $"onboarding-workflow-{orderId}" });
                    await client.SendAsync(order, new() { Id = $"action-item-created-{created.Id}" });
                }
            """),
            Bare(0, "The dedup id '$\"broadcast-workflow-{workspaceId}-{broadcastId}\"'", "$\"order-placed-broadcast-workflow-{workspaceId}-{broadcastId}\""),
            Bare(1, "The dedup id '$\"order-workflow-{orderId}\"'", "$\"order-placed-order-workflow-{orderId}\""),
            Bare(2, "The dedup id '$\"valkey-user-{user.ID}\"'", "$\"order-placed-valkey-user-{user.ID}\""));

    [Fact]
    public Task An_objects_code_or_slug_and_a_kept_things_name_are_its_key()
        => V.AnalyzerAsync(Source("""
                public sealed record Trip(string Code);
                public sealed record Post(string Slug);
                public sealed record Bucket(string Name);
                public sealed record Template(string Name);
                public sealed record InboundMessage(string Code);

                public async Task Send(OrderPlaced order, Trip trip, Post post, Bucket bucket, Template template, InboundMessage message)
                {
                    await client.SendAsync(order, new() { Id = {|#0:trip.Code|} });
                    await client.SendAsync(order, new() { Id = {|#1:post.Slug|} });
                    await client.SendAsync(order, new() { Id = {|#2:bucket.Name|} });

                    // A template's name says which message; a message's code is the message's.
                    await client.SendAsync(order, new() { Id = template.Name });
                    await client.SendAsync(order, new() { Id = message.Code });
                }
            """),
            Bare(0, "The dedup id 'trip.Code'", "$\"order-placed-{trip.Code}\""),
            Bare(1, "The dedup id 'post.Slug'", "$\"order-placed-{post.Slug}\""),
            Bare(2, "The dedup id 'bucket.Name'", "$\"order-placed-{bucket.Name}\""));

    [Fact]
    public Task Money_moved_once_attempts_results_timeouts_cancellations_occurrences_and_unique_or_duplicate_detection_ids_are_occurrences()
        => V.AnalyzerAsync(Source("""
                public sealed record LinkAttempt(string Id);
                public sealed record JobResult(long Id);
                public sealed record TimeoutDetails(string Id);
                public sealed record CancellationRecord(string CancellationId);
                public sealed record Refund(string Id);
                public sealed record Payout(string Id);
                public sealed record Conversion(Guid Id);
                public sealed record Shipment(string Id);
                public sealed record SlotCandidate(string OccurrenceId, string SlotId);

                public async Task Send(OrderPlaced order, LinkAttempt attempt, JobResult jobResult, TimeoutDetails timeout, CancellationRecord cancellation, string uniqueId, string duplicateId, string duplicateDetectionId, Refund refund, Payout payout, Conversion conversion, string paymentId, Shipment shipment, SlotCandidate candidate)
                {
                    await client.SendAsync(order, new() { Id = attempt.Id });
                    await client.SendAsync(order, new() { Id = jobResult.Id.ToString() });
                    await client.SendAsync(order, new() { Id = timeout.Id });
                    await client.SendAsync(order, new() { Id = cancellation.CancellationId });
                    await client.SendAsync(order, new() { Id = uniqueId });
                    await client.SendAsync(order, new() { Id = refund.Id });
                    await client.SendAsync(order, new() { Id = $"payout-{payout.Id}" });
                    await client.SendAsync(order, new() { Id = conversion.Id.ToString() });
                    await client.SendAsync(order, new() { Id = "payment-" + paymentId });

                    // One occurrence of a recurring slot says what it is.
                    await client.SendAsync(order, new() { Id = candidate.OccurrenceId });

                    // A broker's duplicate-detection id is made for deduplication.
                    await client.SendAsync(order, new() { Id = duplicateId });
                    await client.SendAsync(order, new() { Id = duplicateDetectionId });

                    // A shipment is kept and tracked.
                    await client.SendAsync(order, new() { Id = {|#0:shipment.Id|} });
                }
            """),
            Bare(0, "The dedup id 'shipment.Id'", "$\"order-placed-{shipment.Id}\""));

    [Fact]
    public Task Primary_keys_names_of_kept_things_and_text_repeating_a_name_are_read_as_identities()
        => V.AnalyzerAsync(Source("""
                public sealed record Invoice(long Pk);
                public sealed record City(string CityName);
                public sealed record RunLog(Guid UID);
                public sealed record Template(string TemplateName);
                public sealed record DispatchArgs(string UniqueKey);
                public sealed record RefreshArgs(string DatabaseName);

                public async Task Send(OrderPlaced order, Invoice invoice, City x, RunLog runLog, string accountId, Template template, long scheduleId, DispatchArgs args, RefreshArgs refresh)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"invoice-{invoice.Pk}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:x.CityName.ToLower()|} });
                    await client.SendAsync(order, new() { Id = {|#2:"accountId_" + accountId|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"{scheduleId}Job"|} });
                    await client.SendAsync(order, new() { Id = {|#4:refresh.DatabaseName|} });

                    // A log's own UID is the logged occurrence's; a template's name says which message; a unique key a
                    // job's arguments carry is one made for deduplication and passed in.
                    await client.SendAsync(order, new() { Id = runLog.UID.ToString() });
                    await client.SendAsync(order, new() { Id = template.TemplateName });
                    await client.SendAsync(order, new() { Id = args.UniqueKey });
                }
            """),
            Bare(0, "The dedup id '$\"invoice-{invoice.Pk}\"'", "$\"order-placed-invoice-{invoice.Pk}\""),
            Bare(1, "The dedup id 'x.CityName.ToLower()'", "$\"order-placed-{x.CityName.ToLower()}\""),
            Bare(2, "The dedup id '\"accountId_\" + accountId'", "\"order-placed-accountId_\" + accountId"),
            Bare(3, "The dedup id '$\"{scheduleId}Job\"'", "$\"order-placed-{scheduleId}Job\""),
            Bare(4, "The dedup id 'refresh.DatabaseName'", "$\"order-placed-{refresh.DatabaseName}\""));

    [Fact]
    public Task Payloads_migrations_and_predictions_are_occurrences_and_an_iso_date_by_range_is_a_date()
        => V.AnalyzerAsync(Source("""
                public sealed record WebhookPayload(string Id);

                public async Task Send(OrderPlaced order, WebhookPayload payload, string migrationId, string predictionId, string taskId)
                {
                    await client.SendAsync(order, new() { Id = $"chargebee:{payload.Id}" });
                    await client.SendAsync(order, new() { Id = $"migration-{migrationId}" });
                    await client.SendAsync(order, new() { Id = $"prediction-{predictionId}" });
                    var today = DateTimeOffset.UtcNow.ToString("o")[..10];
                    await client.SendAsync(order, new() { Id = $"daily-report-{taskId}-{today}" });

                    // To the second, the moment changes between attempts.
                    var now = DateTimeOffset.UtcNow.ToString("o")[..19];
                    await client.SendAsync(order, new() { Id = {|#0:$"daily-report-{taskId}-{now}"|} });
                }
            """),
            Volatile(0, "DateTimeOffset.UtcNow", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task Arrays_joined_getters_of_the_sender_people_routes_and_identifiers_are_read_and_moments_worked_out_are_periods()
        => V.AnalyzerAsync(Source("""
                public sealed record TriggerDef(string ID);
                public sealed record Deploy(string DeploymentId);
                private long GetAlbumId() => 42;

                public async Task Send(OrderPlaced order, System.Collections.Generic.Dictionary<string, string> data, long supplierId, string assignee, string route, string identifier, TriggerDef def, DateTimeOffset firedAt, Deploy job)
                {
                    await client.SendAsync(order, new() { Id = {|#0:string.Join(",", new object[] { data["sku"], supplierId })|} });
                    await client.SendAsync(order, new() { Id = {|#1:GetAlbumId().ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#2:assignee|} });
                    await client.SendAsync(order, new() { Id = {|#3:route|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"{data["identifier"]}:{supplierId}"|} });

                    // A lone identifier says nothing, as a lone id; a number worked out from a moment says which firing;
                    // a deployment is one deploy.
                    await client.SendAsync(order, new() { Id = identifier });
                    await client.SendAsync(order, new() { Id = $"trigger.{def.ID}.{firedAt.ToUnixTimeSeconds() / 60}" });
                    await client.SendAsync(order, new() { Id = job.DeploymentId });
                }
            """),
            Bare(0, "The dedup id 'string.Join(\",\", new object[] { data[\"sku\"], supplierId })'", "$\"order-placed-{string.Join(\",\", new object[] { data[\"sku\"], supplierId })}\""),
            Bare(1, "The dedup id 'GetAlbumId().ToString()'", "$\"order-placed-{GetAlbumId()}\""),
            Bare(2, "The dedup id 'assignee'", "$\"order-placed-{assignee}\""),
            Bare(3, "The dedup id 'route'", "$\"order-placed-{route}\""),
            Bare(4, "The dedup id '$\"{data[\"identifier\"]}:{supplierId}\"'", "$\"order-placed-{data[\"identifier\"]}:{supplierId}\""));

    [Fact]
    public Task References_slugs_of_kept_things_and_named_hashes_are_read_and_dedup_key_makers_and_date_helpers_are_trusted()
        => V.AnalyzerAsync(Source("""
                public sealed record Purchase(string PurchaseRef);
                public sealed record Coach(string Email);
                public sealed record Reservation(string Id);
                private static string HexEncode(byte[] bytes) => Convert.ToHexString(bytes);
                private static byte[] Sha256Digest(byte[] bytes) => System.Security.Cryptography.SHA256.HashData(bytes);
                private static string IdempotencyKey(Reservation reservation) => reservation.Id;
                private static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd");

                public async Task Send(OrderPlaced order, Purchase request, string applicationRef, string tenantSlug, Coach coach, Reservation reservation, string mailingId, string participantId, string itemName)
                {
                    await client.SendAsync(order, new() { Id = {|#0:request.PurchaseRef|} });
                    await client.SendAsync(order, new() { Id = {|#1:applicationRef|} });
                    await client.SendAsync(order, new() { Id = {|#2:tenantSlug|} });
                    await client.SendAsync(order, new() { Id = {|#3:HexEncode(Sha256Digest(System.Text.Encoding.UTF8.GetBytes(coach.Email)))|} });

                    // A key-making helper makes a key; a mailing is one send; a helper that makes a day of the clock names the day.
                    await client.SendAsync(order, new() { Id = IdempotencyKey(reservation) });
                    await client.SendAsync(order, new() { Id = $"{mailingId}:{participantId}" });
                    var day = Day(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                    await client.SendAsync(order, new() { Id = $"usage:{itemName}:{day}" });
                }
            """),
            Bare(0, "The dedup id 'request.PurchaseRef'", "$\"order-placed-{request.PurchaseRef}\""),
            Bare(1, "The dedup id 'applicationRef'", "$\"order-placed-{applicationRef}\""),
            Bare(2, "The dedup id 'tenantSlug'", "$\"order-placed-{tenantSlug}\""),
            Bare(3, "The dedup id 'HexEncode(Sha256Digest(System.Text.Encoding.UTF8.GetBytes(coach.Email)))'", "$\"order-placed-{HexEncode(Sha256Digest(System.Text.Encoding.UTF8.GetBytes(coach.Email)))}\""));

    [Fact]
    public Task A_kept_things_word_after_the_values_names_a_party_not_a_kind()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, string orderId, string reservationId, string matchId)
                {
                    // After the values, a kept thing's word says which party or part the message is for.
                    await client.SendAsync(order, new() { Id = $"order:{orderId}:seller" });
                    await client.SendAsync(order, new() { Id = $"reservation-{reservationId}-customer" });
                    await client.SendAsync(order, new() { Id = $"match.{matchId}.server" });

                    // Before them it names their kind, and after them the kind of a value it follows says no more.
                    await client.SendAsync(order, new() { Id = {|#0:$"customer-{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{orderId}-order"|} });
                }
            """),
            Bare(0, "The dedup id '$\"customer-{orderId}\"'", "$\"order-placed-customer-{orderId}\""),
            Bare(1, "The dedup id '$\"{orderId}-order\"'", "$\"order-placed-{orderId}-order\""));

    [Fact]
    public Task A_word_spelling_the_holder_of_the_id_after_it_says_whose_id_it_is()
        => V.AnalyzerAsync(Source("""
                public sealed record Winner(string UserId);
                public sealed record Step(string EnrollmentId, int StepOrder);
                public sealed record Bet(string RoundId, string PlayerId);

                public async Task Send(OrderPlaced order, string contestId, Winner winner, Step step, Bet bet)
                {
                    // `winner` is the user's part in the contest, not something that happened to either.
                    await client.SendAsync(order, new() { Id = {|#0:$"contest:{contestId}:winner:{winner.UserId}"|} });

                    // A step or a round says which one of a sequence or a game.
                    await client.SendAsync(order, new() { Id = $"enrollment-{step.EnrollmentId}-step-{step.StepOrder}" });
                    await client.SendAsync(order, new() { Id = $"bet:{bet.RoundId}:{bet.PlayerId}" });
                }
            """),
            Bare(0, "The dedup id '$\"contest:{contestId}:winner:{winner.UserId}\"'", "$\"order-placed-contest:{contestId}:winner:{winner.UserId}\""));

    [Fact]
    public Task An_id_at_the_apps_host_names_the_app_after_the_at_sign()
        => V.AnalyzerAsync(Source("""
                public sealed record Booking(string Id);
                public sealed record Release(string Tag);

                public async Task Send(OrderPlaced order, Booking booking, string hostname, Uri cancelBaseUrl, string emailDomain, string pr, string sha, string key, string tz)
                {
                    // iCalendar UIDs and Message-IDs are written as an address at the app's host: the host names the app.
                    await client.SendAsync(order, new() { Id = {|#0:$"booking-{booking.Id}@kova.bg"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{booking.Id}@{hostname}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:booking.Id + "@" + cancelBaseUrl.Host|} });

                    // A Message-ID closes the address in angle brackets.
                    await client.SendAsync(order, new() { Id = {|#3:$"<booking-{booking.Id}@kova.bg>"|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"<booking-{booking.Id}@{emailDomain}>"|} });

                    // After an `@`, a value not named as a host may say which version or which label.
                    await client.SendAsync(order, new() { Id = $"{pr}@{sha}" });
                    await client.SendAsync(order, new() { Id = $"{key}@{tz}" });

                    // Text before the `@` is read as before: here it names what happened.
                    await client.SendAsync(order, new() { Id = $"booking-cancelled-{booking.Id}@kova.bg" });
                }
            """),
            Bare(0, "The dedup id '$\"booking-{booking.Id}@kova.bg\"'", "$\"order-placed-booking-{booking.Id}@kova.bg\""),
            Bare(1, "The dedup id '$\"{booking.Id}@{hostname}\"'", "$\"order-placed-{booking.Id}@{hostname}\""),
            Bare(2, "The dedup id 'booking.Id + \"@\" + cancelBaseUrl.Host'", "\"order-placed-\" + booking.Id + \"@\" + cancelBaseUrl.Host"),
            Bare(3, "The dedup id '$\"<booking-{booking.Id}@kova.bg>\"'", "$\"order-placed-<booking-{booking.Id}@kova.bg>\""),
            Bare(4, "The dedup id '$\"<booking-{booking.Id}@{emailDomain}>\"'", "$\"order-placed-<booking-{booking.Id}@{emailDomain}>\""));

    [Fact]
    public Task A_link_is_an_address_and_a_url_names_its_site_before_its_path()
        => V.AnalyzerAsync(Source("""
                public sealed record Entry(string Link);
                public sealed record Change(string Id);

                public async Task Send(OrderPlaced order, Entry entry, string postId, Change statusChange)
                {
                    // A link identifies what it points at, as a URL does.
                    await client.SendAsync(order, new() { Id = {|#0:entry.Link|} });

                    // The site a URL starts with is the app's; its path names the post.
                    await client.SendAsync(order, new() { Id = {|#1:$"https://example.org/post/{postId}"|} });

                    // A change happens once: its id says which.
                    await client.SendAsync(order, new() { Id = $"https://example.org/change/{statusChange.Id}" });
                }
            """),
            Bare(0, "The dedup id 'entry.Link'", "$\"order-placed-{entry.Link}\""),
            Bare(1, "The dedup id '$\"https://example.org/post/{postId}\"'", "$\"order-placed-https://example.org/post/{postId}\""));

    [Fact]
    public Task A_value_with_a_throw_when_missing_is_itself_and_a_time_after_id_is_a_time()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, long? movieId, string entityId, long idTimeMs)
                {
                    // `?? throw` gives no id of its own: the movie's id alone is sent.
                    long requiredMovieId = movieId ?? throw new ArgumentNullException(nameof(movieId));
                    await client.SendAsync(order, new() { Id = {|#0:requiredMovieId.ToString()|} });

                    // `idTimeMs` is the time a scheduled task is keyed by (an `id` before a time): it says which occurrence.
                    await client.SendAsync(order, new() { Id = $"{entityId}_{idTimeMs}" });
                }
            """),
            Bare(0, "The dedup id 'requiredMovieId.ToString()'", "$\"order-placed-{requiredMovieId}\""));

    [Fact]
    public Task A_token_names_the_system_that_issues_its_value_before_the_bar()
        => V.AnalyzerAsync(Source("""
                private const string MrnSystem = "http://hospital.example.org/mrn";
                public static class Systems { public const string NationalId = "urn:oid:2.16.840.1.113883.4.1"; }
                public sealed record Identifier(string System, string Code);

                public async Task Send(OrderPlaced order, string patientId, string nationalId, Identifier identifier, string reason)
                {
                    // FHIR finds a resource by `identifier=system|value`: the system says who issues the value.
                    await client.SendAsync(order, new() { Id = {|#0:$"identifier={MrnSystem}|{patientId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"identifier=http://hospital.example.org/mrn|{patientId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"{Systems.NationalId}|{nationalId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"identifier={identifier.System}|{identifier.Code}"|} });

                    // Not a label before the bar, nor a parameter that names the event.
                    await client.SendAsync(order, new() { Id = $"{reason}|{patientId}" });
                    await client.SendAsync(order, new() { Id = $"admission={MrnSystem}|{patientId}" });
                }
            """),
            Bare(0, "The dedup id '$\"identifier={MrnSystem}|{patientId}\"'", "$\"order-placed-identifier={MrnSystem}|{patientId}\""),
            Bare(1, "The dedup id '$\"identifier=http://hospital.example.org/mrn|{patientId}\"'", "$\"order-placed-identifier=http://hospital.example.org/mrn|{patientId}\""),
            Bare(2, "The dedup id '$\"{Systems.NationalId}|{nationalId}\"'", "$\"order-placed-{Systems.NationalId}|{nationalId}\""),
            Bare(3, "The dedup id '$\"identifier={identifier.System}|{identifier.Code}\"'", "$\"order-placed-identifier={identifier.System}|{identifier.Code}\""));

    [Fact]
    public Task The_number_of_a_refund_is_its_own_and_an_escaped_or_sliced_value_is_itself()
        => V.AnalyzerAsync(Source("""
                public sealed record Refund(string RefundNo);
                public sealed record Invoice(string InvoiceNumber);

                public async Task Send(OrderPlaced order, Refund refund, string outRefundNo, string withdrawNo, Invoice invoice, string invoiceId, string taskNo)
                {
                    // A refund or a withdrawal is made once: its record number is the key of that act.
                    await client.SendAsync(order, new() { Id = refund.RefundNo });
                    await client.SendAsync(order, new() { Id = outRefundNo });
                    await client.SendAsync(order, new() { Id = withdrawNo });

                    // Escaped for a URL or a document, or cut short, a value is the same value; so is what a helper
                    // returns of a parameter whose name says nothing (`s`): the value the call gives it.
                    await client.SendAsync(order, new() { Id = {|#0:Uri.EscapeDataString(invoiceId)|} });
                    await client.SendAsync(order, new() { Id = {|#1:XmlEscape(invoice.InvoiceNumber)|} });
                    await client.SendAsync(order, new() { Id = {|#2:Esc(invoice.InvoiceNumber)|} });
                    await client.SendAsync(order, new() { Id = {|#3:invoice.InvoiceNumber[..16]|} });

                    // A numbered task is kept, as a tracker's are: its number is bare.
                    await client.SendAsync(order, new() { Id = {|#4:taskNo|} });
                }

                private static string XmlEscape(string text) => System.Security.SecurityElement.Escape(text)!;
                private static string Esc(string s) => System.Security.SecurityElement.Escape(s)!;
            """),
            Bare(0, "The dedup id 'Uri.EscapeDataString(invoiceId)'", "$\"order-placed-{Uri.EscapeDataString(invoiceId)}\""),
            Bare(1, "The dedup id 'XmlEscape(invoice.InvoiceNumber)'", "$\"order-placed-{XmlEscape(invoice.InvoiceNumber)}\""),
            Bare(2, "The dedup id 'Esc(invoice.InvoiceNumber)'", "$\"order-placed-{Esc(invoice.InvoiceNumber)}\""),
            Bare(3, "The dedup id 'invoice.InvoiceNumber[..16]'", "$\"order-placed-{invoice.InvoiceNumber[..16]}\""),
            Bare(4, "The dedup id 'taskNo'", "$\"order-placed-{taskNo}\""));

    [Fact]
    public Task A_reference_that_names_no_kind_of_object_says_nothing()
        => V.AnalyzerAsync(Source("""
                public sealed record TraceRequest(string TraceNumber);

                public async Task Send(OrderPlaced order, string referenceId, string reference, string controlNum, TraceRequest request, string invoiceReference)
                {
                    // A payment API's `X-Reference-Id` or an X12 trace number is the key a caller makes for one request:
                    // like a lone `id`, the name does not say what it identifies.
                    await client.SendAsync(order, new() { Id = referenceId });
                    await client.SendAsync(order, new() { Id = reference });
                    await client.SendAsync(order, new() { Id = controlNum });
                    await client.SendAsync(order, new() { Id = request.TraceNumber });

                    // A reference named after a kind of object is that object's.
                    await client.SendAsync(order, new() { Id = {|#0:invoiceReference|} });
                }
            """),
            Bare(0, "The dedup id 'invoiceReference'", "$\"order-placed-{invoiceReference}\""));

    [Fact]
    public Task Meetings_groups_host_names_and_the_folders_of_stored_files_name_a_kept_thing()
        => V.AnalyzerAsync(Source("""
                public sealed record Group(string Id);
                public sealed record CustomDomain(string Hostname);

                public async Task Send(OrderPlaced order, string bookingId, Group target, string hostname, CustomDomain domain, string invoiceId, string userId, string group)
                {
                    // A consultation, an interview or a meeting is kept as an appointment is, and so is a group
                    // written in a literal: the word names the kind of what the id identifies.
                    await client.SendAsync(order, new() { Id = {|#0:$"consultation-{bookingId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"group-{target.Id}"|} });

                    // A host name is a domain's key, as a user name is a user's.
                    await client.SendAsync(order, new() { Id = {|#2:hostname|} });
                    await client.SendAsync(order, new() { Id = {|#3:domain.Hostname|} });

                    // A stored file's folder and its format say which invoice or user no more than its kind does.
                    await client.SendAsync(order, new() { Id = {|#4:$"invoices/{invoiceId}.pdf"|} });
                    await client.SendAsync(order, new() { Id = {|#5:$"avatar_{userId}"|} });

                    // Text named `group` is as often a label that sorts jobs (a Quartz job group): not read as kept.
                    await client.SendAsync(order, new() { Id = group });
                }
            """),
            Bare(0, "The dedup id '$\"consultation-{bookingId}\"'", "$\"order-placed-consultation-{bookingId}\""),
            Bare(1, "The dedup id '$\"group-{target.Id}\"'", "$\"order-placed-group-{target.Id}\""),
            Bare(2, "The dedup id 'hostname'", "$\"order-placed-{hostname}\""),
            Bare(3, "The dedup id 'domain.Hostname'", "$\"order-placed-{domain.Hostname}\""),
            Bare(4, "The dedup id '$\"invoices/{invoiceId}.pdf\"'", "$\"order-placed-invoices/{invoiceId}.pdf\""),
            Bare(5, "The dedup id '$\"avatar_{userId}\"'", "$\"order-placed-avatar_{userId}\""));

    [Fact]
    public Task Text_before_an_id_spelled_anew_names_the_kind_of_that_id()
        => V.AnalyzerAsync(Source("""
                public sealed record Ticket(string Id);

                public async Task Send(OrderPlaced order, Ticket ticket, string issuerId)
                {
                    // An id reformatted or cut short still says whose it is, so the text before it only names that kind.
                    await client.SendAsync(order, new() { Id = {|#0:$"ticket_{ticket.Id.Replace("-", "")}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{issuerId}.ticket_{ticket.Id.ToUpperInvariant()[..8]}"|} });

                    // Text naming another act stays a label.
                    await client.SendAsync(order, new() { Id = $"ticket-refund_{ticket.Id.Replace("-", "")}" });
                }
            """),
            Bare(0, "The dedup id '$\"ticket_{ticket.Id.Replace(\"-\", \"\")}\"'", "$\"order-placed-ticket_{ticket.Id.Replace(\"-\", \"\")}\""),
            Bare(1, "The dedup id '$\"{issuerId}.ticket_{ticket.Id.ToUpperInvariant()[..8]}\"'", "$\"order-placed-{issuerId}.ticket_{ticket.Id.ToUpperInvariant()[..8]}\""));

    [Fact]
    public Task A_mutation_id_and_an_operation_spelled_short_are_ids_of_one_write()
        => V.AnalyzerAsync(Source("""
                public sealed record MutationOptions(string ClientMutationId);
                public sealed record PublicationOp(string Id);
                public sealed record Shop(string Id);

                public async Task Send(OrderPlaced order, MutationOptions options, PublicationOp op, Shop shop, Guid mutationID, int chunkIndex)
                {
                    // A client mutation id is given to one write so that the server drops a repeat of it.
                    await client.SendAsync(order, new() { Id = options.ClientMutationId });
                    await client.SendAsync(order, new() { Id = mutationID.ToString() });
                    await client.SendAsync(order, new() { Id = $"{options.ClientMutationId}:chunk:{chunkIndex}" });

                    // An op is one operation, as a request or a command is.
                    await client.SendAsync(order, new() { Id = op.Id });

                    // A shop only ends in the same letters, and so does a name in capitals.
                    await client.SendAsync(order, new() { Id = {|#0:shop.Id|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{shop.Id}-{DROP_ID}"|} });
                }

                public string DROP_ID { get; set; } = "";
            """),
            Bare(0, "The dedup id 'shop.Id'", "$\"order-placed-{shop.Id}\""),
            Bare(1, "The dedup id '$\"{shop.Id}-{DROP_ID}\"'", "$\"order-placed-{shop.Id}-{DROP_ID}\""));

    [Fact]
    public Task Ids_joined_in_sorted_order_are_read_as_the_ids_they_are()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, string likerId, string likeeId, string eventName)
                {
                    // Two users joined in the same order from either side name the pair, as the two ids would.
                    var matchId = string.Join("_", new[] { likerId, likeeId }.OrderBy(x => x, StringComparer.Ordinal));
                    await client.SendAsync(order, new() { Id = {|#0:matchId|} });
                    await client.SendAsync(order, new() { Id = {|#1:string.Join(":", new[] { likeeId, likerId }.Order().ToArray())|} });

                    // A label among them still names the event.
                    await client.SendAsync(order, new() { Id = string.Join("_", new[] { eventName, likerId, likeeId }.OrderBy(x => x)) });
                }
            """),
            Bare(0, "The dedup id 'matchId'", "$\"order-placed-{matchId}\""),
            Bare(1, "The dedup id 'string.Join(\":\", new[] { likeeId, likerId }.Order().ToArray())'", "$\"order-placed-{string.Join(\":\", new[] { likeeId, likerId }.Order().ToArray())}\""));

    [Fact]
    public Task An_objects_own_uid_or_guid_is_its_id()
        => V.AnalyzerAsync(Source("""
                public sealed record Booking(string Uid);
                public sealed record FirebaseUser(string Uid);
                public sealed record ExportRequest(Guid Uuid);

                public async Task Send(OrderPlaced order, Booking booking, FirebaseUser user, ExportRequest request, string uid, string friendEmail)
                {
                    // A kept thing's own uid is its id, as `booking.Id` would be.
                    await client.SendAsync(order, new() { Id = {|#0:booking.Uid|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{user.Uid}_{friendEmail}"|} });

                    // A request's is one request's, and a lone `uid` may have been made for this send.
                    await client.SendAsync(order, new() { Id = request.Uuid.ToString() });
                    await client.SendAsync(order, new() { Id = uid });
                }
            """),
            Bare(0, "The dedup id 'booking.Uid'", "$\"order-placed-{booking.Uid}\""),
            Bare(1, "The dedup id '$\"{user.Uid}_{friendEmail}\"'", "$\"order-placed-{user.Uid}_{friendEmail}\""));

    [Fact]
    public Task Work_tools_and_drives_are_platforms_and_a_window_cut_in_steps_is_one_window()
        => V.AnalyzerAsync(Source("""
                public sealed record PurchaseOrder(string Id);
                public sealed record PictureBook(string Id);
                public sealed record Row(string UserId);

                public async Task Send(OrderPlaced order, PurchaseOrder po, PictureBook pictureBook, Row row, string issueId, string workspaceId, string meetingKey)
                {
                    // Linear, ClickUp, Attio, QuickBooks spelled short, Sanity and Google Drive are where the object
                    // lives, as Shopify is: every event about it shares the word.
                    await client.SendAsync(order, new() { Id = {|#0:$"linear:{workspaceId}:issue:{issueId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"qb-po-{po.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"drive-{pictureBook.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"attio-meeting:{meetingKey}"|} });

                    // Half an hour cut in steps (`/ 1000.0 / 60 / 30`) is one window, as `/ 1_800_000` is; five seconds
                    // cut so is none.
                    await client.SendAsync(order, new() { Id = $"github-activity-{row.UserId}-{Math.Floor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 / 60 / 30)}" });
                    await client.SendAsync(order, new() { Id = {|#4:$"github-activity-{row.UserId}-{Math.Floor(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 / 5)}"|} });
                }
            """),
            Bare(0, "The dedup id '$\"linear:{workspaceId}:issue:{issueId}\"'", "$\"order-placed-linear:{workspaceId}:issue:{issueId}\""),
            Bare(1, "The dedup id '$\"qb-po-{po.Id}\"'", "$\"order-placed-qb-po-{po.Id}\""),
            Bare(2, "The dedup id '$\"drive-{pictureBook.Id}\"'", "$\"order-placed-drive-{pictureBook.Id}\""),
            Bare(3, "The dedup id '$\"attio-meeting:{meetingKey}\"'", "$\"order-placed-attio-meeting:{meetingKey}\""),
            Volatile(4, "DateTimeOffset.UtcNow", "$\"order-placed-{order.OrderId}\""));

    [Fact]
    public Task Identity_billing_point_of_sale_delivery_and_social_platforms_say_where_the_object_lives()
        => V.AnalyzerAsync(Source("""
                public sealed record CloverOrder(string Id);

                public async Task Send(OrderPlaced order, CloverOrder cloverOrder, string userId, string orderId, string externalOrderId, string saleId, string postId)
                {
                    // Clerk, Lemon Squeezy spelled short, Square (and `sq`), Clover, DoorDash and Uber Eats name where the
                    // user, the order or the sale is kept, not what happened to it.
                    await client.SendAsync(order, new() { Id = {|#0:$"clerk_user_{userId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"lemon:order:{orderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"doordash:{externalOrderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"clover:{cloverOrder.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"sq_{saleId}"|} });

                    // Instagram and Facebook spelled short, as YouTube's `yt` is, and Threads.
                    await client.SendAsync(order, new() { Id = {|#5:$"ig-post-{postId}"|} });
                    await client.SendAsync(order, new() { Id = {|#6:$"threads-post-{postId}"|} });

                    // A word beside the platform's that names the act still names it.
                    await client.SendAsync(order, new() { Id = $"clerk-welcome-{userId}" });
                }
            """),
            Bare(0, "The dedup id '$\"clerk_user_{userId}\"'", "$\"order-placed-clerk_user_{userId}\""),
            Bare(1, "The dedup id '$\"lemon:order:{orderId}\"'", "$\"order-placed-lemon:order:{orderId}\""),
            Bare(2, "The dedup id '$\"doordash:{externalOrderId}\"'", "$\"order-placed-doordash:{externalOrderId}\""),
            Bare(3, "The dedup id '$\"clover:{cloverOrder.Id}\"'", "$\"order-placed-clover:{cloverOrder.Id}\""),
            Bare(4, "The dedup id '$\"sq_{saleId}\"'", "$\"order-placed-sq_{saleId}\""),
            Bare(5, "The dedup id '$\"ig-post-{postId}\"'", "$\"order-placed-ig-post-{postId}\""),
            Bare(6, "The dedup id '$\"threads-post-{postId}\"'", "$\"order-placed-threads-post-{postId}\""));

    [Fact]
    public Task Booking_fitness_and_error_tracking_platforms_say_where_the_object_lives()
        => V.AnalyzerAsync(Source("""
                public sealed record Issue(string Id, string ShortId);

                public async Task Send(OrderPlaced order, Issue i, string appointmentId, string deviceId)
                {
                    // Acuity's appointment, a Garmin device and a Sentry issue are kept where the platform keeps them;
                    // the platform's name says where, not what happened to them.
                    await client.SendAsync(order, new() { Id = {|#0:$"acuity:{appointmentId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"garmin-{deviceId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"sentry:{i.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"sentry:{i.ShortId}"|} });

                    // A word beside the platform's that names the act still names it.
                    await client.SendAsync(order, new() { Id = $"sentry-triage:{i.Id}" });
                    await client.SendAsync(order, new() { Id = $"acuity-reschedule:{appointmentId}" });
                }
            """),
            Bare(0, "The dedup id '$\"acuity:{appointmentId}\"'", "$\"order-placed-acuity:{appointmentId}\""),
            Bare(1, "The dedup id '$\"garmin-{deviceId}\"'", "$\"order-placed-garmin-{deviceId}\""),
            Bare(2, "The dedup id '$\"sentry:{i.Id}\"'", "$\"order-placed-sentry:{i.Id}\""),
            Bare(3, "The dedup id '$\"sentry:{i.ShortId}\"'", "$\"order-placed-sentry:{i.ShortId}\""));

    private const string Reminders = """
                public sealed record Reminder(string Id);
                public sealed record Booking(string Id);

                public async Task Send(OrderPlaced order, Reminder reminder, Booking booking, string reminderId)
                {
                    // A reminder an app keeps (rescheduled, snoozed, cancelled) is identified by its id, as an order is.
                    await client.SendAsync(order, new() { Id = {|#0:reminder.Id|} });
                    await client.SendAsync(order, new() { Id = {|#1:reminderId|} });

                    // Written in the id's text, a reminder names the message sent about the booking or the meeting.
                    await client.SendAsync(order, new() { Id = $"reminder-{booking.Id}" });
                    await client.SendAsync(order, new() { Id = $"meeting-reminder:{reminder.Id}" });
                }
            """;

    [Fact]
    public Task A_reminder_row_is_kept_and_a_reminder_written_in_the_id_names_the_message()
        => V.AnalyzerAsync(Source(Reminders),
            Bare(0, "The dedup id 'reminder.Id'", "$\"order-placed-{reminder.Id}\""),
            Bare(1, "The dedup id 'reminderId'", "$\"order-placed-{reminderId}\""));

    [Fact]
    public Task A_project_whose_reminders_are_sent_once_says_so_in_editorconfig()
        => V.AnalyzerAsync(Source(Reminders), "inngest.dedup_id.occurrence_words = reminder");

    [Fact]
    public Task An_id_spelled_UUID_names_its_object_and_the_start_of_a_period_says_which_one()
        => V.AnalyzerAsync(Source("""
                public sealed record StoreNotification(string NotificationUUID);
                public sealed record Subscription(string Id, long CurrentPeriodStart, long BillingCycleEnd);

                public async Task Send(OrderPlaced order, StoreNotification payload, Subscription subscription, string userUID)
                {
                    // `UUID` in capitals ends the name as `Id` does: a notification's is one notification's.
                    await client.SendAsync(order, new() { Id = payload.NotificationUUID });
                    await client.SendAsync(order, new() { Id = {|#0:userUID|} });

                    // The start or the end of a period, held as a number, says which month of the subscription.
                    await client.SendAsync(order, new() { Id = $"subscription-{subscription.Id}-{subscription.CurrentPeriodStart}" });
                    await client.SendAsync(order, new() { Id = $"{subscription.Id}:{subscription.BillingCycleEnd}" });
                }
            """),
            Bare(0, "The dedup id 'userUID'", "$\"order-placed-{userUID}\""));

    [Fact]
    public Task Platform_words_kept_things_named_locals_job_names_cycles_and_svix_ids_are_read()
        => V.AnalyzerAsync(Source("""
                public sealed record Order(string Id);
                public sealed record Schedule(string Name, string JobName);
                public sealed record KafkaRecord(byte[] Key);
                public sealed record Reward(string ProgramId, string PaymentCycle);

                public async Task Send(OrderPlaced order, Order shopOrder, KafkaRecord record, Schedule schedule, Reward reward, string svixId, string postId, string leadId)
                {
                    // A platform's name says where the object lives, not what happened to it.
                    await client.SendAsync(order, new() { Id = {|#0:$"shopify:order:{shopOrder.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"reddit-{postId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"sheets:{leadId}"|} });

                    // A local named as a kept thing's identity is what its name says when its value cannot be read.
                    var orderID = System.Text.Encoding.UTF8.GetString(record.Key);
                    await client.SendAsync(order, new() { Id = {|#2:"order-" + orderID|} });

                    // Not a local named after another identity, which may be one run's; not a job's name held in a
                    // variable; not a cycle (a period); not a Svix id (one delivered message).
                    var pipelineId = System.Text.Encoding.UTF8.GetString(record.Key);
                    await client.SendAsync(order, new() { Id = pipelineId });
                    await client.SendAsync(order, new() { Id = schedule.Name });
                    await client.SendAsync(order, new() { Id = schedule.JobName });
                    await client.SendAsync(order, new() { Id = reward.ProgramId + "-" + reward.PaymentCycle });
                    await client.SendAsync(order, new() { Id = $"svix:{svixId}" });
                }
            """),
            Bare(0, "The dedup id '$\"shopify:order:{shopOrder.Id}\"'", "$\"order-placed-shopify:order:{shopOrder.Id}\""),
            Bare(1, "The dedup id '$\"reddit-{postId}\"'", "$\"order-placed-reddit-{postId}\""),
            Bare(2, "The dedup id '\"order-\" + orderID'", "\"order-placed-\" + orderID"),
            Bare(3, "The dedup id '$\"sheets:{leadId}\"'", "$\"order-placed-sheets:{leadId}\""));

    [Fact]
    public Task A_name_based_uuid_is_read_as_its_name_and_a_fixed_namespace_says_nothing()
        => V.AnalyzerAsync(Source("""
                public static class Uuid
                {
                    public static readonly Guid NamespaceUrl = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
                    public static Guid Uuid5(Guid ns, string name) => new(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(ns + name))[..16]);
                    public static string Uuidv5(string name, string ns) => Uuid5(Guid.Parse(ns), name).ToString();
                }

                private const string Url = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
                private const string ContractVersion = "v2";

                public async Task Send(OrderPlaced order, string orderId, Guid evidenceId, Guid runId, string itemId, string sfnExecId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:Uuid.Uuid5(Uuid.NamespaceUrl, orderId).ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#1:Uuid.Uuidv5(orderId, Url)|} });

                    // A constant that is no UUID is a name; a namespace that varies is read; an exec is one execution.
                    await client.SendAsync(order, new() { Id = Uuid.Uuid5(evidenceId, ContractVersion).ToString() });
                    await client.SendAsync(order, new() { Id = Uuid.Uuid5(runId, itemId).ToString() });
                    await client.SendAsync(order, new() { Id = Uuid.Uuid5(Uuid.NamespaceUrl, $"order-confirmed:{orderId}").ToString() });
                    await client.SendAsync(order, new() { Id = sfnExecId });
                }
            """),
            Bare(0, "The dedup id 'Uuid.Uuid5(Uuid.NamespaceUrl, orderId).ToString()'", "$\"order-placed-{Uuid.Uuid5(Uuid.NamespaceUrl, orderId)}\""),
            Bare(1, "The dedup id 'Uuid.Uuidv5(orderId, Url)'", "$\"order-placed-{Uuid.Uuidv5(orderId, Url)}\""));

    [Fact]
    public Task Entries_read_with_GetValueOrDefault_and_values_read_through_a_null_check_are_read_and_a_named_constant_is_a_label()
        => V.AnalyzerAsync(Source("""
                private const string SourceIdPrefix = "tenant:";
                public sealed class Document : System.Collections.Generic.Dictionary<string, object>
                {
                    public object? GetValueOrDefault(string key) => TryGetValue(key, out var value) ? value : null;
                }

                public async Task Send(OrderPlaced order, Document exam, System.Collections.Generic.Dictionary<string, string> data, string tenantId, string taskIdentifier, string ticketId, string ingestionId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:exam.GetValueOrDefault("_id")?.ToString()|} });
                    await client.SendAsync(order, new() { Id = {|#1:System.Collections.Generic.CollectionExtensions.GetValueOrDefault(data, "customer_id", "")|} });
                    await client.SendAsync(order, new() { Id = {|#2:"tenant:" + tenantId|} });

                    // A prefix held in a constant is a label whatever it holds; a task's identifier names the task; an
                    // ingestion is one run of work.
                    await client.SendAsync(order, new() { Id = SourceIdPrefix + tenantId });
                    await client.SendAsync(order, new() { Id = $"{taskIdentifier}:{ticketId}" });
                    await client.SendAsync(order, new() { Id = ingestionId });
                }
            """),
            Bare(0, "The dedup id 'exam.GetValueOrDefault(\"_id\")?.ToString()'", "$\"order-placed-{exam.GetValueOrDefault(\"_id\")?.ToString()}\""),
            Bare(1, "The dedup id 'System.Collections.Generic.CollectionExtensions.GetValueOrDefault(data, \"customer_id\", \"\")'", "$\"order-placed-{System.Collections.Generic.CollectionExtensions.GetValueOrDefault(data, \"customer_id\", \"\")}\""),
            Bare(2, "The dedup id '\"tenant:\" + tenantId'", "\"order-placed-tenant:\" + tenantId"));

    [Fact]
    public Task Plural_kinds_and_query_string_separators_name_no_event_and_an_audit_is_one_run()
        => V.AnalyzerAsync(Source("""
                public sealed record Audit(Guid Id);

                public async Task Send(OrderPlaced order, string userId, string clientId, string serverId, Audit audit)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"user_orders_{userId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"customer={clientId}&server={serverId}"|} });
                    await client.SendAsync(order, new() { Id = audit.Id.ToString() });
                    await client.SendAsync(order, new() { Id = $"user_orders_shipped_{userId}" });
                }
            """),
            Bare(0, "The dedup id '$\"user_orders_{userId}\"'", "$\"order-placed-user_orders_{userId}\""),
            Bare(1, "The dedup id '$\"customer={clientId}&server={serverId}\"'", "$\"order-placed-customer={clientId}&server={serverId}\""));

    [Fact]
    public Task String_Format_reads_as_an_interpolation_and_who_did_it_names_a_user_and_a_hash_of_a_body_is_a_key()
        => V.AnalyzerAsync(Source("""
                private const string WorkflowIdFormat = "customer-{0}";
                public sealed record StoredFile(long CreatedBy);
                private static string Sha256(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

                public async Task Send(OrderPlaced order, string customerId, string userId, StoredFile file, string rawBody)
                {
                    await client.SendAsync(order, new() { Id = {|#0:string.Format("customer-{0}:{1,8}", customerId, userId)|} });
                    await client.SendAsync(order, new() { Id = {|#1:file.CreatedBy.ToString()|} });

                    // Text that names the event, a format held in a constant, a hash of a body held in a lone `id`.
                    await client.SendAsync(order, new() { Id = string.Format("customer-welcomed-{0}", customerId) });
                    await client.SendAsync(order, new() { Id = string.Format(WorkflowIdFormat, customerId) });
                    var id = Sha256(rawBody);
                    await client.SendAsync(order, new() { Id = "order-" + id });
                }
            """),
            Bare(0, "The dedup id 'string.Format(\"customer-{0}:{1,8}\", customerId, userId)'", "$\"order-placed-{string.Format(\"customer-{0}:{1,8}\", customerId, userId)}\""),
            Bare(1, "The dedup id 'file.CreatedBy.ToString()'", "$\"order-placed-{file.CreatedBy}\""));

    [Fact]
    public Task Which_template_or_revision_a_minute_a_window_through_a_local_and_a_collapse_key_say_which_one_and_a_chat_is_kept()
        => V.AnalyzerAsync(Source("""
                public sealed class EmailTemplate { public string Id { get; set; } = ""; }
                private const long CooldownMs = 5 * 60 * 1000;

                public async Task Send(OrderPlaced order, EmailTemplate template, string email, string conceptId, string revisionId, string bucket, long minute, string sourceId, string apnsCollapseId, string responseId, string room, string friendId)
                {
                    // Which email, which revision, which minute, which window (the clock read through a local), a key
                    // made to fold notifications into one, one response: each says which one.
                    await client.SendAsync(order, new() { Id = $"{template.Id}_{email}" });
                    await client.SendAsync(order, new() { Id = $"{conceptId}:{revisionId}" });
                    await client.SendAsync(order, new() { Id = $"{bucket}-{minute}" });
                    var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    await client.SendAsync(order, new() { Id = $"{sourceId}-{Math.Floor((double)now / CooldownMs)}" });
                    await client.SendAsync(order, new() { Id = apnsCollapseId });
                    await client.SendAsync(order, new() { Id = $"chat-response:{responseId}" });

                    // A chat and a room are kept things: their kind names no event.
                    await client.SendAsync(order, new() { Id = {|#0:$"chat-{room}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"chat:{friendId}"|} });
                }
            """),
            Bare(0, "The dedup id '$\"chat-{room}\"'", "$\"order-placed-chat-{room}\""),
            Bare(1, "The dedup id '$\"chat:{friendId}\"'", "$\"order-placed-chat:{friendId}\""));

    [Fact]
    public Task Text_spelling_the_whole_type_a_business_short_spellings_and_recurring_name_no_event()
        => V.AnalyzerAsync(Source("""
                public sealed class ScheduledTransfer { public int Pk { get; set; } }
                public sealed class Business { public Guid Id { get; set; } }
                public sealed class OrderShipped { public string Id { get; set; } = ""; }

                public async Task Send(OrderPlaced order, ScheduledTransfer sched, Business business, string workspaceId, OrderShipped item)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"scheduled_transfer_{sched.Pk}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"cust-{business.Id:N}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"recurring:{workspaceId}"|} });

                    // A type named after what happened names the event; other words still name it.
                    await client.SendAsync(order, new() { Id = $"order_shipped_{item.Id}" });
                    await client.SendAsync(order, new() { Id = $"scheduled_transfer_run_{sched.Pk}" });
                }
            """),
            Bare(0, "The dedup id '$\"scheduled_transfer_{sched.Pk}\"'", "$\"order-placed-scheduled_transfer_{sched.Pk}\""),
            Bare(1, "The dedup id '$\"cust-{business.Id:N}\"'", "$\"order-placed-cust-{business.Id:N}\""),
            Bare(2, "The dedup id '$\"recurring:{workspaceId}\"'", "$\"order-placed-recurring:{workspaceId}\""));

    [Fact]
    public Task Own_members_are_read_by_name_windows_cut_by_helpers_name_a_period_and_readings_and_event_guids_are_occurrences()
        => V.AnalyzerAsync(Source("""
                private int _messageGroupId;
                public string DropId { get; set; } = "";
                public sealed record Reading(string Id);
                public sealed record SecurityEvent(string Guid);
                public sealed record Envelope(SecurityEvent Event);
                private const int Interval = 60;
                private static long IntervalNumber(DateTime when, int interval) => new DateTimeOffset(when).ToUnixTimeSeconds() / interval;
                private static DateTimeOffset Round(DateTimeOffset t, TimeSpan d) => new(new DateTime((t.Ticks + d.Ticks / 2) / d.Ticks * d.Ticks), TimeSpan.Zero);

                public async Task Send(OrderPlaced order, string memberId, Reading reading, Envelope envelope, TimeSpan factor, string shard)
                {
                    // The sending object's own identities, read by their names.
                    await client.SendAsync(order, new() { Id = {|#0:_orderId|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{memberId}-{DropId}"|} });

                    // A counter the method moves on, a reading taken once, an event's GUID, windows cut by helpers.
                    await client.SendAsync(order, new() { Id = _messageGroupId.ToString() });
                    _messageGroupId += 1;
                    await client.SendAsync(order, new() { Id = reading.Id });
                    await client.SendAsync(order, new() { Id = envelope.Event.Guid });
                    await client.SendAsync(order, new() { Id = $"flush-{IntervalNumber(DateTime.Now, Interval)}" });
                    var eta = Round(DateTimeOffset.UtcNow.Add(factor), factor);
                    await client.SendAsync(order, new() { Id = $"{eta.ToUnixTimeSeconds()}_{shard}" });
                }
            """),
            Bare(0, "The dedup id '_orderId'", "$\"order-placed-{_orderId}\""),
            Bare(1, "The dedup id '$\"{memberId}-{DropId}\"'", "$\"order-placed-{memberId}-{DropId}\""));

    [Fact]
    public Task A_storage_key_is_an_address_and_a_local_named_as_an_address_is_what_its_name_says()
        => V.AnalyzerAsync(Source("""
                private static System.Collections.Generic.List<string> NewKeys(string bucket) => new();

                public async Task Send(OrderPlaced order, string objectKey, string directory, string name, string idempotencyKey)
                {
                    foreach (var s3Key in NewKeys("uploads"))
                    {
                        await client.SendAsync(order, new() { Id = {|#0:s3Key|} });
                    }

                    await client.SendAsync(order, new() { Id = {|#1:$"{objectKey}"|} });
                    var filePath = System.IO.Path.Combine(directory, name);
                    await client.SendAsync(order, new() { Id = {|#2:filePath|} });

                    // Other keys are made for deduplication.
                    await client.SendAsync(order, new() { Id = idempotencyKey });
                    var cacheKey = System.IO.Path.Combine(directory, name);
                    await client.SendAsync(order, new() { Id = cacheKey });
                }
            """),
            Bare(0, "The dedup id 's3Key'", "$\"order-placed-{s3Key}\""),
            Bare(1, "The dedup id '$\"{objectKey}\"'", "$\"order-placed-{objectKey}\""),
            Bare(2, "The dedup id 'filePath'", "$\"order-placed-{filePath}\""));

    [Fact]
    public Task A_name_of_several_words_names_its_kind_by_the_last_and_a_collection_names_its_elements()
        => V.AnalyzerAsync(Source("""
                public sealed record Booking(string Id);
                public sealed record Request(string ScanManifestId, string ProviderMediaId);

                public async Task Send(OrderPlaced order, Booking? updatedBookingData, Booking[] bookings, Request request, string appointmentId, string siteId, string conversationId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"booking-{updatedBookingData?.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"bookings_{bookings[0].Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"media:{request.ProviderMediaId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"appt-{appointmentId}"|} });

                    // What an occurrence made is the occurrence's (one scan's manifest); a longer word that starts with
                    // the identity's name is another thing (a site's sitemap).
                    await client.SendAsync(order, new() { Id = $"manifest-{request.ScanManifestId}" });
                    await client.SendAsync(order, new() { Id = $"sitemap-{siteId}" });

                    // A shortening keeps the first two letters: a CSAT survey is no conversation.
                    await client.SendAsync(order, new() { Id = $"csat__{conversationId}" });
                }
            """),
            Bare(0, "The dedup id '$\"booking-{updatedBookingData?.Id}\"'", "$\"order-placed-booking-{updatedBookingData?.Id}\""),
            Bare(1, "The dedup id '$\"bookings_{bookings[0].Id}\"'", "$\"order-placed-bookings_{bookings[0].Id}\""),
            Bare(2, "The dedup id '$\"media:{request.ProviderMediaId}\"'", "$\"order-placed-media:{request.ProviderMediaId}\""),
            Bare(3, "The dedup id '$\"appt-{appointmentId}\"'", "$\"order-placed-appt-{appointmentId}\""));

    [Fact]
    public Task Carts_bookings_courses_and_videos_are_kept_and_a_send_or_a_mention_happens_once()
        => V.AnalyzerAsync(Source("""
                public sealed record Invitation(string Id, int SendCount);

                public async Task Send(OrderPlaced order, string userId, string orgId, string repoFullName, string enrollmentId, string contentId, string mentionId, string campaignSendId, Invitation row)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"cart:{userId}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"{orgId}-{repoFullName}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"course-{enrollmentId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"video-{contentId}"|} });

                    await client.SendAsync(order, new() { Id = $"mention-{mentionId}" });
                    await client.SendAsync(order, new() { Id = $"campaign-{campaignSendId}" });
                    await client.SendAsync(order, new() { Id = $"invitation-{row.Id}-{row.SendCount}" });
                }
            """),
            Bare(0, "The dedup id '$\"cart:{userId}\"'", "$\"order-placed-cart:{userId}\""),
            Bare(1, "The dedup id '$\"{orgId}-{repoFullName}\"'", "$\"order-placed-{orgId}-{repoFullName}\""),
            Bare(2, "The dedup id '$\"course-{enrollmentId}\"'", "$\"order-placed-course-{enrollmentId}\""),
            Bare(3, "The dedup id '$\"video-{contentId}\"'", "$\"order-placed-video-{contentId}\""));

    [Fact]
    public Task A_compound_names_its_last_word_initials_name_a_kind_and_a_commit_is_named_by_its_sha()
        => V.AnalyzerAsync(Source("""
                public sealed record Payslip(string Id);
                public sealed record PullRequest(long Id);
                public sealed record Commit(string Sha);
                public sealed record Head(string Sha);

                public async Task Send(OrderPlaced order, Payslip slip, PullRequest pullRequest, Commit commit, Head head, string repositoryId, string withdrawalId, string id)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"payslip-{slip.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"pr-{pullRequest.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"commit-{commit.Sha}-{repositoryId}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"wallet-{id}"|} });

                    // A withdrawal is money moved once; the sha of a head is one version of what it heads.
                    await client.SendAsync(order, new() { Id = $"withdrawal-{withdrawalId}" });
                    await client.SendAsync(order, new() { Id = $"{repositoryId}@{head.Sha}" });
                }
            """),
            Bare(0, "The dedup id '$\"payslip-{slip.Id}\"'", "$\"order-placed-payslip-{slip.Id}\""),
            Bare(1, "The dedup id '$\"pr-{pullRequest.Id}\"'", "$\"order-placed-pr-{pullRequest.Id}\""),
            Bare(2, "The dedup id '$\"commit-{commit.Sha}-{repositoryId}\"'", "$\"order-placed-commit-{commit.Sha}-{repositoryId}\""),
            Bare(3, "The dedup id '$\"wallet-{id}\"'", "$\"order-placed-wallet-{id}\""));

    [Fact]
    public Task A_number_that_identifies_an_object_names_its_kind_and_a_step_number_counts_steps()
        => V.AnalyzerAsync(Source("""
                public sealed record Receipt(string ReceiptNumber);

                public async Task Send(OrderPlaced order, Receipt receipt, string enrollmentId, int stepNumber)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"receipt:{receipt.ReceiptNumber}"|} });

                    // Which step of a sequence says which message, as an attempt number does.
                    await client.SendAsync(order, new() { Id = $"enrollment-{enrollmentId}-step-{stepNumber}" });
                }
            """),
            Bare(0, "The dedup id '$\"receipt:{receipt.ReceiptNumber}\"'", "$\"order-placed-receipt:{receipt.ReceiptNumber}\""));

    [Fact]
    public Task A_type_names_the_kind_of_its_own_id_a_lone_id_is_named_by_the_sent_data_and_area_acronyms_name_no_event()
        => V.AnalyzerAsync(Source("""
                public sealed class Survey { public string Id { get; set; } = ""; }
                public sealed class SurveyRow { public string Id { get; set; } = ""; }
                public sealed class ScanManifest { public string Id { get; set; } = ""; }

                public async Task Send(OrderPlaced order, Survey s, SurveyRow r, ScanManifest m, string enrollmentId, string id, string userId, string appName, string vodId)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"survey:{s.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"survey:{r.Id}:{enrollmentId}"|} });
                    await client.SendAsync(new TrackQueued(id), new() { Id = {|#2:$"track-{id}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"kyc-{userId}"|} });
                    await client.SendAsync(order, new() { Id = {|#4:$"vod-{appName}-{vodId}"|} });

                    // What a scan made is that scan's; a lone id the data does not name stays unknown.
                    await client.SendAsync(order, new() { Id = $"manifest-{m.Id}" });
                    await client.SendAsync(order, new() { Id = $"track-{id}" });
                }
            """, """
            [Event("radio/track.queued")] public partial record TrackQueued(string TrackId);
            """),
            Bare(0, "The dedup id '$\"survey:{s.Id}\"'", "$\"order-placed-survey:{s.Id}\""),
            Bare(1, "The dedup id '$\"survey:{r.Id}:{enrollmentId}\"'", "$\"order-placed-survey:{r.Id}:{enrollmentId}\""),
            Bare(2, "The dedup id '$\"track-{id}\"'", "$\"track-queued-{id}\""),
            Bare(3, "The dedup id '$\"kyc-{userId}\"'", "$\"order-placed-kyc-{userId}\""),
            Bare(4, "The dedup id '$\"vod-{appName}-{vodId}\"'", "$\"order-placed-vod-{appName}-{vodId}\""));

    [Fact]
    public Task A_foreach_variable_is_an_element_a_parsed_value_is_the_value_and_a_kept_source_is_named_by_its_word()
        => V.AnalyzerAsync(Source("""
                public sealed class Listing { public string _id { get; set; } = ""; }
                public sealed class Source { public string Id { get; set; } = ""; }
                public sealed class Generation { public string Id { get; set; } = ""; }

                public async Task Walk(OrderPlaced order, int[] feedIds)
                {
                    foreach (var id in feedIds)
                    {
                        await client.SendAsync(order, new() { Id = {|#0:$"feed_{id}"|} });
                    }
                }

                public async Task Send(OrderPlaced order, string id, Listing listing, Source source, Generation generation)
                {
                    await client.SendAsync(new ReportQueued(int.Parse(id)), new() { Id = {|#1:$"report-{id}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:$"listing-{listing._id}"|} });
                    await client.SendAsync(order, new() { Id = {|#3:$"source:{source.Id}"|} });

                    // A generation is counted, as an attempt is.
                    await client.SendAsync(order, new() { Id = $"generation-{generation.Id}" });
                }
            """, """
            [Event("reports/report.queued")] public partial record ReportQueued(int ReportId);
            """),
            Bare(0, "The dedup id '$\"feed_{id}\"'", "$\"order-placed-feed_{id}\""),
            Bare(1, "The dedup id '$\"report-{id}\"'", "$\"report-queued-{id}\""),
            Bare(2, "The dedup id '$\"listing-{listing._id}\"'", "$\"order-placed-listing-{listing._id}\""),
            Bare(3, "The dedup id '$\"source:{source.Id}\"'", "$\"order-placed-source:{source.Id}\""));

    [Fact]
    public Task Kept_words_camel_case_words_keys_of_kept_things_and_run_together_ids_name_objects()
        => V.AnalyzerAsync(Source("""
                public sealed class Subscription { public string Id { get; set; } = ""; }
                public sealed class Tenant { public string Key { get; set; } = ""; public string GetTenantKey() => Key; }
                public sealed class Driver { public string Id { get; set; } = ""; }

                public async Task Send(OrderPlaced order, Subscription subscription, Tenant tenant, string accountKey, string projectid, string urlHash, string lockKey, string paid, string orderNumber, Driver driver)
                {
                    var messageDeduplicationId = orderNumber;
                    await client.SendAsync(order, new() { Id = {|#6:messageDeduplicationId|} });
                    await client.SendAsync(order, new() { Id = {|#0:$"feed-{subscription.Id}"|} });
                    await client.SendAsync(order, new() { Id = {|#1:$"OrderJob{order.OrderId}"|} });
                    await client.SendAsync(order, new() { Id = {|#2:accountKey|} });
                    await client.SendAsync(order, new() { Id = {|#3:tenant.GetTenantKey()|} });
                    await client.SendAsync(order, new() { Id = {|#4:projectid|} });
                    await client.SendAsync(order, new() { Id = {|#5:urlHash|} });

                    // A word run together with an act names the act; a key named for what it locks is made for that.
                    await client.SendAsync(order, new() { Id = $"OrderPaid{order.OrderId}" });
                    await client.SendAsync(order, new() { Id = lockKey });
                    await client.SendAsync(order, new() { Id = paid });

                    // A location before an id is mostly what a job updates about the object (a driver's position), not a place kept.
                    await client.SendAsync(order, new() { Id = $"location-{driver.Id}" });
                }

                // The clock rounded down to a period the caller gives names the period, as the clock divided by it does.
                public async Task Digest(OrderPlaced order, TimeSpan period)
                    => await client.SendAsync(order, new() { Id = $"digest:{order.OrderId}:{PeriodStart(period)}" });

                private static string PeriodStart(TimeSpan period)
                {
                    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                    var seconds = (long)period.TotalSeconds;
                    return (now - now % seconds).ToString();
                }
            """),
            Bare(0, "The dedup id '$\"feed-{subscription.Id}\"'", "$\"order-placed-feed-{subscription.Id}\""),
            Bare(1, "The dedup id '$\"OrderJob{order.OrderId}\"'", "$\"order-placed-OrderJob{order.OrderId}\""),
            Bare(2, "The dedup id 'accountKey'", "$\"order-placed-{accountKey}\""),
            Bare(3, "The dedup id 'tenant.GetTenantKey()'", "$\"order-placed-{tenant.GetTenantKey()}\""),
            Bare(4, "The dedup id 'projectid'", "$\"order-placed-{projectid}\""),
            Bare(5, "The dedup id 'urlHash'", "$\"order-placed-{urlHash}\""),
            Bare(6, "The dedup id 'messageDeduplicationId'", "$\"order-placed-{messageDeduplicationId}\""));

    [Fact]
    public Task A_getter_without_arguments_reads_as_the_property_it_names()
        => V.AnalyzerAsync(Source("""
                public sealed class Order { public string Id { get; set; } = ""; }
                public sealed class OrderConfirmed { public Order Order { get; set; } = new(); public Order GetOrder() => Order; }

                public async Task Send(OrderPlaced order, OrderConfirmed confirmed)
                {
                    await client.SendAsync(order, new() { Id = {|#0:$"order-{confirmed.GetOrder().Id}"|} });

                    // A call given arguments is a helper's result, not a getter.
                    await client.SendAsync(order, new() { Id = $"order-{Find(confirmed).Id}" });
                }

                private static Order Find(OrderConfirmed confirmed) => confirmed.Order;
            """),
            Bare(0, "The dedup id '$\"order-{confirmed.GetOrder().Id}\"'", "$\"order-placed-{confirmed.GetOrder().Id}\""));

    [Fact]
    public Task A_moment_counted_in_a_unit_a_history_and_an_object_made_for_deduplication_say_which_occurrence()
        => V.AnalyzerAsync(Source("""
                public sealed class Order { public string Id { get; set; } = ""; }
                public sealed class WorkflowHistoryRow { public Guid Id { get; set; } }
                public sealed class Dedupe { public string Id { get; set; } = ""; }

                public async Task Send(OrderPlaced placed, Order order, long updatedAtMs, string userId, string historyId, WorkflowHistoryRow[] rows, Dedupe dedupe)
                {
                    await client.SendAsync(placed, new() { Id = $"{order.Id}-{updatedAtMs}" });
                    await client.SendAsync(placed, new() { Id = $"{userId}_{historyId}" });
                    await client.SendAsync(placed, new() { Id = rows[0].Id.ToString() });
                    await client.SendAsync(placed, new() { Id = dedupe.Id });
                }
            """));

    [Fact]
    public Task A_local_named_for_deduplication_is_read_through_when_all_it_holds_can_be_read()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order, string connectionId, string orderId, string dedupKey)
                {
                    var idempotencyKey = $"shopify-order:{connectionId}:{orderId}";
                    await client.SendAsync(order, new() { Id = {|#0:idempotencyKey|} });

                    // Text that names the event, or a key the rule cannot read, keeps the name's word.
                    var deduplicationId = $"order-paid:{orderId}";
                    await client.SendAsync(order, new() { Id = deduplicationId });
                    var idempotencyKeyOfCaller = $"{connectionId}:{dedupKey}";
                    await client.SendAsync(order, new() { Id = idempotencyKeyOfCaller });
                }
            """),
            Bare(0, "The dedup id 'idempotencyKey'", "$\"order-placed-{idempotencyKey}\""));

    [Fact]
    public Task A_lone_key_walking_a_list_is_the_kind_of_key_the_list_holds()
        => V.AnalyzerAsync(Source("""
                public async Task Walk(OrderPlaced order, string[] s3Keys, string[] idempotencyKeys)
                {
                    foreach (var key in s3Keys)
                    {
                        await client.SendAsync(order, new() { Id = {|#0:key|} });
                    }

                    // Keys made for deduplication stay keys.
                    foreach (var key in idempotencyKeys)
                    {
                        await client.SendAsync(order, new() { Id = key });
                    }
                }
            """),
            Bare(0, "The dedup id 'key'", "$\"order-placed-{key}\""));

    [Fact]
    public Task Clock_read_inside_a_step_is_stored_and_not_volatile()
        => V.AnalyzerAsync(Source("""
                public async Task Send(OrderPlaced order)
                {
                    var stamp = await step.RunAsync("stamp", () => DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                    await step.SendEventAsync("send-order", order, new() { Id = $"order-placed-{order.OrderId}-{stamp}" });
                    var token = await step.RunAsync("token", () => Guid.NewGuid().ToString("N"));
                    await step.SendEventAsync("send-order-2", order, new() { Id = "order-placed-" + token });
                }
            """));
}
