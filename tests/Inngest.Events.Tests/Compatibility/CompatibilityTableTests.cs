using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Inngest.Events.Tests.Compatibility;

/// <summary>
/// The compatibility table of docs/event-schema-lock.md against what the generated readers do: for every row, events
/// written by the type before the change are read with the type after it (new code reading old events), and the other
/// way round (old code reading new events), and the outcome must be the one the table states.
/// </summary>
public sealed partial class CompatibilityTableTests
{
    private static readonly Dictionary<string, (Func<string> NewReadsOld, Func<string> OldReadsNew)> Rows = new()
    {
        ["optional member added"] = (
            () => Read<OptionalAddedAfter>(Write(new OptionalAddedBefore("a"))).Note is null ? "default" : "reads",
            () => Outcome(() => Read<OptionalAddedBefore>(Write(new OptionalAddedAfter("a") { Note = "n" })).Id == "a")),
        ["required member added"] = (
            () => Outcome(() => Read<RequiredAddedAfter>(Write(new OptionalAddedBefore("a"))).Id == "a"),
            () => Outcome(() => Read<OptionalAddedBefore>(Write(new RequiredAddedAfter { Id = "a", Note = "n" })).Id == "a")),
        ["member removed"] = (
            () => Outcome(() => Read<RemovedAfter>(Write(new RemovedBefore("a", "n"))).Id == "a"),
            () => Read<RemovedBefore>(Write(new RemovedAfter("a"))).Note is null ? "default" : "reads"),
        ["member renamed (C# name or `[JsonPropertyName]`)"] = (
            () => Read<RenamedAfter>(Write(new RenamedBefore("s-1"))).Sku is null ? "default" : "reads",
            () => Read<RenamedBefore>(Write(new RenamedAfter("s-1"))).Sku is null ? "default" : "reads"),
        ["JSON name changed only in case"] = (
            () => Outcome(() => Read<RecasedAfter>(Write(new RecasedBefore("o-1"))).OrderId == "o-1"),
            () => Outcome(() => Read<RecasedBefore>(Write(new RecasedAfter("o-1"))).OrderId == "o-1")),
        ["integer range widened (`int` → `long`)"] = (
            () => Outcome(() => Read<LongAfter>(Write(new IntBefore(int.MaxValue))).Count == int.MaxValue),
            () => Outcome(
                () => Read<IntBefore>(Write(new LongAfter(5))).Count == 5,
                () => Read<IntBefore>(Write(new LongAfter(5_000_000_000))).Count != 0)),
        ["integer to number (`int` → `decimal`)"] = (
            () => Outcome(() => Read<DecimalAfter>(Write(new IntBefore(7))).Count == 7m),
            () => Outcome(
                () => Read<IntBefore>(Write(new DecimalAfter(2m))).Count == 2,
                () => Read<IntBefore>(Write(new DecimalAfter(2.5m))).Count != 0)),
        ["integer range narrowed (`long` → `int`)"] = (
            () => Outcome(
                () => Read<IntBefore>(Write(new LongAfter(5))).Count == 5,
                () => Read<IntBefore>(Write(new LongAfter(long.MaxValue))).Count != 0),
            () => Outcome(() => Read<LongAfter>(Write(new IntBefore(5))).Count == 5)),
        ["JSON type changed (`int` → `string`)"] = (
            () => Outcome(() => Read<StringAfter>(Write(new IntBefore(12))).Count == "12"),
            () => Outcome(
                () => Read<IntBefore>(Write(new StringAfter("12"))).Count == 12,
                () => Read<IntBefore>(Write(new StringAfter("twelve"))).Count != 0)),
        ["string restricted (`string` → `Guid`)"] = (
            () => Outcome(
                () => Read<GuidAfter>(Write(new TextBefore("3f2504e0-4f89-11d3-9a0c-0305e82c3301"))).Id != Guid.Empty,
                () => Read<GuidAfter>(Write(new TextBefore("order-1"))).Id != Guid.Empty),
            () => Outcome(() => Read<TextBefore>(Write(new GuidAfter(Guid.NewGuid()))).Id.Length == 36)),
        ["optional member made required"] = (
            // An event the old schema allows: the member was optional, so it may be missing.
            () => Outcome(() => Read<RequiredAfter>("{}").Note is null),
            () => Outcome(() => Read<OptionalBefore>(Write(new RequiredAfter { Note = "n" })).Note == "n")),
        ["required member made optional"] = (
            () => Outcome(() => Read<OptionalBefore>(Write(new RequiredAfter { Note = "n" })).Note == "n"),
            () => Outcome(() => Read<RequiredAfter>(Write(new OptionalBefore())).Note is null)),
        ["nullable made non-nullable (`string?` → `string`)"] = (
            () => Read<ZipAfter>(Write(new NullableZipBefore(null))).Zip is null ? "null" : "reads",
            () => Outcome(() => Read<NullableZipBefore>(Write(new ZipAfter("z"))).Zip == "z")),
        ["non-nullable made nullable (`int` → `int?`)"] = (
            () => Outcome(() => Read<NullableIntAfter>(Write(new IntBefore(3))).Count == 3),
            () => Outcome(
                () => Read<IntBefore>(Write(new NullableIntAfter(3))).Count == 3,
                () => Read<IntBefore>(Write(new NullableIntAfter(null))).Count == 0)),
        ["enum value added"] = (
            () => Outcome(() => Read<StatusAfter>(Write(new StatusBefore(TwoStatuses.Paid))).Status == ThreeStatuses.Paid),
            () => Enum.IsDefined(Read<StatusBefore>(Write(new StatusAfter(ThreeStatuses.Refunded))).Status) ? "reads" : "unnamed"),
        ["enum value removed"] = (
            () => Enum.IsDefined(Read<StatusBefore>(Write(new StatusAfter(ThreeStatuses.Refunded))).Status) ? "reads" : "unnamed",
            () => Outcome(() => Read<StatusAfter>(Write(new StatusBefore(TwoStatuses.Paid))).Status == ThreeStatuses.Paid)),
        ["enum value renamed with `JsonStringEnumConverter`"] = (
            () => Outcome(() => Read<LabelAfter>(Write(new LabelBefore(LabelV1.Paid))).Label == LabelV2.Settled),
            () => Outcome(() => Read<LabelBefore>(Write(new LabelAfter(LabelV2.Settled))).Label == LabelV1.Paid)),
    };

    [Fact]
    public void The_generated_readers_behave_as_the_compatibility_table_says()
    {
        var table = Table();
        var problems = new List<string>();
        foreach (var (change, (newReadsOld, oldReadsNew)) in table.Where(r => r.Key != NestedRow))
        {
            if (!Rows.TryGetValue(change, out var checks))
            {
                problems.Add($"the table's row '{change}' has no check here");
                continue;
            }

            Compare(change, "new code reads old events", newReadsOld, checks.NewReadsOld());
            Compare(change, "old code reads new events", oldReadsNew, checks.OldReadsNew());
        }

        problems.AddRange(Rows.Keys.Where(k => !table.ContainsKey(k)).Select(k => $"the check '{k}' has no row in the table"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        void Compare(string change, string direction, string stated, string actual)
        {
            if (stated != actual)
            {
                problems.Add($"'{change}', {direction}: the table says `{stated}`, the generated reader gives `{actual}`");
            }
        }
    }

    [Fact]
    public void A_change_inside_a_collection_of_nested_objects_behaves_as_the_same_change_at_the_top()
    {
        Assert.Contains(NestedRow, Table().Keys);
        var newReadsOld = Outcome(() => Read<LinesAfter>(Write(new LinesBefore([new NumberLine(12)]))).Lines[0].Sku == "12");
        var oldReadsNew = Outcome(
            () => Read<LinesBefore>(Write(new LinesAfter([new TextLine("12")]))).Lines[0].Sku == 12,
            () => Read<LinesBefore>(Write(new LinesAfter([new TextLine("twelve")]))).Lines[0].Sku != 0);
        var (topNewReadsOld, topOldReadsNew) = Table()["JSON type changed (`int` → `string`)"];
        Assert.Equal((topNewReadsOld, topOldReadsNew), (newReadsOld, oldReadsNew));

        // And the failure names the path inside the collection.
        var exception = Assert.Throws<JsonException>(() => Read<LinesAfter>(Write(new LinesBefore([new NumberLine(12)]))));
        Assert.Equal("$.lines[0].sku", exception.Path);
    }

    private const string NestedRow = "nested type, collection element or dictionary value changed";

    /// <summary>`reads` when every attempt reads as expected, `fails` when every one throws, `range` when some do.</summary>
    private static string Outcome(params Func<bool>[] attempts)
    {
        var failed = 0;
        foreach (var attempt in attempts)
        {
            try
            {
                Assert.True(attempt(), "a read gave an unexpected value");
            }
            catch (JsonException)
            {
                failed++;
            }
        }

        return failed == 0 ? "reads" : failed == attempts.Length ? "fails" : "range";
    }

    private static T Read<T>(string json)
        where T : IEventData<T>
        => JsonSerializer.Deserialize(json, T.JsonTypeInfo)!;

    private static string Write<T>(T value)
        where T : IEventData<T>
        => JsonSerializer.Serialize(value, T.JsonTypeInfo);

    /// <summary>The table's rows: change to the outcomes in its two middle columns.</summary>
    private static Dictionary<string, (string NewReadsOld, string OldReadsNew)> Table()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Generators.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Generators.sln not found");
        }

        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(root, "docs", "event-schema-lock.md")))
        {
            if (line.StartsWith("| change | verdict |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                break;
            }

            var cells = line.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            rows[cells[0]] = (Token(cells[2]), Token(cells[3]));
        }

        Assert.True(rows.Count >= 15, $"the compatibility table has only {rows.Count} rows");
        return rows;
    }

    private static string Token(string cell) => TokenPattern().Match(cell) is { Success: true } m ? m.Groups[1].Value : cell;

    [GeneratedRegex("^`([a-z]+)`$")]
    private static partial Regex TokenPattern();
}
