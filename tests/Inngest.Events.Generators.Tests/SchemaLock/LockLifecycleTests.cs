using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.SchemaLock;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>
/// The lock over an event's life: no lock (rules off), events missing from it and locked events whose type is gone
/// (INNG1022), version bumps (the old versions' schemas are kept), determinism, and shared contracts in a referenced library.
/// </summary>
public sealed class LockLifecycleTests
{
    private const string OrderPlacedV1 = "[Event(\"shop/order.placed\", Version = \"1\")] public partial record OrderPlaced(string OrderId, int Quantity);";
    private const string OrderPlacedV2 = "[Event(\"shop/order.placed\", Version = \"2\")] public partial record OrderPlaced(string OrderId, string Quantity, decimal Total);";

    [Fact]
    public async Task Without_a_lock_file_the_rules_are_off()
    {
        Assert.Empty(await LockHarness.AnalyzeAsync(null, OrderPlacedV2, "[Event(\"shop/order.shipped\")] public partial record OrderShipped(string OrderId);"));
    }

    [Fact]
    public async Task An_event_missing_from_the_lock_is_a_warning_and_an_empty_file_is_an_empty_lock()
    {
        var lockText = LockHarness.Lock(OrderPlacedV1);
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(lockText, OrderPlacedV1, "[Event(\"shop/order.shipped\")] public partial record OrderShipped(string OrderId);"));
        Assert.Equal(DiagnosticIds.EventLockEntryMismatch, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("The event type 'OrderShipped' ('shop/order.shipped') is not in inngest-events.lock.json", diagnostic.GetMessage(), StringComparison.Ordinal);

        var all = await LockHarness.AnalyzeAsync(string.Empty, OrderPlacedV1, "[Event(\"shop/order.shipped\")] public partial record OrderShipped(string OrderId);");
        Assert.Equal([DiagnosticIds.EventLockEntryMismatch, DiagnosticIds.EventLockEntryMismatch], all.Select(d => d.Id));
    }

    [Fact]
    public async Task A_locked_event_whose_type_is_gone_is_a_warning_in_the_lock_file()
    {
        var lockText = LockHarness.Lock(OrderPlacedV1, "[Event(\"shop/order.shipped\")] public partial record OrderShipped(string OrderId);");
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(lockText, OrderPlacedV1));
        Assert.Equal(DiagnosticIds.EventLockEntryMismatch, diagnostic.Id);
        Assert.Equal(LockHarness.LockPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("\"shop/order.shipped\"", lockText.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains("locks the event 'shop/order.shipped' (type 'Acme.Shop.OrderShipped'), but no [Event] type of this project declares it", diagnostic.GetMessage(), StringComparison.Ordinal);

        // Updating removes it.
        var updated = LockHarness.Update(lockText, OrderPlacedV1);
        Assert.DoesNotContain("shop/order.shipped", updated, StringComparison.Ordinal);
        Assert.Empty(await LockHarness.AnalyzeAsync(updated, OrderPlacedV1));
    }

    [Fact]
    public async Task A_renamed_event_type_keeps_its_lock_entry_by_event_name()
    {
        var lockText = LockHarness.Lock(OrderPlacedV1);
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(lockText, "[Event(\"shop/order.placed\", Version = \"1\")] public partial record OrderWasPlaced(string OrderId, int Quantity);"));
        Assert.Equal(DiagnosticIds.EventSchemaChangeNotLocked, diagnostic.Id);
        Assert.Contains("its C# type is now 'Acme.Shop.OrderWasPlaced' (was 'Acme.Shop.OrderPlaced')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_bump_records_the_new_schema_and_keeps_the_old_one()
    {
        var lockV1 = LockHarness.Lock(OrderPlacedV1);

        // An incompatible change with a new version is no error: it is a new version not yet in the lock.
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(lockV1, OrderPlacedV2));
        Assert.Equal(DiagnosticIds.EventSchemaChangeNotLocked, diagnostic.Id);
        Assert.Equal("The event 'shop/order.placed' (version '2') is not in the lock yet, which records '1' (the lock keeps them for events already sent); update inngest-events.lock.json with the code fix or 'dotnet build -p:InngestUpdateEventsLock=true'", diagnostic.GetMessage());

        var lockV2 = LockHarness.Update(lockV1, OrderPlacedV2);
        Assert.Empty(await LockHarness.AnalyzeAsync(lockV2, OrderPlacedV2));
        var v1 = EventLockFile.Parse(lockV1).Events["shop/order.placed"];
        var v2 = EventLockFile.Parse(lockV2).Events["shop/order.placed"];
        Assert.Equal("2", v2.Current);
        Assert.Equal(["1", "2"], v2.Versions.Keys.Order(StringComparer.Ordinal));
        Assert.True(LockNode.DeepEquals(v1.Versions["1"].Node, v2.Versions["1"].Node), "the old version's schema changed");
        var quantity = ((LockObject)((LockObject)v2.Versions["2"].Node["properties"]!)["quantity"]!).GetString("type");
        Assert.Equal("string", quantity);

        // The old version's schema stays frozen: going back to version 1 with version 2's shape is a breaking change.
        var back = await LockHarness.AnalyzeAsync(lockV2, OrderPlacedV2.Replace("Version = \"2\"", "Version = \"1\"", StringComparison.Ordinal));
        Assert.All(back, d => Assert.Equal(DiagnosticIds.EventSchemaBreakingChange, d.Id));
        Assert.Contains(back, d => d.GetMessage().Contains("$.quantity changed from integer to string", StringComparison.Ordinal));

        // A third version keeps both earlier ones, in version order ("10" after "2").
        var lockV10 = LockHarness.Update(lockV2, OrderPlacedV2.Replace("Version = \"2\"", "Version = \"10\"", StringComparison.Ordinal));
        Assert.Equal(["1", "2", "10"], EventLockFile.Parse(lockV10).Events["shop/order.placed"].Versions.Keys.OrderBy(v => v, VersionOrder.Instance));
        Assert.True(lockV10.IndexOf("\"2\": {", StringComparison.Ordinal) < lockV10.IndexOf("\"10\": {", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unversioned_event_that_gets_a_version_keeps_its_unversioned_schema()
    {
        var before = "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);";
        var lockText = LockHarness.Lock(before);
        Assert.Contains("\"current\": \"\"", lockText, StringComparison.Ordinal);
        var after = "[Event(\"shop/order.placed\", Version = \"2025-01-01.1\")] public partial record OrderPlaced(Guid OrderId);";
        Assert.Equal([DiagnosticIds.EventSchemaChangeNotLocked], (await LockHarness.AnalyzeAsync(lockText, after)).Select(d => d.Id));
        var updated = EventLockFile.Parse(LockHarness.Update(lockText, after)).Events["shop/order.placed"];
        Assert.Equal(["", "2025-01-01.1"], updated.Versions.Keys.OrderBy(v => v, VersionOrder.Instance));
    }

    [Fact]
    public void The_same_sources_give_a_byte_identical_lock_whatever_their_order()
    {
        string[] sources =
        [
            "[Event(\"shop/order.placed\", Version = \"3\")] public partial record OrderPlaced(string OrderId, List<Line> Lines, Status Status) { public Address? Shipping { get; init; } }",
            "public sealed record Line(string Sku, int Quantity, decimal Price); public enum Status { Open, Paid }",
            "public sealed record Address(string City, string? Zip);",
            "[Event(\"shop/order.cancelled\")] public partial record OrderCancelled(string OrderId, string Reason, Address? ReturnTo);",
            "[Event(\"billing/invoice.paid\")] public partial class InvoicePaid { public required string InvoiceId { get; init; } public Dictionary<string, Line> Lines { get; init; } = new(); }",
        ];
        var first = LockHarness.Lock(sources);
        Assert.Equal(first, LockHarness.Lock(sources));
        Assert.Equal(first, LockHarness.Lock(sources.Reverse().ToArray()));

        // Members declared in another order, a type renamed nowhere, a rerun over the lock itself: the same bytes.
        var reordered = sources.ToArray();
        reordered[0] = "[Event(\"shop/order.placed\", Version = \"3\")] public partial record OrderPlaced(Status Status, List<Line> Lines, string OrderId) { public Address? Shipping { get; init; } }";
        Assert.Equal(first, LockHarness.Lock(reordered));
        Assert.Equal(first, LockHarness.Update(first, sources));
        Assert.Equal(first, LockHarness.Update(first.Replace("\n", "\r\n", StringComparison.Ordinal), sources));

        // The text is the canonical form: UTF-8 friendly, '\n' line ends, a final newline, events by name.
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("billing/invoice.paid", StringComparison.Ordinal) < first.IndexOf("shop/order.cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_of_a_referenced_library_are_locked_by_the_library_not_by_the_app()
    {
        // The library: a shared contract with its own lock.
        const string contracts = """
            using Inngest.Events;

            namespace Acme.Contracts;

            [Event("shop/order.placed", Version = "1")]
            public partial record OrderPlaced(string OrderId, int Quantity);
            """;
        var library = LockHarness.Compile(contracts).WithAssemblyName("Acme.Contracts");
        var libraryLock = LockHarness.Update(string.Empty, contracts);
        Assert.Empty(await LockHarness.AnalyzeAsync(library, libraryLock));
        var (_, libraryOutput, _) = Infrastructure.GeneratorHarness.Run(library);
        using var image = new MemoryStream();
        var emitted = libraryOutput.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var reference = MetadataReference.CreateFromImage(image.ToArray());

        // The app uses the library's event and declares one of its own: only its own is locked, and nothing asks it to
        // lock the library's event.
        const string app = """
            using System.Threading.Tasks;
            using Inngest.Events;
            using Acme.Contracts;

            namespace Acme.Shop;

            [Event("shop/order.shipped")]
            public partial record OrderShipped(string OrderId);

            public static class Sender
            {
                public static Task SendAsync(IInngestClient inngest) => inngest.SendAsync(new OrderPlaced("o-1", 2));
            }
            """;
        var appCompilation = Infrastructure.GeneratorHarness.Compile("Acme.Shop", [reference], app);
        var appLock = EventLockUpdate.Write(appCompilation, EventLockFile.Empty, null, CancellationToken.None);
        Assert.Contains("shop/order.shipped", appLock, StringComparison.Ordinal);
        Assert.DoesNotContain("shop/order.placed", appLock, StringComparison.Ordinal);
        Assert.Empty(await LockHarness.AnalyzeAsync(appCompilation, appLock));

        // An app lock that still holds the event (it moved into the library) says where it is locked now.
        var stale = EventLockWriter.Write(EventLockFile.Parse(appLock), EventLockFile.Parse(libraryLock).Events.Values.Select(e => new EventSnapshot(e.Name, e.Current, e.TypeName, e.Versions[e.Current].Node)), []);
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(appCompilation, stale));
        Assert.Equal(DiagnosticIds.EventLockEntryMismatch, diagnostic.Id);
        Assert.Contains("it is now declared in the referenced assembly 'Acme.Contracts', whose own project locks it", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_update_command_runs_only_breaking_changes_and_unreadable_locks_are_reported()
    {
        var lockText = LockHarness.Lock(OrderPlacedV1, "[Event(\"shop/order.shipped\")] public partial record OrderShipped(string OrderId);");
        var compilation = LockHarness.Compile(
            "[Event(\"shop/order.placed\", Version = \"1\")] public partial record OrderPlaced(string OrderId, string Quantity);",
            "[Event(\"shop/order.paid\")] public partial record OrderPaid(string OrderId);");
        Assert.Equal([DiagnosticIds.EventSchemaBreakingChange, DiagnosticIds.EventLockEntryMismatch, DiagnosticIds.EventLockEntryMismatch], (await LockHarness.AnalyzeAsync(compilation, lockText)).Select(d => d.Id));
        Assert.Equal([DiagnosticIds.EventSchemaBreakingChange], (await LockHarness.AnalyzeAsync(compilation, lockText, updating: true)).Select(d => d.Id));
    }
}
