using System.Text.Json.Serialization;

namespace Inngest.Events.Tests.Compatibility;

// Before-and-after pairs of event types, one pair per row of the compatibility table in docs/event-schema-lock.md
// (the event names differ only because one assembly cannot declare a name twice).

[Event("compat/optional-added.before")] public partial record OptionalAddedBefore(string Id);
[Event("compat/optional-added.after")] public partial record OptionalAddedAfter(string Id) { public string? Note { get; init; } }

[Event("compat/required-added.after")] public partial class RequiredAddedAfter { public string Id { get; init; } = ""; public required string Note { get; init; } }

[Event("compat/removed.before")] public partial record RemovedBefore(string Id, string Note);
[Event("compat/removed.after")] public partial record RemovedAfter(string Id);

[Event("compat/renamed.before")] public partial record RenamedBefore([property: JsonPropertyName("sku")] string Sku);
[Event("compat/renamed.after")] public partial record RenamedAfter([property: JsonPropertyName("stockUnit")] string Sku);

[Event("compat/recased.before")] public partial record RecasedBefore(string OrderId);
[Event("compat/recased.after")] public partial record RecasedAfter([property: JsonPropertyName("OrderId")] string OrderId);

[Event("compat/int.before")] public partial record IntBefore(int Count);
[Event("compat/long.after")] public partial record LongAfter(long Count);
[Event("compat/decimal.after")] public partial record DecimalAfter(decimal Count);
[Event("compat/string.after")] public partial record StringAfter(string Count);
[Event("compat/nullable-int.after")] public partial record NullableIntAfter(int? Count);

[Event("compat/text.before")] public partial record TextBefore(string Id);
[Event("compat/guid.after")] public partial record GuidAfter(Guid Id);

[Event("compat/optional.before")] public partial class OptionalBefore { public string? Note { get; init; } }
[Event("compat/required.after")] public partial class RequiredAfter { [JsonRequired] public string? Note { get; init; } }

[Event("compat/nullable-zip.before")] public partial record NullableZipBefore(string? Zip);
[Event("compat/zip.after")] public partial record ZipAfter(string Zip);

[Event("compat/status.before")] public partial record StatusBefore(TwoStatuses Status);
[Event("compat/status.after")] public partial record StatusAfter(ThreeStatuses Status);

[Event("compat/label.before")] public partial record LabelBefore([property: JsonConverter(typeof(JsonStringEnumConverter))] LabelV1 Label);
[Event("compat/label.after")] public partial record LabelAfter([property: JsonConverter(typeof(JsonStringEnumConverter))] LabelV2 Label);

[Event("compat/lines.before")] public partial record LinesBefore(List<NumberLine> Lines);
[Event("compat/lines.after")] public partial record LinesAfter(List<TextLine> Lines);

public enum TwoStatuses { Open, Paid }

public enum ThreeStatuses { Open, Paid, Refunded }

public enum LabelV1 { Open, Paid }

public enum LabelV2 { Open, Settled }

public sealed record NumberLine(int Sku);

public sealed record TextLine(string Sku);
