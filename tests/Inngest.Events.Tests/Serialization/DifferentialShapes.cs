using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Events.Tests.Serialization;

// Event shapes for the differential tests: each is serialized by its generated JsonTypeInfo and by System.Text.Json's
// reflection serializer under web defaults, and the two must agree byte for byte. Supporting types (nested records,
// enums, converters) are in DifferentialShapeParts.cs; the global-namespace shape is in GlobalNamespaceShape.cs.

/// <summary>Every supported scalar, not nullable.</summary>
[Event("test/primitives.sent")]
public partial record PrimitivesEvent
{
    public bool Flag { get; init; }
    public byte Byte { get; init; }
    public sbyte SByte { get; init; }
    public short Int16 { get; init; }
    public ushort UInt16 { get; init; }
    public int Int32 { get; init; }
    public uint UInt32 { get; init; }
    public long Int64 { get; init; }
    public ulong UInt64 { get; init; }
    public float Single { get; init; }
    public double Double { get; init; }
    public decimal Decimal { get; init; }
    public char Char { get; init; }
    public string Text { get; init; } = string.Empty;
    public Guid Guid { get; init; }
    public DateTime DateTime { get; init; }
    public DateTimeOffset DateTimeOffset { get; init; }
    public DateOnly DateOnly { get; init; }
    public TimeOnly TimeOnly { get; init; }
    public TimeSpan TimeSpan { get; init; }
    public Uri Uri { get; init; } = new("https://example.com/");
    public byte[] Bytes { get; init; } = [];
    public Color Color { get; init; }
}

/// <summary>The nullable variant of every supported scalar.</summary>
[Event("test/nullable-primitives.sent")]
public partial record NullablePrimitivesEvent(bool? Flag, byte? Byte, sbyte? SByte, short? Int16, ushort? UInt16, int? Int32, uint? UInt32, long? Int64)
{
    public ulong? UInt64 { get; init; }
    public float? Single { get; init; }
    public double? Double { get; init; }
    public decimal? Decimal { get; init; }
    public char? Char { get; init; }
    public string? Text { get; init; }
    public Guid? Guid { get; init; }
    public DateTime? DateTime { get; init; }
    public DateTimeOffset? DateTimeOffset { get; init; }
    public DateOnly? DateOnly { get; init; }
    public TimeOnly? TimeOnly { get; init; }
    public TimeSpan? TimeSpan { get; init; }
    public Uri? Uri { get; init; }
    public byte[]? Bytes { get; init; }
    public Color? Color { get; init; }
    public JsonElement? Element { get; init; }
}

/// <summary>Every supported collection shape.</summary>
[Event("test/collections.sent")]
public partial record CollectionsEvent(
    int[] Numbers,
    List<string> Words,
    IList<Guid> Ids,
    IReadOnlyList<decimal> Amounts,
    IEnumerable<DateTime> Times,
    ICollection<long?> Maybes,
    IReadOnlyCollection<string?> MaybeWords)
{
    public Dictionary<string, int> Counts { get; init; } = new();
    public IDictionary<string, string?> Labels { get; init; } = new Dictionary<string, string?>();
    public IReadOnlyDictionary<string, List<int>> Groups { get; init; } = new Dictionary<string, List<int>>();
    public List<int[]> Jagged { get; init; } = [];
    public Dictionary<string, Dictionary<string, double>> Nested { get; init; } = new();
    public byte[][] Blobs { get; init; } = [];
    public List<Color> Colors { get; init; } = [];
}

/// <summary>Collections that may be null, and collections of nullable and composite elements.</summary>
[Event("test/nullable-collections.sent")]
public partial record NullableCollectionsEvent
{
    public int[]? Numbers { get; init; }
    public List<string>? Words { get; init; }
    public IList<int?>? Maybes { get; init; }
    public IReadOnlyList<LineItem?>? Lines { get; init; }
    public IEnumerable<Address>? Addresses { get; init; }
    public Dictionary<string, int>? Counts { get; init; }
    public IDictionary<string, LineItem?>? Items { get; init; }
    public IReadOnlyDictionary<string, Dimensions?>? Boxes { get; init; }
    public List<List<string?>?>? Lists { get; init; }
    public TimeSpan?[]? Durations { get; init; }
}

/// <summary>Free-form JSON.</summary>
[Event("test/elements.sent")]
public partial record ElementsEvent(JsonElement Payload, JsonElement? Extra)
{
    public List<JsonElement> Items { get; init; } = [];
    public Dictionary<string, JsonElement>? Bag { get; init; }
}

/// <summary>Enums of every underlying type, flags, nullable and in collections.</summary>
[Event("test/enums.sent")]
public partial record EnumsEvent(Color Color, ByteEnum Small, SByteEnum Signed, ShortEnum Short, UShortEnum UShort)
{
    public UIntEnum UInt { get; init; }
    public LongEnum Long { get; init; }
    public ULongEnum ULong { get; init; }
    public Permissions Permissions { get; init; }
    public Color? MaybeColor { get; init; }
    public List<Color> Palette { get; init; } = [];
    public Dictionary<string, Permissions?> Grants { get; init; } = new();
}

/// <summary>Nested records three levels deep.</summary>
[Event("shop/order.placed")]
public partial record OrderPlaced(string OrderId, Customer Customer, List<OrderLine> Lines, Address? Shipping)
{
    public IReadOnlyList<Address> History { get; init; } = [];
}

/// <summary>A recursive tree.</summary>
[Event("test/tree.changed")]
public partial record TreeChanged(TreeNode Root, TreeNode? Previous);

/// <summary>A mutable positional record struct (settable properties, default constructor).</summary>
[Event("test/record-struct.sent")]
public partial record struct RecordStructEvent(int Count, string? Name, GridCell Cell)
{
    public GridCell? Maybe { get; set; }
    public List<GridCell> Cells { get; set; } = [];
}

/// <summary>A readonly positional record struct (init-only properties).</summary>
[Event("test/readonly-record-struct.sent")]
public readonly partial record struct ReadonlyRecordStructEvent(long Id, decimal Amount, DateOnly Day, Dimensions Size)
{
    public Dimensions? Optional { get; init; }
    public string Label { get; init; } = "label";
}

/// <summary>A plain class with a parameterless constructor and settable properties.</summary>
[Event("test/plain-class.sent")]
public partial class PlainClassEvent
{
    public string? Name { get; set; }
    public int Count { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    public Attachment? Primary { get; set; }
    public Dimensions Box { get; set; }
    public double Ratio { get; set; } = 0.25;
}

/// <summary>Init-only properties with initial values that a missing JSON property must keep.</summary>
[Event("test/init-defaults.sent")]
public partial class InitDefaultsEvent
{
    public string Name { get; init; } = "n/a";
    public int Retries { get; init; } = 3;
    public List<string> Tags { get; init; } = ["default"];
    public Color Color { get; init; } = Color.Blue;
    public DateTimeOffset When { get; init; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
    public decimal? Limit { get; init; } = 10.50m;
    public string? Comment { get; init; } = "initial";
}

/// <summary>C# required members.</summary>
[Event("test/required.sent")]
public partial class RequiredMembersEvent
{
    public required string Id { get; init; }
    public required int Count { get; set; }
    public required List<string>? Items { get; init; }
    public string Optional { get; init; } = "optional";
    public List<RequiredPart>? Parts { get; init; }
}

/// <summary>[JsonRequired] on settable, init-only and positional properties.</summary>
[Event("test/json-required.sent")]
public partial record JsonRequiredEvent([property: JsonRequired] string Key, int Version)
{
    [JsonRequired]
    public int Priority { get; set; }

    [JsonRequired]
    public string? Owner { get; init; }

    public bool Optional { get; init; }
}

/// <summary>A positional record whose parameters have default values.</summary>
[Event("test/default-parameters.sent")]
public partial record DefaultParametersEvent(
    string Id,
    string Currency = "EUR",
    int Quantity = 1,
    double Rate = 0.5,
    bool Enabled = true,
    Color Color = Color.Green,
    decimal Price = 1.50m,
    string? Note = null,
    char Separator = ',',
    long? Limit = null,
    float Scale = -2.5f);

/// <summary>Members named with C# keywords.</summary>
[Event("test/keywords.sent")]
public partial record KeywordsEvent(string @class, int @event)
{
    public bool @static { get; init; }
    public string? @namespace { get; init; }
    public List<int> @return { get; init; } = [];
}

/// <summary>Holds an event declared as a nested type.</summary>
public static partial class NestedEvents
{
    /// <summary>An event nested in a partial class.</summary>
    [Event("test/nested.sent")]
    public partial record NestedEvent(string Id, Inner Detail)
    {
        public Inner? Other { get; init; }
    }

    /// <summary>A type nested in the container, used by the nested event.</summary>
    public sealed record Inner(int Value, string? Text);

    /// <summary>Two levels of nesting.</summary>
    public partial class Deeper
    {
        [Event("test/nested-twice.sent")]
        public partial class NestedTwiceEvent
        {
            public required string Id { get; init; }
            public Inner? Detail { get; set; }
        }
    }
}

/// <summary>A class whose base classes have properties (System.Text.Json writes the most derived ones first).</summary>
[Event("users/user.renamed")]
public partial class UserRenamed : MiddleAudit
{
    public string NewName { get; set; } = string.Empty;
    public string? OldName { get; set; }
    public override string Source { get; set; } = "derived";
}

/// <summary>A positional record deriving from another.</summary>
[Event("test/derived-record.sent")]
public partial record DerivedRecordEvent(string Id, int Level, List<string> Tags) : BaseRecord(Id)
{
    public double Score { get; init; }
}

/// <summary>[JsonPropertyName] with names that need escaping or are not ASCII.</summary>
[Event("test/property-names.sent")]
public partial record PropertyNamesEvent
{
    [JsonPropertyName("prénom")]
    public string? FirstName { get; init; }

    [JsonPropertyName("名前")]
    public string? Name { get; init; }

    [JsonPropertyName("a\"quote")]
    public int Quote { get; init; }

    [JsonPropertyName("<tag>&amp;")]
    public int Html { get; init; }

    [JsonPropertyName("with space")]
    public int Space { get; init; }

    [JsonPropertyName("dot.name")]
    public int Dot { get; init; }

    [JsonPropertyName("it's")]
    public int Apostrophe { get; init; }

    [JsonPropertyName("tab\there")]
    public int Tab { get; init; }

    [JsonPropertyName("emoji😀")]
    public int Emoji { get; init; }

    [JsonPropertyName("+plus")]
    public int Plus { get; init; }

    [JsonPropertyName("back\\slash")]
    public int Backslash { get; init; }

    [JsonPropertyName("")]
    public int Empty { get; init; }

    [JsonPropertyName("Upper_Snake")]
    public int Snake { get; init; }

    [JsonPropertyName("[br]")]
    public List<int> Brackets { get; init; } = [];

    [JsonPropertyName("$dollar")]
    public int Dollar { get; init; }
}

/// <summary>[JsonIgnore] with every condition.</summary>
[Event("test/ignore.sent")]
public partial class IgnoreEvent
{
    public string Id { get; set; } = "id";

    [JsonIgnore]
    public string Secret { get; set; } = "secret";

    [JsonIgnore(Condition = JsonIgnoreCondition.Always)]
    public int AlwaysIgnored { get; set; } = 7;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NullSkipped { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NullableSkipped { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? ListSkipped { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int DefaultSkipped { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? DefaultSkippedText { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTime DefaultSkippedTime { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Guid DefaultSkippedGuid { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public GridCell DefaultSkippedCell { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double? DefaultSkippedNullable { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? NeverSkipped { get; set; }

}

/// <summary>[JsonIgnore] conditions that apply one way only, so the JSON does not round-trip.</summary>
[Event("test/one-way-ignore.sent")]
public partial class OneWayIgnoreEvent
{
    public int Id { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]
    public string? ReadOnlyFromJson { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)]
    public string? WriteOnlyToJson { get; set; } = "written";
}

/// <summary>[JsonPropertyOrder], including on a base class property.</summary>
[Event("test/ordered.sent")]
public partial class OrderedEvent : OrderedBase
{
    [JsonPropertyOrder(2)]
    public int Second { get; set; }

    public int Unordered { get; set; }

    [JsonPropertyOrder(-5)]
    public int First { get; set; }

    [JsonPropertyOrder(2)]
    public int SecondToo { get; set; }

    [JsonPropertyOrder(100)]
    public string? Last { get; set; }
}

/// <summary>[JsonConverter] on properties and on types.</summary>
[Event("test/converters.sent")]
public partial record ConvertersEvent
{
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public Color Color { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<Permissions>))]
    public Permissions Permissions { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public Color? MaybeColor { get; init; }

    [JsonConverter(typeof(UpperCaseConverter))]
    public string? Shout { get; init; }

    [JsonConverter(typeof(IntAsStringConverter))]
    public int Code { get; init; }

    [JsonConverter(typeof(IntAsStringConverter))]
    public int? MaybeCode { get; init; }

    [JsonConverter(typeof(IntAsStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SkippedCode { get; init; }

    [JsonConverter(typeof(NullAsEmptyConverter))]
    public string? NeverNull { get; init; }

    public Mood Mood { get; init; }
    public Mood? MaybeMood { get; init; }
    public List<Mood> Moods { get; init; } = [];
    public GridPoint Point { get; init; }
    public GridPoint? MaybePoint { get; init; }
    public List<GridPoint> Points { get; init; } = [];
    public Money Price { get; init; } = new(1m, "EUR");
    public Money? Discount { get; init; }
    public Dictionary<string, Money> Prices { get; init; } = new();
}

/// <summary>Text, where escaping matters.</summary>
[Event("test/text.sent")]
public partial record TextEvent(string Text, char Letter, string? Maybe)
{
    public string[] Lines { get; init; } = [];
    public Dictionary<string, string> ByKey { get; init; } = new();
    public char? MaybeLetter { get; init; }
    public List<char> Letters { get; init; } = [];
}

/// <summary>Numbers near their limits.</summary>
[Event("test/numbers.sent")]
public partial record NumbersEvent(decimal Amount, double Ratio, float Scale, long Big, ulong Unsigned)
{
    public decimal[] Amounts { get; init; } = [];
    public double[] Ratios { get; init; } = [];
    public float[] Scales { get; init; } = [];
    public sbyte Tiny { get; init; }
    public byte Octet { get; init; }
    public short Small { get; init; }
    public ushort Port { get; init; }
    public int Int { get; init; }
    public uint UInt { get; init; }
}

/// <summary>Dates and times of every kind and offset.</summary>
[Event("test/dates.sent")]
public partial record DatesEvent(DateTime Local, DateTime Utc, DateTime Unspecified, DateTimeOffset At)
{
    public DateTimeOffset[] Offsets { get; init; } = [];
    public List<DateTime> Times { get; init; } = [];
    public DateOnly Day { get; init; }
    public TimeOnly Clock { get; init; }
    public TimeSpan Span { get; init; }
    public Dictionary<string, DateTimeOffset?> Deadlines { get; init; } = new();
}

/// <summary>A class constructed through its [JsonConstructor], with other settable properties.</summary>
[Event("test/json-constructor.sent")]
public partial class JsonConstructorEvent
{
    public JsonConstructorEvent()
    {
        Id = "unused";
    }

    [JsonConstructor]
    public JsonConstructorEvent(string id, int count = 5, string? unbound = "x")
    {
        Id = id;
        Count = count;
        Unbound = unbound;
    }

    public string Id { get; }
    public int Count { get; }
    public string? Note { get; set; }
    public List<int> Values { get; set; } = [];

    [JsonIgnore]
    public string? Unbound { get; }
}

/// <summary>A class with a primary constructor that fills get-only properties.</summary>
[Event("test/primary-constructor.sent")]
public partial class PrimaryConstructorEvent(string shipmentId, int parcels, DateOnly? due)
{
    public string ShipmentId { get; } = shipmentId;
    public int Parcels { get; } = parcels;
    public DateOnly? Due { get; } = due;
    public string? Carrier { get; set; }
}

/// <summary>Computed and get-only properties: written, never read.</summary>
[Event("test/computed.sent")]
public partial record ComputedEvent(int A, int B)
{
    public int Sum => A + B;
    public List<string> Log { get; } = ["created"];
    public string? Mode { get; private set; }
    public string Version { get; init; } = "1";
}

/// <summary>Only computed properties: every property is written and none is read, so every JSON property is skipped.</summary>
[Event("test/computed-only.sent")]
public partial class ComputedOnlyEvent
{
    public int Answer => 42;
    public string Kind => "computed";
}

/// <summary>
/// Numbers read from strings too, asked for on the type with [JsonNumberHandling(AllowReadingFromString)]: every number
/// kind, nullable numbers and a list of numbers (not a list of arrays, nor a nested object's numbers); a property's own
/// [JsonNumberHandling(Strict)] wins over the type's.
/// </summary>
[Event("test/quoted-numbers.sent")]
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public partial record QuotedNumbersEvent
{
    public byte Byte { get; init; }
    public sbyte SByte { get; init; }
    public short Int16 { get; init; }
    public ushort UInt16 { get; init; }
    public int Int32 { get; init; }
    public uint UInt32 { get; init; }
    public long Int64 { get; init; }
    public ulong UInt64 { get; init; }
    public float Single { get; init; }
    public double Double { get; init; }
    public decimal Decimal { get; init; }
    public int? MaybeInt32 { get; init; }
    public double? MaybeDouble { get; init; }
    public List<long> Numbers { get; init; } = [];
    public List<long[]> Grid { get; init; } = [];
    public string? Text { get; init; }
    public Dimensions Nested { get; init; }

    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public int StrictInt32 { get; init; }
}

/// <summary>
/// Numbers read from strings too, asked for on single properties: a number, a nullable number, and lists, arrays and
/// dictionaries of numbers; the properties next to them stay strict.
/// </summary>
[Event("test/quoted-members.sent")]
public partial record QuotedMembersEvent(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int Count,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Amount,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] List<int?> Maybes,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] double[] Amounts,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] Dictionary<string, int> Counts,
    int Plain,
    List<int> PlainNumbers);

/// <summary>
/// System.Text.Json attributes that ask for what the generated code does anyway (numbers from strings, unknown members
/// skipped, members replaced, a public property included): no INNG1006, and the same JSON as System.Text.Json.
/// </summary>
[Event("test/default-attributes.sent")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
[JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)]
public partial record DefaultAttributesEvent(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal Amount,
    [property: JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)] List<int> Items)
{
    public List<string> Tags { get; set; } = ["default"];

    [JsonInclude]
    public string Label { get; set; } = "label";
}

/// <summary>A struct with a [JsonConstructor] and nested struct members.</summary>
[Event("test/struct-constructor.sent")]
public partial struct StructConstructorEvent
{
    [JsonConstructor]
    public StructConstructorEvent(int width, int height)
    {
        Width = width;
        Height = height;
    }

    public int Width { get; }
    public int Height { get; }
    public Dimensions Inner { get; set; }
    public string? Label { get; set; }
}

/// <summary>Required members alongside a positional record and a derived base.</summary>
[Event("test/mixed.sent")]
public partial record MixedEvent(Guid Key, IReadOnlyList<OrderLine> Lines) : BaseRecord(Key.ToString())
{
    public required Customer Customer { get; init; }
    public Dictionary<string, TreeNode>? Forest { get; init; }
    public Address Billing { get; init; } = new("street", "city", null);
}

/// <summary>Required members with a constructor that sets them ([SetsRequiredMembers]): no longer required in JSON.</summary>
[Event("test/sets-required.sent")]
public partial class SetsRequiredEvent
{
    public SetsRequiredEvent()
    {
    }

    [SetsRequiredMembers]
    [JsonConstructor]
    public SetsRequiredEvent(string name)
    {
        Name = name;
        Tags = [];
    }

    public required string Name { get; init; }
    public required List<string> Tags { get; set; }
    public int Count { get; set; } = 1;
}

/// <summary>Positional parameters whose properties are renamed and reordered.</summary>
[Event("test/renamed-positional.sent")]
public partial record RenamedPositionalEvent(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyOrder(-1)] int Rank,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment)
{
    [JsonPropertyName("ÉTAT")]
    public string? State { get; init; }
}

/// <summary>Chains of links to reach the maximum depth, for the write-depth tests.</summary>
[Event("test/depth.sent")]
public partial record DepthEvent(DepthLink? Next);

public sealed record DepthLink(DepthLink? Next, DepthLeaf? Leaf);

public sealed record DepthLeaf(string? Text, int? Number, GridCell? Cell)
{
    public List<string?>? Strings { get; init; }
    public string?[]? StringArray { get; init; }
    public List<int>? Numbers { get; init; }
    public List<int?>? MaybeNumbers { get; init; }
    public List<Color>? Colors { get; init; }
    public List<Color?>? MaybeColors { get; init; }
    public List<Mood>? Moods { get; init; }
    public List<GridPoint?>? Points { get; init; }
    public List<GridCell>? Cells { get; init; }
    public List<GridCell?>? MaybeCells { get; init; }
    public List<JsonElement>? Elements { get; init; }
    public IEnumerable<string>? Enumerable { get; init; }
    public IReadOnlyList<string>? ReadOnlyList { get; init; }
    public Dictionary<string, string?>? Texts { get; init; }
    public Dictionary<string, int?>? Counts { get; init; }
    public IDictionary<string, string>? TextsInterface { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Skipped { get; init; }
}

/// <summary>Members of closed generic types, including init-only properties on them.</summary>
[Event("test/generic-members.sent")]
public partial record GenericMembersEvent(Box<int> Number, Box<string?>? Text, List<Box<Guid>> Ids)
{
    public Pair<string, Box<int>>? Pair { get; init; }
    public Dictionary<string, Box<DateOnly?>> Days { get; init; } = new();
    public Box<Box<int>>? Nested { get; init; }
}

/// <summary>A derived class that hides a base property with <c>new</c> and overrides a renamed virtual one.</summary>
[Event("test/hiding.sent")]
public partial class HidingEvent : HidingBase
{
    public new string? Value { get; set; }
    public override int Renamed { get; set; }
    public string? WriteOnly { set => Written = value; }

    [JsonIgnore]
    public string? Written { get; private set; }
}
