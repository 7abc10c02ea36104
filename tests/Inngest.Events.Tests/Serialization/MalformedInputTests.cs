using System.Text;
using System.Text.Json;
using Xunit;

namespace Inngest.Events.Tests.Serialization;

/// <summary>
/// Bad JSON never escapes as anything but a <see cref="JsonException"/> (exactly that type, as System.Text.Json
/// throws), and the exception's <see cref="JsonException.Path"/> names the offending value, as System.Text.Json's does.
/// Every case runs through the string, span and stream entry points.
/// </summary>
public sealed class MalformedInputTests
{
    private const string Order = """
        {"orderId":"o-1","customer":{"id":"c","name":"Ann","address":{"street":"Main 1","city":"X","zip":null,"position":{"latitude":1.5,"longitude":-2}},"email":"a@b","phones":["1","2"]},"lines":[{"sku":"a","quantity":1,"unitPrice":9.99,"options":{"size":"L"}},{"sku":"b","quantity":2,"unitPrice":0.5,"original":{"sku":"o","quantity":3,"unitPrice":1}}],"shipping":null,"history":[]}
        """;

    private static readonly Dictionary<string, Func<byte[], Exception?>> Readers = new()
    {
        [nameof(OrderPlaced)] = static json => Differential.AssertSameOutcome<OrderPlaced>(json),
        [nameof(TreeChanged)] = static json => Differential.AssertSameOutcome<TreeChanged>(json),
        [nameof(PrimitivesEvent)] = static json => Differential.AssertSameOutcome<PrimitivesEvent>(json),
        [nameof(CollectionsEvent)] = static json => Differential.AssertSameOutcome<CollectionsEvent>(json),
        [nameof(PropertyNamesEvent)] = static json => Differential.AssertSameOutcome<PropertyNamesEvent>(json),
        [nameof(ReadonlyRecordStructEvent)] = static json => Differential.AssertSameOutcome<ReadonlyRecordStructEvent>(json),
        [nameof(ConvertersEvent)] = static json => Differential.AssertSameOutcome<ConvertersEvent>(json),
        [nameof(ElementsEvent)] = static json => Differential.AssertSameOutcome<ElementsEvent>(json),
        [nameof(TextEvent)] = static json => Differential.AssertSameOutcome<TextEvent>(json),
        [nameof(InvoicePaid)] = static json => Differential.AssertSameOutcome<InvoicePaid>(json),
        [nameof(EnumsEvent)] = static json => Differential.AssertSameOutcome<EnumsEvent>(json),
        [nameof(NullableCollectionsEvent)] = static json => Differential.AssertSameOutcome<NullableCollectionsEvent>(json),
        [nameof(RecordStructEvent)] = static json => Differential.AssertSameOutcome<RecordStructEvent>(json),
    };

    [Fact]
    public void The_valid_order_reads()
        => Assert.Null(Readers[nameof(OrderPlaced)](Encoding.UTF8.GetBytes(Order)));

    [Fact]
    public void Every_truncation_fails_with_a_JsonException()
    {
        var bytes = Encoding.UTF8.GetBytes(Order);
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            AssertJsonException<OrderPlaced>(prefix);
            Assert.IsType<JsonException>(Readers[nameof(OrderPlaced)](prefix));
        }
    }

    public static TheoryData<string, string, string> WrongTokens => new()
    {
        // A string where a number is expected, inside a list inside a nested record.
        { nameof(OrderPlaced), """{"orderId":"o","lines":[{"sku":"a","quantity":1,"unitPrice":1},{"sku":"b","quantity":"x","unitPrice":1}]}""", "$.lines[1].quantity" },
        { nameof(OrderPlaced), """{"lines":[{"original":{"quantity":true}}]}""", "$.lines[0].original.quantity" },
        { nameof(OrderPlaced), """{"lines":[{"original":{"quantity":{}}}]}""", "$.lines[0].original.quantity" },
        { nameof(OrderPlaced), """{"lines":[{"original":{"quantity":[1]}}]}""", "$.lines[0].original.quantity" },

        // An object where an array is expected, an array where an object is expected.
        { nameof(OrderPlaced), """{"lines":{}}""", "$.lines" },
        { nameof(OrderPlaced), """{"history":[{"street":"s"},1]}""", "$.history[1]" },
        { nameof(OrderPlaced), """{"customer":[]}""", "$.customer" },
        { nameof(OrderPlaced), """{"customer":{"address":"here"}}""", "$.customer.address" },
        { nameof(OrderPlaced), """{"customer":{"phones":"1"}}""", "$.customer.phones" },
        { nameof(OrderPlaced), """{"customer":{"phones":["1",2]}}""", "$.customer.phones[1]" },
        { nameof(OrderPlaced), """{"lines":[{"options":[]}]}""", "$.lines[0].options" },
        { nameof(OrderPlaced), """{"lines":[{"options":{"size":1}}]}""", "$.lines[0].options.size" },
        { nameof(OrderPlaced), """{"lines":[{"options":{"a.b":1}}]}""", "$.lines[0].options['a.b']" },
        { nameof(OrderPlaced), """{"lines":[null,{"options":{"it's":1}}]}""", "$.lines[1].options['it's']" },

        // A number where a string is expected; deeper values.
        { nameof(OrderPlaced), """{"customer":{"name":5}}""", "$.customer.name" },
        { nameof(OrderPlaced), """{"orderId":false}""", "$.orderId" },
        { nameof(OrderPlaced), """{"customer":{"address":{"position":{"latitude":"north"}}}}""", "$.customer.address.position.latitude" },
        { nameof(OrderPlaced), """{"customer":{"address":{"position":null}},"shipping":{"position":{"longitude":[]}}}""", "$.shipping.position.longitude" },
        { nameof(TreeChanged), """{"root":{"name":"r","children":[{"name":"a","children":[{"weight":"heavy"}]}]}}""", "$.root.children[0].children[0].weight" },
        { nameof(TreeChanged), """{"root":{"children":[{"link":{"named":{"k":{"children":[1]}}}}]}}""", "$.root.children[0].link.named.k.children[0]" },
        { nameof(CollectionsEvent), """{"jagged":[[1],[2,"x"]]}""", "$.jagged[1][1]" },
        { nameof(CollectionsEvent), """{"nested":{"a":{"b":"c"}}}""", "$.nested.a.b" },
        { nameof(CollectionsEvent), """{"groups":{"a b":[1,"x"]}}""", "$.groups['a b'][1]" },
        { nameof(CollectionsEvent), """{"maybes":[1,null,true]}""", "$.maybes[2]" },
        { nameof(CollectionsEvent), """{"blobs":["AQID","!"]}""", "$.blobs[1]" },
        { nameof(NullableCollectionsEvent), """{"lists":[null,[null,"a",1]]}""", "$.lists[1][2]" },
        { nameof(NullableCollectionsEvent), """{"boxes":{"x":{"width":"w"}}}""", "$.boxes.x.width" },
        { nameof(ReadonlyRecordStructEvent), """{"size":{"width":"w"}}""", "$.size.width" },
        { nameof(ReadonlyRecordStructEvent), """{"size":null}""", "$.size" },
        { nameof(RecordStructEvent), """{"cells":[{"row":1},{"column":"c"}]}""", "$.cells[1].column" },
        { nameof(EnumsEvent), """{"palette":[0,"Red"]}""", "$.palette[1]" },
        { nameof(EnumsEvent), """{"grants":{"x":"Read"}}""", "$.grants.x" },

        // Property names that need brackets in a path, and names written in another case.
        { nameof(PropertyNamesEvent), """{"dot.name":"x"}""", "$['dot.name']" },
        { nameof(PropertyNamesEvent), """{"it's":"x"}""", "$['it's']" },
        { nameof(PropertyNamesEvent), """{"a\"quote":"x"}""", "$['a\"quote']" },
        { nameof(PropertyNamesEvent), """{"back\\slash":"x"}""", "$['back\\slash']" },
        { nameof(PropertyNamesEvent), """{"tab\there":"x"}""", "$['tab\there']" },
        { nameof(PropertyNamesEvent), """{"":"x"}""", "$." },
        { nameof(PropertyNamesEvent), """{"$dollar":"x"}""", "$.$dollar" },
        { nameof(PropertyNamesEvent), """{"<tag>&amp;":"x"}""", "$.<tag>&amp;" },
        { nameof(PropertyNamesEvent), """{"with space":"x"}""", "$['with space']" },
        { nameof(PropertyNamesEvent), """{"[br]":[1,"x"]}""", "$['[br]'][1]" },
        { nameof(PropertyNamesEvent), """{"名前":1}""", "$.名前" },
        { nameof(OrderPlaced), """{"LINES":[{"QUANTITY":"x"}]}""", "$.LINES[0].QUANTITY" },
        { nameof(OrderPlaced), """{"lin\u0065s":[{"quantity":"x"}]}""", "$.lines[0].quantity" },

        // Values of the wrong form.
        { nameof(PrimitivesEvent), """{"guid":"not-a-guid"}""", "$.guid" },
        { nameof(PrimitivesEvent), """{"guid":1}""", "$.guid" },
        { nameof(PrimitivesEvent), """{"dateTime":"yesterday"}""", "$.dateTime" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-13-01T00:00:00"}""", "$.dateTime" },
        { nameof(PrimitivesEvent), """{"dateTimeOffset":"2024-01-01T00:00:00+25:00"}""", "$.dateTimeOffset" },
        { nameof(PrimitivesEvent), """{"dateOnly":"2024-02-30"}""", "$.dateOnly" },
        { nameof(PrimitivesEvent), """{"dateOnly":"2024-01-01T00:00:00"}""", "$.dateOnly" },
        { nameof(PrimitivesEvent), """{"timeOnly":"25:00:00"}""", "$.timeOnly" },
        { nameof(PrimitivesEvent), """{"timeSpan":"forever"}""", "$.timeSpan" },
        { nameof(PrimitivesEvent), """{"timeSpan":"00:00:60"}""", "$.timeSpan" },
        { nameof(PrimitivesEvent), """{"timeSpan":1000}""", "$.timeSpan" },
        { nameof(PrimitivesEvent), """{"bytes":"not base64!"}""", "$.bytes" },
        { nameof(PrimitivesEvent), """{"uri":1}""", "$.uri" },
        { nameof(PrimitivesEvent), """{"char":"ab"}""", "$.char" },
        { nameof(PrimitivesEvent), """{"char":""}""", "$.char" },
        { nameof(PrimitivesEvent), """{"flag":"yes"}""", "$.flag" },
        { nameof(PrimitivesEvent), """{"color":"Red"}""", "$.color" },
        { nameof(PrimitivesEvent), """{"int32":null}""", "$.int32" },
        { nameof(PrimitivesEvent), """{"text":"\ud800"}""", "$.text" },

        // Integers out of range.
        { nameof(PrimitivesEvent), """{"byte":256}""", "$.byte" },
        { nameof(PrimitivesEvent), """{"byte":-1}""", "$.byte" },
        { nameof(PrimitivesEvent), """{"sByte":-129}""", "$.sByte" },
        { nameof(PrimitivesEvent), """{"int16":32768}""", "$.int16" },
        { nameof(PrimitivesEvent), """{"uInt16":65536}""", "$.uInt16" },
        { nameof(PrimitivesEvent), """{"int32":2147483648}""", "$.int32" },
        { nameof(PrimitivesEvent), """{"int32":"-2147483649"}""", "$.int32" },
        { nameof(PrimitivesEvent), """{"uInt32":-1}""", "$.uInt32" },
        { nameof(PrimitivesEvent), """{"int64":9223372036854775808}""", "$.int64" },
        { nameof(PrimitivesEvent), """{"uInt64":18446744073709551616}""", "$.uInt64" },
        { nameof(PrimitivesEvent), """{"int32":1.5}""", "$.int32" },
        { nameof(PrimitivesEvent), """{"int32":"1.5"}""", "$.int32" },
        { nameof(PrimitivesEvent), """{"decimal":1e29}""", "$.decimal" },
        { nameof(PrimitivesEvent), """{"single":"1e39"}""", "$.single" },
        { nameof(EnumsEvent), """{"small":256}""", "$.small" },

        // Converters: exceptions from user converters, and from System.Text.Json's reader inside them.
        { nameof(ConvertersEvent), """{"point":"nope"}""", "$.point" },
        { nameof(ConvertersEvent), """{"points":["1:2","x"]}""", "$.points[1]" },
        { nameof(ConvertersEvent), """{"prices":{"a":"1 EUR","b":"free"}}""", "$.prices.b" },
        { nameof(ConvertersEvent), """{"code":null}""", "$.code" },
        { nameof(ConvertersEvent), """{"maybeCode":true}""", "$.maybeCode" },
        { nameof(ConvertersEvent), """{"color":"Purple"}""", "$.color" },
        { nameof(ConvertersEvent), """{"maybeColor":"Purple"}""", "$.maybeColor" },
        { nameof(ConvertersEvent), """{"moods":["calm","angry"]}""", "$.moods[1]" },
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public void Wrong_values_fail_with_the_path_of_the_value(string shape, string json, string path)
    {
        var expected = Assert.IsType<JsonException>(Readers[shape](Encoding.UTF8.GetBytes(json)));
        Assert.Equal(path, expected.Path);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { nameof(InvoicePaid), "" },
        { nameof(InvoicePaid), "   " },
        { nameof(InvoicePaid), "{" },
        { nameof(InvoicePaid), "}" },
        { nameof(InvoicePaid), "[]" },
        { nameof(InvoicePaid), "1" },
        { nameof(InvoicePaid), "\"x\"" },
        { nameof(InvoicePaid), "{}}" },
        { nameof(InvoicePaid), "{} x" },
        { nameof(InvoicePaid), "{}{}" },
        { nameof(InvoicePaid), """{"invoiceId":"a",}""" },
        { nameof(InvoicePaid), """{"lines":[{"sku":"a"},]}""" },
        { nameof(InvoicePaid), """{"lines":[1,]}""" },
        { nameof(InvoicePaid), """{"invoiceId":"a" /* comment */}""" },
        { nameof(InvoicePaid), "{\"invoiceId\":\"a\" // comment\n}" },
        { nameof(InvoicePaid), "/* c */ {}" },
        { nameof(InvoicePaid), """{'invoiceId':"a"}""" },
        { nameof(InvoicePaid), """{invoiceId:"a"}""" },
        { nameof(InvoicePaid), """{"invoiceId" "a"}""" },
        { nameof(InvoicePaid), """{"invoiceId":"a" "amount":1}""" },
        { nameof(InvoicePaid), """{"amount":NaN}""" },
        { nameof(InvoicePaid), """{"amount":01}""" },
        { nameof(InvoicePaid), """{"amount":+1}""" },
        { nameof(InvoicePaid), """{"amount":.5}""" },
        { nameof(InvoicePaid), """{"amount":1.}""" },
        { nameof(InvoicePaid), """{"amount":1e}""" },
        { nameof(InvoicePaid), """{"amount":tru}""" },
        { nameof(InvoicePaid), """{"amount":nul}""" },
        { nameof(InvoicePaid), "{\"invoiceId\":\"a\tb\"}" },
        { nameof(InvoicePaid), "{\"invoiceId\":\"a\nb\"}" },
        { nameof(InvoicePaid), """{"invoiceId":"\x"}""" },
        { nameof(InvoicePaid), """{"invoiceId":"\u12"}""" },
        { nameof(InvoicePaid), """{"lines":[{"sku":"a"}}""" },
        { nameof(InvoicePaid), """{"lines":[{"sku":"a"]}""" },
        { nameof(InvoicePaid), """{"unknown":{"a":}}""" },
        { nameof(InvoicePaid), """{"unknown":[1,,2]}""" },
        { nameof(InvoicePaid), """{"metadata":{"a":"b",}}""" },
        { nameof(ElementsEvent), """{"payload":{"a":[1,2}}""" },
        { nameof(ElementsEvent), """{"payload":[1,2,]}""" },
        { nameof(ElementsEvent), """{"items":[{"a" 1}]}""" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_JSON_fails_with_a_JsonException(string shape, string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        Assert.IsType<JsonException>(Readers[shape](utf8));
    }

    public static TheoryData<string, byte[], string> InvalidUtf8 => new()
    {
        { nameof(TextEvent), [.. """{"text":" """u8[..^1], 0xC3, 0x28, .. "\"}"u8], "$.text" },
        { nameof(TextEvent), [.. """{"text":"a","lines":["ok"," """u8[..^1], 0xFF, .. "\"]}"u8], "$.lines[1]" },
        { nameof(TextEvent), [.. """{"byKey":{" """u8[..^1], 0xED, 0xA0, 0x80, .. "\":\"x\"}}"u8], "$.byKey" },
        { nameof(TextEvent), [.. """{"letter":" """u8[..^1], 0xE2, 0x82, .. "\"}"u8], "$.letter" },
        { nameof(InvoicePaid), [.. """{"invoiceId":"a","lines":[{"sku":" """u8[..^1], 0x80, .. "\"}]}"u8], "$.lines[0].sku" },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Invalid_UTF8_fails_with_a_JsonException(string shape, byte[] utf8, string path)
    {
        var expected = Assert.IsType<JsonException>(Readers[shape](utf8));
        Assert.Equal(path, expected.Path);
    }

    [Fact]
    public void Invalid_UTF8_in_an_unknown_property_name_is_skipped_like_System_Text_Json()
    {
        // System.Text.Json matches names as bytes and never decodes an unknown one.
        byte[] utf8 = [.. "{\"invoiceId\":\"i\",\""u8, 0xC3, 0x28, .. "\":{\"a\":[1]},\"amount\":1}"u8];
        Assert.Null(Readers[nameof(InvoicePaid)](utf8));
    }

    [Theory]
    [InlineData("""{"\ud800":1}""")]
    [InlineData("""{"metadata":{"\ud800":"x"}}""")]
    [InlineData("""{"\ud83d\ude00":1}""")]
    public void Escaped_lone_surrogates_in_names_are_handled_like_System_Text_Json(string json)
        => Readers[nameof(InvoicePaid)](Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Other_exceptions_from_user_converters_pass_through_like_System_Text_Json()
    {
        // int.Parse in a user converter throws FormatException; System.Text.Json does not wrap it, and neither do we.
        Assert.IsType<FormatException>(Readers[nameof(ConvertersEvent)]("""{"code":"x"}"""u8.ToArray()));
    }

    [Theory]
    [InlineData(63, false)]
    [InlineData(64, false)]
    [InlineData(65, true)]
    [InlineData(1000, true)]
    public void Nesting_deeper_than_64_fails_with_a_JsonException(int depth, bool fails)
    {
        // A JSON element nested depth levels deep, inside the event object (one more level).
        var element = new string('[', depth - 1) + new string(']', depth - 1);
        var json = Encoding.UTF8.GetBytes("{\"payload\":" + element + "}");
        var expected = Readers[nameof(ElementsEvent)](json);
        if (fails)
        {
            Assert.IsType<JsonException>(expected);
        }
        else
        {
            Assert.Null(expected);
        }
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(200, true)]
    public void Deeply_nested_records_fail_with_a_JsonException(int depth, bool fails)
    {
        // Each tree level adds an object and an array.
        var json = new StringBuilder("{\"root\":");
        for (var i = 0; i < depth; i++)
        {
            json.Append("{\"name\":\"n\",\"children\":[");
        }

        json.Append("{\"name\":\"leaf\",\"children\":[]}");
        for (var i = 0; i < depth; i++)
        {
            json.Append("]}");
        }

        json.Append('}');
        var expected = Readers[nameof(TreeChanged)](Encoding.UTF8.GetBytes(json.ToString()));
        if (fails)
        {
            Assert.IsType<JsonException>(expected);
        }
        else
        {
            Assert.Null(expected);
        }
    }

    /// <summary>The generated reader's own failure, from every entry point, is exactly a JsonException.</summary>
    private static void AssertJsonException<T>(byte[] utf8)
        where T : IEventData<T>
    {
        foreach (var (entry, read) in Differential.EntryPoints<T>(utf8))
        {
            var exception = Differential.Catch(() => read());
            Assert.True(exception is not null, $"{entry}: no exception for {Encoding.UTF8.GetString(utf8)}");
            Assert.True(exception.GetType() == typeof(JsonException), $"{entry}: {exception}");
        }
    }
}
