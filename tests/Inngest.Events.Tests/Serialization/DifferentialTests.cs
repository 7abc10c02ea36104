using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;

namespace Inngest.Events.Tests.Serialization;

/// <summary>
/// For every event shape, 100 seeded random instances: the generated serializer must write exactly what
/// System.Text.Json writes with web defaults, and reading that JSON back (from a string, a span and a stream) must give
/// a value that writes the same JSON again, as System.Text.Json's own reader does.
/// </summary>
public sealed class DifferentialTests
{
    private const int InstancesPerShape = 100;

    private static readonly Dictionary<string, Action<int>> Checks = new()
    {
        [nameof(PrimitivesEvent)] = Check<PrimitivesEvent>,
        [nameof(NullablePrimitivesEvent)] = Check<NullablePrimitivesEvent>,
        [nameof(CollectionsEvent)] = Check<CollectionsEvent>,
        [nameof(NullableCollectionsEvent)] = Check<NullableCollectionsEvent>,
        [nameof(ElementsEvent)] = Check<ElementsEvent>,
        [nameof(EnumsEvent)] = Check<EnumsEvent>,
        [nameof(OrderPlaced)] = Check<OrderPlaced>,
        [nameof(TreeChanged)] = Check<TreeChanged>,
        [nameof(RecordStructEvent)] = Check<RecordStructEvent>,
        [nameof(ReadonlyRecordStructEvent)] = Check<ReadonlyRecordStructEvent>,
        [nameof(PlainClassEvent)] = Check<PlainClassEvent>,
        [nameof(ComputedOnlyEvent)] = Check<ComputedOnlyEvent>,
        [nameof(DefaultAttributesEvent)] = Check<DefaultAttributesEvent>,
        [nameof(QuotedNumbersEvent)] = Check<QuotedNumbersEvent>,
        [nameof(QuotedMembersEvent)] = Check<QuotedMembersEvent>,
        [nameof(InitDefaultsEvent)] = Check<InitDefaultsEvent>,
        [nameof(RequiredMembersEvent)] = Check<RequiredMembersEvent>,
        [nameof(JsonRequiredEvent)] = Check<JsonRequiredEvent>,
        [nameof(DefaultParametersEvent)] = Check<DefaultParametersEvent>,
        [nameof(KeywordsEvent)] = Check<KeywordsEvent>,
        [nameof(GlobalNamespaceEvent)] = Check<GlobalNamespaceEvent>,
        [nameof(NestedEvents.NestedEvent)] = Check<NestedEvents.NestedEvent>,
        [nameof(NestedEvents.Deeper.NestedTwiceEvent)] = Check<NestedEvents.Deeper.NestedTwiceEvent>,
        [nameof(UserRenamed)] = Check<UserRenamed>,
        [nameof(DerivedRecordEvent)] = Check<DerivedRecordEvent>,
        [nameof(PropertyNamesEvent)] = Check<PropertyNamesEvent>,
        [nameof(IgnoreEvent)] = Check<IgnoreEvent>,
        [nameof(OneWayIgnoreEvent)] = CheckOneWay<OneWayIgnoreEvent>,
        [nameof(OrderedEvent)] = Check<OrderedEvent>,
        [nameof(ConvertersEvent)] = Check<ConvertersEvent>,
        [nameof(TextEvent)] = Check<TextEvent>,
        [nameof(NumbersEvent)] = Check<NumbersEvent>,
        [nameof(DatesEvent)] = Check<DatesEvent>,
        [nameof(JsonConstructorEvent)] = Check<JsonConstructorEvent>,
        [nameof(PrimaryConstructorEvent)] = Check<PrimaryConstructorEvent>,
        [nameof(ComputedEvent)] = Check<ComputedEvent>,
        [nameof(StructConstructorEvent)] = Check<StructConstructorEvent>,
        [nameof(MixedEvent)] = Check<MixedEvent>,
        [nameof(ObliviousEvent)] = Check<ObliviousEvent>,
        [nameof(InvoicePaid)] = Check<InvoicePaid>,
        [nameof(SetsRequiredEvent)] = Check<SetsRequiredEvent>,
        [nameof(RenamedPositionalEvent)] = Check<RenamedPositionalEvent>,
        [nameof(DepthEvent)] = Check<DepthEvent>,
        [nameof(GenericMembersEvent)] = Check<GenericMembersEvent>,
        [nameof(HidingEvent)] = Check<HidingEvent>,
    };

    public static TheoryData<string> Shapes => new(Checks.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Random_instances_serialize_and_round_trip_like_System_Text_Json(string shape)
        => Checks[shape](SeedOf(shape));

    /// <summary>A fixed seed per shape (not string.GetHashCode, which changes between runs).</summary>
    private static int SeedOf(string shape)
    {
        var hash = 17;
        foreach (var c in shape)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash & 0x7FFFFFF;
    }

    private static void Check<T>(int seed)
        where T : IEventData<T>
        => Check<T>(seed, roundTrips: true);

    /// <summary>For shapes whose JSON is not meant to read back as itself; reading must still agree with System.Text.Json.</summary>
    private static void CheckOneWay<T>(int seed)
        where T : IEventData<T>
        => Check<T>(seed, roundTrips: false);

    private static void Check<T>(int seed, bool roundTrips)
        where T : IEventData<T>
    {
        for (var i = 0; i < InstancesPerShape; i++)
        {
            var value = (T)new RandomValues(seed + i).Create(typeof(T));
            var where = $" (shape {typeof(T).Name}, seed {seed + i} = {seed} + instance {i})";
            string json;
            try
            {
                json = Differential.AssertSameJson(value, where);
            }
            catch (Exception exception) when (exception is not XunitException)
            {
                throw new XunitException($"Writing failed{where}: {exception}");
            }

            string again;
            string expected;
            try
            {
                again = JsonSerializer.Serialize(Differential.ReadAllWays<T>(json, static v => JsonSerializer.Serialize(v!, T.JsonTypeInfo))!, T.JsonTypeInfo);
                expected = JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, Differential.Reading), Differential.Web);
            }
            catch (Exception exception) when (exception is not XunitException)
            {
                throw new XunitException($"Reading failed{where}.{Environment.NewLine}JSON: {json}{Environment.NewLine}{exception}");
            }

            if (again != expected || (roundTrips && again != json))
            {
                throw new XunitException(
                    $"Round trip differs{where}.{Environment.NewLine}" +
                    $"written:                     {json}{Environment.NewLine}" +
                    $"read and rewritten:          {again}{Environment.NewLine}" +
                    $"System.Text.Json round trip: {expected}");
            }
        }
    }

    [Fact]
    public void Shapes_cover_at_least_25_events()
        => Assert.True(Checks.Count >= 25, $"only {Checks.Count} shapes");

    [Fact]
    public void Extreme_integers_match()
    {
        var min = new PrimitivesEvent
        {
            Byte = byte.MinValue, SByte = sbyte.MinValue, Int16 = short.MinValue, UInt16 = ushort.MinValue, Int32 = int.MinValue,
            UInt32 = uint.MinValue, Int64 = long.MinValue, UInt64 = ulong.MinValue,
        };
        var max = new PrimitivesEvent
        {
            Byte = byte.MaxValue, SByte = sbyte.MaxValue, Int16 = short.MaxValue, UInt16 = ushort.MaxValue, Int32 = int.MaxValue,
            UInt32 = uint.MaxValue, Int64 = long.MaxValue, UInt64 = ulong.MaxValue,
        };

        var minJson = Differential.AssertSameJson(min);
        var maxJson = Differential.AssertSameJson(max);
        Assert.Contains("\"int64\":-9223372036854775808", minJson, StringComparison.Ordinal);
        Assert.Contains("\"uInt64\":18446744073709551615", maxJson, StringComparison.Ordinal);
        Assert.Equal(min, Differential.AssertSameRead<PrimitivesEvent>(minJson));
        Assert.Equal(max, Differential.AssertSameRead<PrimitivesEvent>(maxJson));
    }

    [Theory]
    [InlineData("1.500")]
    [InlineData("0.0000")]
    [InlineData("-0.0")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1.0000000000000000000000000000")]
    [InlineData("100")]
    public void Decimals_keep_their_scale(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var json = Differential.AssertSameJson(new NumbersEvent(value, 0, 0, 0, 0) { Amounts = [value] });
        Assert.Contains($"\"amount\":{value.ToString(System.Globalization.CultureInfo.InvariantCulture)},", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(Differential.AssertSameRead<NumbersEvent>(json)!, NumbersEvent.JsonTypeInfo));
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(5e-324)]
    [InlineData(-5e-324)]
    [InlineData(double.MinValue)]
    [InlineData(-0.0)]
    [InlineData(0.1)]
    [InlineData(1e21)]
    [InlineData(123456789012345680000.0)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(2.2250738585072014E-308)]
    public void Extreme_doubles_match(double value)
    {
        var single = float.IsFinite((float)value) ? (float)value : 0;
        var json = Differential.AssertSameJson(new NumbersEvent(0, value, single, 0, 0) { Ratios = [value, -value] });
        Assert.Equal(json, JsonSerializer.Serialize(Differential.AssertSameRead<NumbersEvent>(json)!, NumbersEvent.JsonTypeInfo));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_fail_to_write_with_the_same_exception(double value)
    {
        // Web defaults do not allow named floating-point literals when writing; both sides throw, alike.
        foreach (var shape in new[]
        {
            new NumbersEvent(0, value, 0, 0, 0),
            new NumbersEvent(0, 0, (float)value, 0, 0),
            new NumbersEvent(0, 0, 0, 0, 0) { Ratios = [1, value] },
        })
        {
            var expected = Differential.Catch(() => JsonSerializer.Serialize(shape, Differential.Web));
            var actual = Differential.Catch(() => JsonSerializer.Serialize(shape, NumbersEvent.JsonTypeInfo));
            Assert.NotNull(expected);
            Assert.NotNull(actual);
            Assert.Equal(expected.GetType(), actual.GetType());
            Assert.Equal(expected.Message, actual.Message);
        }
    }

    [Fact]
    public void Date_time_kinds_and_offsets_match()
    {
        var local = new DateTime(2024, 3, 10, 2, 30, 0, DateTimeKind.Local);
        var utc = new DateTime(2024, 3, 10, 2, 30, 0, 123, DateTimeKind.Utc).AddTicks(4567);
        var unspecified = new DateTime(2024, 3, 10, 2, 30, 0, DateTimeKind.Unspecified);
        var value = new DatesEvent(local, utc, unspecified, new DateTimeOffset(2024, 3, 10, 2, 30, 0, TimeSpan.FromHours(-9.5)))
        {
            Offsets =
            [
                new(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)),
                new(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14)),
                new(2000, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(345)),
                DateTimeOffset.MinValue,
                DateTimeOffset.MaxValue,
            ],
            Times = [DateTime.MinValue, DateTime.MaxValue, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)],
            Day = DateOnly.MaxValue,
            Clock = TimeOnly.MaxValue,
            Span = TimeSpan.MinValue,
            Deadlines = new() { ["none"] = null, ["epoch"] = DateTimeOffset.UnixEpoch },
        };

        var json = Differential.AssertSameJson(value);
        Assert.Contains("\"utc\":\"2024-03-10T02:30:00.1234567Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unspecified\":\"2024-03-10T02:30:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"at\":\"2024-03-10T02:30:00-09:30\"", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(Differential.AssertSameRead<DatesEvent>(json)!, DatesEvent.JsonTypeInfo));
    }

    [Fact]
    public void Strings_that_need_escaping_match()
    {
        var nasty = "<>&'\"+\\/ \u0000\u0001\u001f\u007f\b\f\n\r\t é ß 中文 😀 𝄞 \u2028\u2029 \u00a0\ufeff";
        var value = new TextEvent(nasty, '<', "\ud83d\ude00")
        {
            Lines = ["'", "\"", "&", "+", "\u0000", "😀"],
            ByKey = new() { [nasty] = nasty, ["<key>"] = "&", [""] = "" },
            MaybeLetter = '\u2028',
            Letters = ['"', '\\', '\n', '\u0000', 'é', '\'', '+', '&'],
        };

        var json = Differential.AssertSameJson(value);
        Assert.Contains("\\u003C\\u003E\\u0026\\u0027\\u0022\\u002B", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(Differential.AssertSameRead<TextEvent>(json)!, TextEvent.JsonTypeInfo));
    }

    [Fact]
    public void Lone_surrogates_are_written_alike()
    {
        // Not valid UTF-16, so not round-trippable, but both writers must still agree on the bytes.
        var value = new TextEvent("a\ud800b", '\udc00', "\udfff") { Lines = ["\ud83d"], Letters = ['\ud800'] };
        Differential.AssertSameJson(value);
    }

    public static TheoryData<string> DepthLeaves => new(Leaves.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, DepthLeaf> Leaves = new()
    {
        ["nulls"] = new(null, null, null),
        ["text"] = new("x", null, null),
        ["number"] = new(null, 1, null),
        ["cell"] = new(null, null, new GridCell(1, 2)),
        ["skipped default"] = new(null, null, null) { Skipped = 0 },
        ["skipped value"] = new(null, null, null) { Skipped = 1 },
        ["empty list"] = new(null, null, null) { Strings = [] },
        ["list of null strings"] = new(null, null, null) { Strings = [null] },
        ["list of strings"] = new(null, null, null) { Strings = ["x"] },
        ["array of strings"] = new(null, null, null) { StringArray = ["x"] },
        ["list of numbers"] = new(null, null, null) { Numbers = [1] },
        ["list of null numbers"] = new(null, null, null) { MaybeNumbers = [null] },
        ["list of enums"] = new(null, null, null) { Colors = [Color.Red] },
        ["list of null enums"] = new(null, null, null) { MaybeColors = [null] },
        ["list of converter enums"] = new(null, null, null) { Moods = [Mood.Calm] },
        ["list of null converter values"] = new(null, null, null) { Points = [null] },
        ["list of converter values"] = new(null, null, null) { Points = [new GridPoint(1, 2)] },
        ["list of structs"] = new(null, null, null) { Cells = [default] },
        ["list of null structs"] = new(null, null, null) { MaybeCells = [null] },
        ["list of elements"] = new(null, null, null) { Elements = [JsonDocument.Parse("1").RootElement] },
        ["enumerable of strings"] = new(null, null, null) { Enumerable = ["x"] },
        ["read-only list of strings"] = new(null, null, null) { ReadOnlyList = ["x"] },
        ["dictionary of null strings"] = new(null, null, null) { Texts = new() { ["a"] = null } },
        ["dictionary of null numbers"] = new(null, null, null) { Counts = new() { ["a"] = null } },
        ["dictionary interface of strings"] = new(null, null, null) { TextsInterface = new Dictionary<string, string> { ["a"] = "b" } },
    };

    [Theory]
    [MemberData(nameof(DepthLeaves))]
    public void Writing_fails_at_the_maximum_depth_exactly_where_System_Text_Json_fails(string leaf)
    {
        // System.Text.Json refuses to write values 64 levels deep, except null properties and (in its fast path for
        // List<T>, arrays and Dictionary<string, T>) elements with a built-in converter that is not for a number.
        for (var depth = 57; depth < 63; depth++)
        {
            var link = new DepthLink(null, Leaves[leaf]);
            for (var i = 0; i < depth; i++)
            {
                link = new DepthLink(link, null);
            }

            var value = new DepthEvent(link);
            var expected = Differential.Catch(() => JsonSerializer.Serialize(value, Differential.Web));
            var actual = Differential.Catch(() => JsonSerializer.Serialize(value, DepthEvent.JsonTypeInfo));
            if (expected is null)
            {
                Assert.True(actual is null, $"depth {depth}: {actual}");
                Differential.AssertSameJson(value);
            }
            else
            {
                Assert.True(actual is not null, $"depth {depth}: System.Text.Json threw {expected.GetType().Name}, the generated writer wrote");
                Assert.Equal(expected.GetType(), actual.GetType());
                Assert.Equal(expected.Message[..expected.Message.IndexOf(" Path:", StringComparison.Ordinal)], actual.Message.TrimEnd('.') + ".");
            }
        }
    }

    [Fact]
    public void Writing_into_a_callers_writer_matches()
    {
        // The caller's writer decides indentation and how values are escaped; property names are escaped as the
        // serializer options say, on both sides.
        var value = (OrderPlaced)new RandomValues(42).Create(typeof(OrderPlaced));
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Assert.Equal(Write(w => JsonSerializer.Serialize(w, value, Differential.Web)), Write(w => JsonSerializer.Serialize(w, value, OrderPlaced.JsonTypeInfo)));
        var names = new PropertyNamesEvent { FirstName = "<é>", Name = "&" };
        Assert.Equal(Write(w => JsonSerializer.Serialize(w, names, Differential.Web)), Write(w => JsonSerializer.Serialize(w, names, PropertyNamesEvent.JsonTypeInfo)));

        string Write(Action<Utf8JsonWriter> write)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("data");
                write(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }

    [Fact]
    public void An_undefined_JsonElement_fails_to_write_with_the_same_exception()
    {
        var value = new ElementsEvent(default, null);
        var expected = Differential.Catch(() => JsonSerializer.Serialize(value, Differential.Web));
        var actual = Differential.Catch(() => JsonSerializer.Serialize(value, ElementsEvent.JsonTypeInfo));
        Assert.NotNull(expected);
        Assert.Equal(expected.GetType(), actual?.GetType());
    }

    [Fact]
    public void Deep_trees_fail_to_write_with_the_same_exception()
    {
        // Deeper than web defaults' MaxDepth of 64: System.Text.Json reports a possible cycle as a JsonException.
        var node = new TreeNode("leaf", 0, []);
        for (var i = 0; i < 70; i++)
        {
            node = new TreeNode("n" + i, i, [node]);
        }

        var value = new TreeChanged(node, null);
        var expected = Differential.Catch(() => JsonSerializer.Serialize(value, Differential.Web));
        var actual = Differential.Catch(() => JsonSerializer.Serialize(value, TreeChanged.JsonTypeInfo));
        Assert.IsType<JsonException>(expected);
        Assert.IsType<JsonException>(actual);
    }

    [Fact]
    public void Deepest_trees_System_Text_Json_writes_are_written_alike()
    {
        for (var depth = 1; depth < 40; depth++)
        {
            var node = new TreeNode("leaf", 0, []);
            for (var i = 0; i < depth; i++)
            {
                node = new TreeNode("n" + i, i, [node]);
            }

            var value = new TreeChanged(node, null);
            var expected = Differential.Catch(() => JsonSerializer.Serialize(value, Differential.Web));
            var actual = Differential.Catch(() => JsonSerializer.Serialize(value, TreeChanged.JsonTypeInfo));
            if (expected is null)
            {
                Assert.Null(actual);
                Differential.AssertSameJson(value);
            }
            else
            {
                Assert.IsType(expected.GetType(), actual);
            }
        }
    }
}
