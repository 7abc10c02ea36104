using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>
/// Each kind of change to a locked event, made in C# the way a developer makes it: the lock is written for the "before"
/// sources, and the analyzer runs on the "after" sources. Breaking changes are INNG1020 and name the member path and the
/// change; compatible ones are INNG1021.
/// </summary>
public sealed class SchemaChangeTests
{
    private const string Breaking = DiagnosticIds.EventSchemaBreakingChange;
    private const string Compatible = DiagnosticIds.EventSchemaChangeNotLocked;

    public static TheoryData<string, string, string, string, string> Changes => new()
    {
        // Members.
        { "member removed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId, int Quantity);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", Breaking, "$.quantity was removed or renamed" },
        { "member added, optional", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId) { public string? Note { get; init; } }", Compatible, "$.note: is a new optional member" },
        { "member added, required", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId) { public required string Note { get; init; } }", Breaking, "$.note is a new required member" },
        { "renamed with [JsonPropertyName]", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonPropertyName(\"order_id\")] string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonPropertyName(\"orderRef\")] string OrderId);", Breaking, "$.order_id was removed or renamed" },
        { "renamed in C#", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderRef);", Breaking, "$.orderId was removed or renamed" },
        { "JSON name case changed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonPropertyName(\"OrderId\")] string OrderId);", Breaking, "$.orderId its JSON name changed to 'OrderId'" },
        { "C# rename keeping the JSON name", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonPropertyName(\"orderId\")] string OrderRef);", "", "" },

        // JSON types.
        { "integer to string", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Quantity);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string Quantity);", Breaking, "$.quantity changed from integer to string" },
        { "number to integer", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(decimal Total);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Total);", Breaking, "$.total changed from number to integer" },
        { "long to int (narrowed)", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(long Count);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Count);", Breaking, "$.count its range narrowed from -9223372036854775808..9223372036854775807 to -2147483648..2147483647" },
        { "int to long (widened)", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Count);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(long Count);", Compatible, "$.count: its range widened" },
        { "int to double (widened)", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Count);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(double Count);", Compatible, "$.count: widened from integer to number" },
        { "string to Guid", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Guid OrderId);", Breaking, "$.orderId is now restricted by format \"uuid\"" },
        { "Guid to string", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Guid OrderId);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", Compatible, "$.orderId: no longer restricted by format \"uuid\"" },
        { "object to dictionary", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Address Address); public sealed record Address(string City);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Dictionary<string, string> Address);", Breaking, "$.address was an object with fixed members and is now a dictionary" },
        { "converter added", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Code);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonConverter(typeof(CodeConverter))] int Code); public sealed class CodeConverter : JsonConverter<int> { public override int Read(ref Utf8JsonReader r, Type t, JsonSerializerOptions o) => 0; public override void Write(Utf8JsonWriter w, int v, JsonSerializerOptions o) { } }", Breaking, "$.code is now read by Acme.Shop.CodeConverter" },

        // Nullable and required.
        { "nullable made non-nullable", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string? Zip);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string Zip);", Breaking, "$.zip can no longer be null" },
        { "nullable value made non-nullable", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int? Count);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Count);", Breaking, "$.count can no longer be null" },
        { "non-nullable made nullable", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string Zip);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string? Zip);", Compatible, "$.zip: may now be null" },
        { "optional made required", "[Event(\"shop/order.placed\")] public partial record OrderPlaced { public string? Note { get; init; } }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced { [JsonRequired] public string? Note { get; init; } }", Breaking, "$.note is now required" },
        { "optional made required (keyword)", "[Event(\"shop/order.placed\")] public partial class OrderPlaced { public string Note { get; init; } = \"\"; }", "[Event(\"shop/order.placed\")] public partial class OrderPlaced { public required string Note { get; init; } }", Breaking, "$.note is now required" },
        { "required made optional", "[Event(\"shop/order.placed\")] public partial record OrderPlaced { [JsonRequired] public string? Note { get; init; } }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced { public string? Note { get; init; } }", Compatible, "$.note: is no longer required" },
        { "no longer written", "[Event(\"shop/order.placed\")] public partial class OrderPlaced { public string? Note { get; set; } }", "[Event(\"shop/order.placed\")] public partial class OrderPlaced { [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)] public string? Note { get; set; } }", Breaking, "$.note is no longer written" },

        // Enums.
        { "enum value removed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Paid, Shipped }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Paid }", Breaking, "$.status the enum value 2 ('Shipped') was removed" },
        { "enum value renumbered", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Paid }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open = 1, Paid = 2 }", Breaking, "$.status the enum value 0 ('Open') is now written as 1" },
        { "enum value added", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Paid }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Paid, Refunded }", Compatible, "$.status: the enum value 2 ('Refunded') was added" },
        { "numeric enum value renamed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Paid }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); public enum Status { Open, Settled }", Compatible, "$.status: the value 1 is now named 'Settled' in C# (was 'Paid'); its JSON is unchanged" },
        { "string enum value renamed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonConverter(typeof(JsonStringEnumConverter))] Status Status); public enum Status { Open, Paid }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced([property: JsonConverter(typeof(JsonStringEnumConverter))] Status Status); public enum Status { Open, Settled }", Breaking, "$.status the enum value \"Paid\" ('Paid') was removed" },
        { "string enum value added", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); [JsonConverter(typeof(JsonStringEnumConverter<Status>))] public enum Status { Open }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Status Status); [JsonConverter(typeof(JsonStringEnumConverter<Status>))] public enum Status { Open, Paid }", Compatible, "the enum value \"Paid\" ('Paid') was added" },

        // Nested types, collection elements, dictionary values.
        { "nested member type changed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<Line> Lines); public sealed record Line(string Sku, int Quantity);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<Line> Lines); public sealed record Line(int Sku, int Quantity);", Breaking, "$.lines[].sku changed from string to integer" },
        { "nested member removed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Customer Customer); public sealed record Customer(string Id, Address Address); public sealed record Address(string City, string Zip);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Customer Customer); public sealed record Customer(string Id, Address Address); public sealed record Address(string City);", Breaking, "$.customer.address.zip was removed or renamed" },
        { "nested member added", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<Line> Lines); public sealed record Line(string Sku);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<Line> Lines); public sealed record Line(string Sku) { public string? Note { get; init; } }", Compatible, "$.lines[].note: is a new optional member" },
        { "nested enum value removed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Line[] Lines); public sealed record Line(Kind Kind); public enum Kind { Item, Fee }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Line[] Lines); public sealed record Line(Kind Kind); public enum Kind { Item }", Breaking, "$.lines[].kind the enum value 1 ('Fee') was removed" },
        { "nested required made", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Line Line); public sealed class Line { public string? Sku { get; init; } }", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Line Line); public sealed class Line { public required string? Sku { get; init; } }", Breaking, "$.line.sku is now required" },
        { "collection element changed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<int> Codes);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<string> Codes);", Breaking, "$.codes[] changed from integer to string" },
        { "collection element nullable removed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<int?> Codes);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<int> Codes);", Breaking, "$.codes[] can no longer be null" },
        { "collection element widened", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int[] Codes);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(IReadOnlyList<long> Codes);", Compatible, "$.codes[]: its range widened" },
        { "dictionary value changed", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Dictionary<string, int> Counts);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(Dictionary<string, bool> Counts);", Breaking, "$.counts.* changed from integer to boolean" },
        { "array to single value", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string[] Tags);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string Tags);", Breaking, "$.tags changed from array to string" },
        { "recursive type changed", "[Event(\"shop/tree.changed\")] public partial record TreeChanged(Node Root); public sealed record Node(string Name, List<Node> Children);", "[Event(\"shop/tree.changed\")] public partial record TreeChanged(Node Root); public sealed record Node(int Name, List<Node> Children);", Breaking, "$.root.name changed from string to integer" },

        // Not changes: the JSON is the same.
        { "members reordered", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId, int Quantity);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(int Quantity, string OrderId);", "", "" },
        { "record made a class", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);", "[Event(\"shop/order.placed\")] public partial class OrderPlaced { public string OrderId { get; set; } = \"\"; }", "", "" },
        { "List made an array", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(List<string> Tags);", "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string[] Tags);", "", "" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_to_a_locked_event_is_reported_as_breaking_or_compatible(string change, string before, string after, string expectedId, string expectedText)
    {
        var lockText = LockHarness.Lock(before);
        var diagnostics = await LockHarness.AnalyzeAsync(lockText, after);
        if (expectedId.Length == 0)
        {
            Assert.True(diagnostics.IsEmpty, $"{change}: expected no diagnostic, got:\n{string.Join("\n", diagnostics)}");
            return;
        }

        Assert.True(diagnostics.Length > 0 && diagnostics.All(d => d.Id == expectedId), $"{change}: expected only {expectedId}, got:\n{string.Join("\n", diagnostics)}");
        var messages = diagnostics.Select(d => d.GetMessage()).ToList();
        Assert.True(messages.Any(m => m.Contains(expectedText, StringComparison.Ordinal)), $"{change}: no message contains \"{expectedText}\":\n{string.Join("\n", messages)}");

        // Every diagnostic is on the event type's declaration and names the event.
        Assert.All(diagnostics, d => Assert.True(d.Location.IsInSource, d.ToString()));
        Assert.All(messages, m => Assert.Contains("'shop/", m, StringComparison.Ordinal));

        // What the analyzer calls compatible the update takes in, after which the event is clean; a breaking change is not
        // taken in (the lock keeps the locked schema and the error stands).
        var updated = LockHarness.Update(lockText, after);
        var again = await LockHarness.AnalyzeAsync(updated, after);
        if (expectedId == Compatible)
        {
            Assert.True(again.IsEmpty, $"{change}: after the update:\n{string.Join("\n", again)}");
        }
        else
        {
            Assert.Equal(lockText, updated);
            Assert.Equal(diagnostics.Select(d => d.GetMessage()), again.Select(d => d.GetMessage()));
        }
    }

    [Fact]
    public async Task A_breaking_message_names_event_version_path_change_and_how_to_proceed()
    {
        var lockText = LockHarness.Lock("[Event(\"shop/order.placed\", Version = \"2024-05-01.1\")] public partial record OrderPlaced(List<Line> Lines); public sealed record Line(string Sku);");
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(lockText, "[Event(\"shop/order.placed\", Version = \"2024-05-01.1\")] public partial record OrderPlaced(List<Line> Lines); public sealed record Line(int Sku);"));
        Assert.Equal(
            "The event 'shop/order.placed' (version '2024-05-01.1') is locked in inngest-events.lock.json, but $.lines[].sku changed from string to integer; "
            + "events already sent keep the locked shape, so declare a new version ([Event(..., Version = \"...\")]; the lock keeps the old version's schema) "
            + "or make the change compatible (add an optional member instead of changing one)",
            diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }
}
