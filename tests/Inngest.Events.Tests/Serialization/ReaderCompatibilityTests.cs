using System.Text;
using System.Text.Json;
using Xunit;

namespace Inngest.Events.Tests.Serialization;

/// <summary>
/// The generated readers accept what System.Text.Json accepts under web defaults with strict numbers (case-insensitive
/// names, numbers in strings where a member or type asks for them, unknown and repeated properties, missing ones) and
/// read the same values; each case is checked against
/// System.Text.Json's reflection deserializer through the string, span and stream entry points.
/// </summary>
public sealed class ReaderCompatibilityTests
{
    private static readonly Dictionary<string, Func<string, Exception?>> Readers = new()
    {
        [nameof(InvoicePaid)] = static json => Differential.AssertSameOutcome<InvoicePaid>(json),
        [nameof(PrimitivesEvent)] = static json => Differential.AssertSameOutcome<PrimitivesEvent>(json),
        [nameof(NullablePrimitivesEvent)] = static json => Differential.AssertSameOutcome<NullablePrimitivesEvent>(json),
        [nameof(CollectionsEvent)] = static json => Differential.AssertSameOutcome<CollectionsEvent>(json),
        [nameof(NullableCollectionsEvent)] = static json => Differential.AssertSameOutcome<NullableCollectionsEvent>(json),
        [nameof(ElementsEvent)] = static json => Differential.AssertSameOutcome<ElementsEvent>(json),
        [nameof(EnumsEvent)] = static json => Differential.AssertSameOutcome<EnumsEvent>(json),
        [nameof(OrderPlaced)] = static json => Differential.AssertSameOutcome<OrderPlaced>(json),
        [nameof(TreeChanged)] = static json => Differential.AssertSameOutcome<TreeChanged>(json),
        [nameof(RecordStructEvent)] = static json => Differential.AssertSameOutcome<RecordStructEvent>(json),
        [nameof(ReadonlyRecordStructEvent)] = static json => Differential.AssertSameOutcome<ReadonlyRecordStructEvent>(json),
        [nameof(PlainClassEvent)] = static json => Differential.AssertSameOutcome<PlainClassEvent>(json),
        [nameof(InitDefaultsEvent)] = static json => Differential.AssertSameOutcome<InitDefaultsEvent>(json),
        [nameof(RequiredMembersEvent)] = static json => Differential.AssertSameOutcome<RequiredMembersEvent>(json),
        [nameof(JsonRequiredEvent)] = static json => Differential.AssertSameOutcome<JsonRequiredEvent>(json),
        [nameof(DefaultParametersEvent)] = static json => Differential.AssertSameOutcome<DefaultParametersEvent>(json),
        [nameof(KeywordsEvent)] = static json => Differential.AssertSameOutcome<KeywordsEvent>(json),
        [nameof(PropertyNamesEvent)] = static json => Differential.AssertSameOutcome<PropertyNamesEvent>(json),
        [nameof(IgnoreEvent)] = static json => Differential.AssertSameOutcome<IgnoreEvent>(json),
        [nameof(OneWayIgnoreEvent)] = static json => Differential.AssertSameOutcome<OneWayIgnoreEvent>(json),
        [nameof(ConvertersEvent)] = static json => Differential.AssertSameOutcome<ConvertersEvent>(json),
        [nameof(TextEvent)] = static json => Differential.AssertSameOutcome<TextEvent>(json),
        [nameof(JsonConstructorEvent)] = static json => Differential.AssertSameOutcome<JsonConstructorEvent>(json),
        [nameof(PrimaryConstructorEvent)] = static json => Differential.AssertSameOutcome<PrimaryConstructorEvent>(json),
        [nameof(ComputedEvent)] = static json => Differential.AssertSameOutcome<ComputedEvent>(json),
        [nameof(ComputedOnlyEvent)] = static json => Differential.AssertSameOutcome<ComputedOnlyEvent>(json),
        [nameof(QuotedNumbersEvent)] = static json => Differential.AssertSameOutcome<QuotedNumbersEvent>(json),
        [nameof(QuotedMembersEvent)] = static json => Differential.AssertSameOutcome<QuotedMembersEvent>(json),
        [nameof(DefaultAttributesEvent)] = static json => Differential.AssertSameOutcome<DefaultAttributesEvent>(json),
        [nameof(StructConstructorEvent)] = static json => Differential.AssertSameOutcome<StructConstructorEvent>(json),
        [nameof(UserRenamed)] = static json => Differential.AssertSameOutcome<UserRenamed>(json),
        [nameof(DerivedRecordEvent)] = static json => Differential.AssertSameOutcome<DerivedRecordEvent>(json),
        [nameof(NestedEvents.Deeper.NestedTwiceEvent)] = static json => Differential.AssertSameOutcome<NestedEvents.Deeper.NestedTwiceEvent>(json),
        [nameof(SetsRequiredEvent)] = static json => Differential.AssertSameOutcome<SetsRequiredEvent>(json),
        [nameof(RenamedPositionalEvent)] = static json => Differential.AssertSameOutcome<RenamedPositionalEvent>(json),
        [nameof(GenericMembersEvent)] = static json => Differential.AssertSameOutcome<GenericMembersEvent>(json),
        [nameof(HidingEvent)] = static json => Differential.AssertSameOutcome<HidingEvent>(json),
    };

    public static TheoryData<string, string> Accepted => new()
    {
        // Case-insensitive names, escaped names.
        { nameof(InvoicePaid), """{"INVOICEID":"inv-1","AMOUNT":12.5,"Currency":"EUR","LINES":[{"SKU":"a","QUANTITY":2,"UnitPrice":1.25}],"paidAT":null,"NOTE":"n"}""" },
        { nameof(InvoicePaid), """{"inv\u006FiceId":"inv-1","\u0061mount":1,"currency":"\u20AC","lines":[{"s\u006bu":"a","quantity":1,"unitPrice":0}]}""" },
        { nameof(InvoicePaid), """{"invoiceid":"inv-1","Invoiceid":"inv-2","amount":1,"currency":"EUR","lines":[]}""" },
        { nameof(PropertyNamesEvent), """{"PRÉNOM":"x","名前":"y","A\"QUOTE":1,"<TAG>&AMP;":2,"WITH SPACE":3,"DOT.NAME":4,"IT'S":5,"TAB\tHERE":6,"EMOJI😀":7,"+PLUS":8,"BACK\\SLASH":9,"":10,"upper_snake":11,"[BR]":[1],"$DOLLAR":12}""" },
        { nameof(PropertyNamesEvent), """{"pr\u00e9nom":"x","\u540d\u524d":"y","a\u0022quote":1,"emoji\ud83d\ude00":7}""" },
        { nameof(KeywordsEvent), """{"CLASS":"c","Event":1,"STATIC":true,"namespace":"n","return":[1,2]}""" },

        // Numbers in strings where the type or the member asks for them, and the named floating-point literals there.
        { nameof(QuotedNumbersEvent), """{"byte":"255","sByte":"-128","int16":"-32768","uInt16":"65535","int32":"12","uInt32":"4294967295","int64":"-9223372036854775808","uInt64":"18446744073709551615","single":"1.5","double":"1.5","decimal":"1.50"}""" },
        { nameof(QuotedNumbersEvent), """{"double":"NaN","single":"-Infinity"}""" },
        { nameof(QuotedNumbersEvent), """{"double":"Infinity","single":"NaN"}""" },
        { nameof(QuotedNumbersEvent), """{"double":"1e3","single":"1E-3","decimal":"1e3","int32":"-0"}""" },
        { nameof(QuotedNumbersEvent), """{"int32":"\u0031\u0032","decimal":"\u0031.5","double":"\u004eaN"}""" },
        { nameof(QuotedNumbersEvent), """{"maybeInt32":"7","maybeDouble":null,"numbers":["1",2,"-3"],"text":"12","strictInt32":12,"nested":{"width":1.5},"grid":[[1,2],[]]}""" },
        { nameof(QuotedMembersEvent), """{"count":"3","amount":"1.5","maybes":[null,"5",6],"amounts":["1.5",2.25,"NaN"],"counts":{"a":"1","b":2},"plain":4,"plainNumbers":[1]}""" },
        { nameof(QuotedMembersEvent), """{"count":3,"amount":null,"maybes":[],"amounts":[],"counts":{}}""" },
        { nameof(PrimitivesEvent), """{"double":1.7976931348623157e308,"single":3.4028235e38,"decimal":79228162514264337593543950335}""" },
        { nameof(PrimitivesEvent), """{"double":-0,"decimal":-0.0,"single":-0.0,"int32":-0}""" },
        { nameof(PrimitivesEvent), """{"decimal":1e-28,"double":5e-324,"single":1e-46}""" },
        { nameof(PrimitivesEvent), """{"decimal":0.00000000000000000000000000001}""" },
        { nameof(NullablePrimitivesEvent), """{"flag":null,"byte":7,"int32":12,"decimal":1.5,"double":null,"uInt64":1,"char":null,"guid":null,"element":null}""" },

        // Unknown properties, including objects and arrays, at several depths.
        { nameof(InvoicePaid), """{"unknown":{"a":[1,{"b":null}],"c":"d"},"invoiceId":"i","x":[[],[{}]],"amount":1,"currency":"EUR","lines":[{"sku":"s","extra":{"deep":[1,2,3]},"quantity":1,"unitPrice":2}],"y":true,"z":null,"w":-1.5e3}""" },
        { nameof(OrderPlaced), """{"orderId":"o","customer":{"id":"c","name":"n","address":{"street":"s","city":"c","zip":null,"bogus":{"position":1}},"other":[]},"lines":[],"shipping":null,"trailing":{}}""" },
        { nameof(StructConstructorEvent), """{"unknown":1,"width":2,"height":3,"inner":{"width":1.5,"nope":"x"}}""" },

        // Repeated properties: the last one wins, for constructor parameters, init and settable properties, and keys.
        { nameof(InvoicePaid), """{"invoiceId":"first","amount":1,"currency":"EUR","lines":[],"invoiceId":"second","note":"a","note":"b","amount":2}""" },
        { nameof(PlainClassEvent), """{"name":"a","count":1,"name":"b","count":2,"attachments":[{"fileName":"x"}],"attachments":[]}""" },
        { nameof(CollectionsEvent), """{"counts":{"a":1,"a":2},"numbers":[1],"numbers":[2,3]}""" },
        { nameof(RecordStructEvent), """{"count":1,"count":2,"cell":{"row":1,"row":2}}""" },
        { nameof(ReadonlyRecordStructEvent), """{"id":1,"id":2,"label":"x","label":"y"}""" },

        // Missing properties keep initial values and constructor defaults.
        { nameof(InitDefaultsEvent), "{}" },
        { nameof(InitDefaultsEvent), """{"name":"set","comment":null}""" },
        { nameof(PlainClassEvent), "{}" },
        { nameof(DefaultParametersEvent), "{}" },
        { nameof(DefaultParametersEvent), """{"id":"x","currency":null,"quantity":5}""" },
        { nameof(ReadonlyRecordStructEvent), "{}" },
        { nameof(RecordStructEvent), "{}" },
        { nameof(JsonConstructorEvent), """{"id":"x","note":"n"}""" },
        { nameof(JsonConstructorEvent), """{"unbound":"u","values":[1]}""" },
        { nameof(PrimaryConstructorEvent), """{"shipmentId":"s","carrier":"c"}""" },
        { nameof(PrimaryConstructorEvent), "{}" },
        { nameof(ComputedEvent), """{"a":1,"b":2,"sum":100,"log":["x"],"mode":"m","version":"2"}""" },
        { nameof(ComputedOnlyEvent), """{"answer":1,"kind":"x","extra":[1,{"a":2}]}""" },
        { nameof(DefaultAttributesEvent), """{"amount":"12.5","items":[1,"2"],"tags":["x"],"unknown":{"a":[1]}}""" },
        { nameof(DefaultAttributesEvent), """{"amount":3,"items":[]}""" },
        { nameof(StructConstructorEvent), "{}" },
        { nameof(UserRenamed), """{"newName":"n","source":"s","revision":3,"actor":"a"}""" },
        { nameof(DerivedRecordEvent), """{"id":"x","level":2,"origin":"o"}""" },
        { nameof(IgnoreEvent), """{"secret":"s","alwaysIgnored":1,"id":"i"}""" },
        { nameof(OneWayIgnoreEvent), """{"readOnlyFromJson":"r","writeOnlyToJson":"w"}""" },

        // Required members present (null counts as present).
        { nameof(RequiredMembersEvent), """{"id":"x","count":1,"items":null}""" },
        { nameof(JsonRequiredEvent), """{"key":"k","priority":1,"owner":null}""" },
        { nameof(NestedEvents.Deeper.NestedTwiceEvent), """{"ID":"x"}""" },
        { nameof(SetsRequiredEvent), "{}" },
        { nameof(SetsRequiredEvent), """{"count":5}""" },
        { nameof(SetsRequiredEvent), """{"name":"n","tags":["t"]}""" },

        // Generic member types, hidden and overridden properties, write-only properties.
        { nameof(GenericMembersEvent), """{"number":{"value":1},"text":{"value":null,"label":"l"},"ids":[],"pair":{"first":"f","second":{"value":2,"label":"x"}},"days":{"d":{"value":"2024-01-01"}},"nested":{"value":{"value":3}}}""" },
        { nameof(HidingEvent), """{"value":"v","renamed":1,"renamed_in_base":2,"kept":3,"writeOnly":"w"}""" },

        // Renamed positional properties.
        { nameof(RenamedPositionalEvent), """{"order_id":"o","rank":1,"comment":null,"état":"x"}""" },
        { nameof(RenamedPositionalEvent), """{"orderId":"ignored","ORDER_ID":"o"}""" },

        // Nulls for nullable and reference members.
        { nameof(InvoicePaid), """{"invoiceId":null,"amount":1,"currency":null,"lines":null,"paidAt":null,"metadata":null,"note":null}""" },
        { nameof(NullableCollectionsEvent), """{"numbers":null,"words":null,"maybes":[null],"lines":[null],"addresses":null,"counts":null,"items":{"a":null},"boxes":{"b":null},"lists":[null,[null]],"durations":[null]}""" },
        { nameof(TreeChanged), """{"root":{"name":"r","weight":1,"children":[{"name":null,"weight":2,"children":null,"link":null}]},"previous":null}""" },
        { nameof(ElementsEvent), """{"payload":null,"extra":null,"items":[null,1,"a",{"b":[]}],"bag":{"k":null}}""" },
        { nameof(ConvertersEvent), """{"color":"blue","permissions":"Read, Write","maybeColor":null,"shout":null,"code":"42","maybeCode":null,"mood":"Grumpy","maybeMood":null,"moods":["calm"],"point":"1:2","maybePoint":null,"points":["3:4"],"price":"1.5 EUR","discount":null,"prices":{"a":"2 USD"}}""" },
        { nameof(ConvertersEvent), """{"color":2,"maybeColor":"Red","maybeCode":"7","maybeMood":"Cheerful","maybePoint":"5:6"}""" },
        { nameof(EnumsEvent), """{"color":1,"small":255,"signed":-128,"short":-32768,"uShort":65535,"uInt":4294967295,"long":-9223372036854775808,"uLong":18446744073709551615,"permissions":7,"maybeColor":null,"palette":[0,1,99],"grants":{"a":null,"b":3}}""" },

        // Text of every kind.
        { nameof(TextEvent), """{"text":"\u003C\u003e\u0026\u0027\u0022\u002b\ud83d\ude00\u0000","letter":"\u00e9","maybe":"\t","letters":["a","\"","\\"],"maybeLetter":null}""" },

        // JSON elements keep their text.
        { nameof(ElementsEvent), """{"payload":{"a":1.0,"b":[1e5,-0,"x\u00e9"],"c":{}},"extra":12345678901234567890123}""" },

        // Whitespace everywhere.
        { nameof(InvoicePaid), " \r\n\t{ \"invoiceId\" : \"i\" , \"amount\" :\n1 ,\"currency\":\"c\",\"lines\":[ ] } \n" },

        // The null root.
        { nameof(InvoicePaid), "null" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Reads_like_System_Text_Json(string shape, string json)
        => Assert.Null(Readers[shape](json));

    public static TheoryData<string, string> Disagreeable => WithQuotedTwins(new()
    {
        // Inputs that may or may not be accepted: whatever System.Text.Json does, the generated reader must match.
        // Numbers in strings where nothing asks for them: refused, with System.Text.Json's exception and path.
        { nameof(PrimitivesEvent), """{"byte":"255"}""" },
        { nameof(PrimitivesEvent), """{"int32":"12"}""" },
        { nameof(PrimitivesEvent), """{"decimal":"1.50"}""" },
        { nameof(PrimitivesEvent), """{"double":"NaN"}""" },
        { nameof(NullablePrimitivesEvent), """{"int32":"12"}""" },
        { nameof(CollectionsEvent), """{"numbers":["1",2]}""" },
        { nameof(CollectionsEvent), """{"counts":{"a":"1"}}""" },
        { nameof(QuotedNumbersEvent), """{"strictInt32":"12"}""" },
        { nameof(QuotedNumbersEvent), """{"nested":{"width":"1.5"}}""" },
        { nameof(QuotedNumbersEvent), """{"grid":[["1"]]}""" },
        { nameof(QuotedMembersEvent), """{"plain":"4"}""" },
        { nameof(QuotedMembersEvent), """{"plainNumbers":["1"]}""" },
        { nameof(QuotedMembersEvent), """{"count":" 3"}""" },
        { nameof(QuotedMembersEvent), """{"amounts":["nan"]}""" },
        { nameof(QuotedMembersEvent), """{"counts":{"a":"1.0"}}""" },

        // How strings holding numbers are read (each one is also read by QuotedNumbersEvent, whose type asks for them).
        { nameof(PrimitivesEvent), """{"int32":" 12"}""" },
        { nameof(PrimitivesEvent), """{"int32":"12 "}""" },
        { nameof(PrimitivesEvent), """{"int32":"+12"}""" },
        { nameof(PrimitivesEvent), """{"int32":"0x10"}""" },
        { nameof(PrimitivesEvent), """{"int32":"1,000"}""" },
        { nameof(PrimitivesEvent), """{"int32":""}""" },
        { nameof(PrimitivesEvent), """{"int32":"1.0"}""" },
        { nameof(PrimitivesEvent), """{"int32":1.0}""" },
        { nameof(PrimitivesEvent), """{"int32":1e2}""" },
        { nameof(PrimitivesEvent), """{"int32":"1e2"}""" },
        { nameof(PrimitivesEvent), """{"int64":9223372036854775808}""" },
        { nameof(PrimitivesEvent), """{"uInt64":-1}""" },
        { nameof(PrimitivesEvent), """{"uInt64":"-0"}""" },
        { nameof(PrimitivesEvent), """{"byte":"256"}""" },
        { nameof(PrimitivesEvent), """{"double":"nan"}""" },
        { nameof(PrimitivesEvent), """{"double":"-NaN"}""" },
        { nameof(PrimitivesEvent), """{"double":"+Infinity"}""" },
        { nameof(PrimitivesEvent), """{"double":"infinity"}""" },
        { nameof(PrimitivesEvent), """{"double":"1e400"}""" },
        { nameof(PrimitivesEvent), """{"double":1e400}""" },
        { nameof(PrimitivesEvent), """{"double":-1e400}""" },
        { nameof(PrimitivesEvent), """{"single":1e39}""" },
        { nameof(PrimitivesEvent), """{"single":"1e39"}""" },
        { nameof(PrimitivesEvent), """{"double":"1.5 "}""" },
        { nameof(PrimitivesEvent), """{"double":"1_000"}""" },
        { nameof(PrimitivesEvent), """{"decimal":"1e30"}""" },
        { nameof(PrimitivesEvent), """{"decimal":1e30}""" },
        { nameof(PrimitivesEvent), """{"decimal":"NaN"}""" },
        { nameof(PrimitivesEvent), """{"decimal":"-1.5e-3"}""" },
        { nameof(PrimitivesEvent), """{"decimal":1e-40}""" },
        { nameof(PrimitivesEvent), """{"decimal":"1e-40"}""" },
        { nameof(PrimitivesEvent), """{"decimal":"1."}""" },
        { nameof(PrimitivesEvent), """{"decimal":".5"}""" },
        { nameof(PrimitivesEvent), """{"flag":"true"}""" },
        { nameof(PrimitivesEvent), """{"flag":1}""" },
        { nameof(PrimitivesEvent), """{"char":""}""" },
        { nameof(PrimitivesEvent), """{"char":"ab"}""" },
        { nameof(PrimitivesEvent), """{"char":"😀"}""" },
        { nameof(PrimitivesEvent), """{"char":"\u00e9"}""" },
        { nameof(PrimitivesEvent), """{"char":1}""" },
        { nameof(PrimitivesEvent), """{"color":"1"}""" },
        { nameof(PrimitivesEvent), """{"color":"Red"}""" },
        { nameof(PrimitivesEvent), """{"color":1.5}""" },
        { nameof(PrimitivesEvent), """{"color":-1}""" },
        { nameof(EnumsEvent), """{"small":256}""" },
        { nameof(EnumsEvent), """{"uLong":-1}""" },
        { nameof(PrimitivesEvent), """{"guid":"00000000000000000000000000000000"}""" },
        { nameof(PrimitivesEvent), """{"guid":"{00000000-0000-0000-0000-000000000000}"}""" },
        { nameof(PrimitivesEvent), """{"guid":"00000000-0000-0000-0000-00000000000G"}""" },
        { nameof(PrimitivesEvent), """{"guid":" 00000000-0000-0000-0000-000000000000"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-01-01"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-01-01T00:00"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-01-01 00:00:00"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-02-30T00:00:00"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-01-01T24:00:00"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-01-01T00:00:00.12345678Z"}""" },
        { nameof(PrimitivesEvent), """{"dateTime":"2024-01-01T00:00:00+14:01"}""" },
        { nameof(PrimitivesEvent), """{"dateTimeOffset":"2024-01-01T00:00:00"}""" },
        { nameof(PrimitivesEvent), """{"dateTimeOffset":"0001-01-01T00:00:00+01:00"}""" },
        { nameof(PrimitivesEvent), """{"dateTimeOffset":"2024-01-01T00:00:00+15:00"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"2024-1-05"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"2024-01-05T00:00:00"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":" 2024-01-05"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"20240105"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"2024-02-30"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"12024-01-05"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"\u0032024-01-05"}""" },
        { nameof(PrimitivesEvent), """{"dateOnly":"0000-01-01"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"12:00"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"1:2:3"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"24:00:00"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"1.02:00:00"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"-01:00:00"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"12:00:00.1234567"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"12:00:00.12345678"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"23:59:59.9999999"}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"01:02:03 "}""" },
        { nameof(PrimitivesEvent), """{"timeOnly":"\u0031\u0032:00:00"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"1"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"12:00"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"1:2:3"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"01:02:03"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"1.02:03:04"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"-1.02:03:04.5"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"-00:00:01"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":" 00:00:01"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"00:00:01 "}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"00:00:00.12345678"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"00:60:00"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"24:00:00"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"10675199.02:48:05.4775807"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"10675199.02:48:05.4775808"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"00:00:01.5."}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"1:00:00:00"}""" },
        { nameof(PrimitivesEvent), """{"timeSpan":"\u0030\u0030:00:01"}""" },
        { nameof(PrimitivesEvent), """{"uri":""}""" },
        { nameof(PrimitivesEvent), """{"uri":"http://[::1"}""" },
        { nameof(PrimitivesEvent), """{"uri":"https://exa mple.com"}""" },
        { nameof(PrimitivesEvent), """{"uri":null}""" },
        { nameof(PrimitivesEvent), """{"bytes":"AQID"}""" },
        { nameof(PrimitivesEvent), """{"bytes":"AQI"}""" },
        { nameof(PrimitivesEvent), """{"bytes":"AQ ID"}""" },
        { nameof(PrimitivesEvent), """{"bytes":"AQ\u0049D"}""" },
        { nameof(PrimitivesEvent), """{"bytes":[1,2,3]}""" },
        { nameof(PrimitivesEvent), """{"bytes":null}""" },
        { nameof(PrimitivesEvent), """{"text":1}""" },
        { nameof(PrimitivesEvent), """{"text":null}""" },
        { nameof(PrimitivesEvent), """{"text":"\ud800"}""" },
        { nameof(PrimitivesEvent), """{"int32":null}""" },
        { nameof(PrimitivesEvent), """{"guid":null}""" },
        { nameof(PrimitivesEvent), """{"dateTime":null}""" },
        { nameof(NullablePrimitivesEvent), """{"int32":"x"}""" },
        { nameof(NullablePrimitivesEvent), """{"element":{"a":[1,2}}""" },
        { nameof(ElementsEvent), """{}""" },
        { nameof(RecordStructEvent), "null" },
        { nameof(StructConstructorEvent), "null" },
        { nameof(ReadonlyRecordStructEvent), """{"size":null}""" },
        { nameof(RecordStructEvent), """{"cell":null,"maybe":null}""" },
        { nameof(PlainClassEvent), """{"box":null}""" },
        { nameof(ConvertersEvent), """{"color":"Purple"}""" },
        { nameof(ConvertersEvent), """{"point":"nope"}""" },
        { nameof(ConvertersEvent), """{"point":null}""" },
        { nameof(ConvertersEvent), """{"points":[null]}""" },
        { nameof(ConvertersEvent), """{"code":null}""" },
        { nameof(ConvertersEvent), """{"code":"x"}""" },
        { nameof(ConvertersEvent), """{"mood":1}""" },
        { nameof(ConvertersEvent), """{"mood":"angry"}""" },
        { nameof(ConvertersEvent), """{"moods":[null]}""" },
        { nameof(CollectionsEvent), """{"counts":{"a":null}}""" },
        { nameof(CollectionsEvent), """{"numbers":[null]}""" },
        { nameof(CollectionsEvent), """{"blobs":[null,"AQID"]}""" },
        { nameof(CollectionsEvent), """{"groups":{"a":null}}""" },
        { nameof(ComputedOnlyEvent), """{"answer":[1,""" },
        { nameof(ComputedOnlyEvent), """{"kind":""" },
        { nameof(ComputedOnlyEvent), "[]" },
        { nameof(DefaultAttributesEvent), """{"amount":"twelve"}""" },
        { nameof(DefaultAttributesEvent), """{"items":{"a":1}}""" },
    });

    /// <summary>
    /// Adds, for each <see cref="PrimitivesEvent"/> input that holds a number in a string, the same input read by
    /// <see cref="QuotedNumbersEvent"/>, whose type asks for numbers in strings: refused by one, parsed by the other.
    /// </summary>
    private static TheoryData<string, string> WithQuotedTwins(TheoryData<string, string> rows)
    {
        var quoted = rows.Where(static r => (string)r[0] == nameof(PrimitivesEvent) && ((string)r[1]).Contains("\":\"", StringComparison.Ordinal)).Select(static r => (string)r[1]).ToList();
        foreach (var json in quoted)
        {
            rows.Add(nameof(QuotedNumbersEvent), json);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Disagreeable))]
    public void Accepts_and_rejects_what_System_Text_Json_does(string shape, string json)
        => Readers[shape](json);

    [Theory]
    [InlineData("""{"invoiceId":"i","amount":1,"currency":"c","lines":[{"sku":"s","quantity":1,"unitPrice":2}],"metadata":{"a":"b"}}""")]
    [InlineData("null")]
    public void Reading_from_a_callers_reader_consumes_exactly_the_value(string data)
    {
        var utf8 = Encoding.UTF8.GetBytes($$"""{"name":"billing/invoice.paid","data":{{data}},"after":[1]}""");
        foreach (var onValue in new[] { true, false })
        {
            var reader = new Utf8JsonReader(utf8);
            var expected = Read(ref reader, onValue, static (ref Utf8JsonReader r) => JsonSerializer.Deserialize<InvoicePaid>(ref r, Differential.Reading));
            var afterExpected = reader.BytesConsumed;
            reader = new Utf8JsonReader(utf8);
            var actual = Read(ref reader, onValue, static (ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, InvoicePaid.JsonTypeInfo));
            Assert.Equal(afterExpected, reader.BytesConsumed);
            Assert.Equal(JsonSerializer.Serialize(expected, Differential.Web), JsonSerializer.Serialize(actual, Differential.Web));
            Assert.True(reader.Read());
            Assert.Equal("after", reader.GetString());
        }

        // Positions the reader on the data property's name, or on its value, and reads it.
        static InvoicePaid? Read(ref Utf8JsonReader reader, bool onValue, ReadData read)
        {
            while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("data")))
            {
            }

            if (onValue)
            {
                reader.Read();
            }

            return read(ref reader);
        }
    }

    private delegate InvoicePaid? ReadData(ref Utf8JsonReader reader);

    [Fact]
    public void Large_documents_read_like_System_Text_Json()
    {
        // Larger than System.Text.Json's initial stream buffer, with long strings that straddle buffer boundaries.
        var value = new CollectionsEvent(
            [.. Enumerable.Range(0, 20_000)],
            [.. Enumerable.Range(0, 500).Select(static i => new string((char)('a' + i % 26), i * 7) + "é😀\\\"")],
            [],
            [.. Enumerable.Range(0, 1000).Select(static i => i / 7m)],
            [],
            [],
            [])
        {
            Counts = Enumerable.Range(0, 2000).ToDictionary(static i => "key " + i, static i => i),
        };
        var json = JsonSerializer.Serialize(value, CollectionsEvent.JsonTypeInfo);
        Assert.True(json.Length > 100_000);
        Assert.Null(Differential.AssertSameOutcome<CollectionsEvent>(json));
    }

    [Fact]
    public void Case_insensitive_names_read_the_same_values()
    {
        var value = JsonSerializer.Deserialize("""{"INVOICEID":"inv-1","amount":12.50,"CURRENCY":"EUR","lines":[{"SKU":"a","Quantity":2,"unitprice":0.5}]}""", InvoicePaid.JsonTypeInfo)!;
        Assert.Equal("inv-1", value.InvoiceId);
        Assert.Equal(12.50m, value.Amount);
        Assert.Equal("12.50", value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new LineItem("a", 2, 0.5m), Assert.Single(value.Lines));
        Assert.Equal("none", value.Note);
    }

    [Fact]
    public void Named_floating_point_literals_in_strings_are_read()
    {
        var value = JsonSerializer.Deserialize("""{"double":"NaN","single":"-Infinity"}""", QuotedNumbersEvent.JsonTypeInfo)!;
        Assert.True(double.IsNaN(value.Double));
        Assert.Equal(float.NegativeInfinity, value.Single);
    }

    [Fact]
    public void Missing_properties_keep_initial_values()
    {
        var value = JsonSerializer.Deserialize("{}", InitDefaultsEvent.JsonTypeInfo)!;
        Assert.Equal("n/a", value.Name);
        Assert.Equal(3, value.Retries);
        Assert.Equal(["default"], value.Tags);
        Assert.Equal(Color.Blue, value.Color);
        Assert.Equal(10.50m, value.Limit);
        Assert.Equal("initial", value.Comment);

        var defaults = JsonSerializer.Deserialize("""{"id":"x"}""", DefaultParametersEvent.JsonTypeInfo)!;
        Assert.Equal(new DefaultParametersEvent("x"), defaults);
    }

    [Fact]
    public void Repeated_properties_keep_the_last_value()
    {
        var value = JsonSerializer.Deserialize("""{"invoiceId":"a","amount":1,"currency":"EUR","lines":[],"invoiceId":"b","note":"x","note":"y"}""", InvoicePaid.JsonTypeInfo)!;
        Assert.Equal("b", value.InvoiceId);
        Assert.Equal("y", value.Note);
    }

    public static TheoryData<string, string, string> MissingRequired => new()
    {
        { nameof(RequiredMembersEvent), "{}", "'id', 'count', 'items'" },
        { nameof(RequiredMembersEvent), """{"count":1}""", "'id', 'items'" },
        { nameof(RequiredMembersEvent), """{"ID":"x","COUNT":1}""", "'items'" },
        { nameof(JsonRequiredEvent), """{"priority":1,"owner":"o"}""", "'key'" },
        { nameof(JsonRequiredEvent), """{"key":"k"}""", "'priority', 'owner'" },
        { nameof(NestedEvents.Deeper.NestedTwiceEvent), """{"detail":null}""", "'id'" },
    };

    [Theory]
    [MemberData(nameof(MissingRequired))]
    public void Missing_required_members_fail_like_System_Text_Json(string shape, string json, string missing)
    {
        var expected = Assert.IsType<JsonException>(Readers[shape](json));
        Assert.Contains($"was missing required properties including: {missing}.", expected.Message, StringComparison.Ordinal);

        // The generated message is System.Text.Json's, up to the position information it appends.
        var actual = Assert.Throws<JsonException>(() => Read(shape, json));
        Assert.Equal(Prefix(expected.Message), Prefix(actual.Message));
    }

    [Fact]
    public void Missing_required_members_of_nested_types_fail_with_the_nested_path()
    {
        var json = """{"id":"x","count":1,"items":null,"parts":[{"code":"a","rank":1},{"rank":2}]}""";
        var expected = Assert.IsType<JsonException>(Differential.AssertSameOutcome<RequiredMembersEvent>(json));
        Assert.Equal("$.parts[1]", expected.Path);
    }

    private static object? Read(string shape, string json) => shape switch
    {
        nameof(RequiredMembersEvent) => JsonSerializer.Deserialize(json, RequiredMembersEvent.JsonTypeInfo),
        nameof(JsonRequiredEvent) => JsonSerializer.Deserialize(json, JsonRequiredEvent.JsonTypeInfo),
        nameof(NestedEvents.Deeper.NestedTwiceEvent) => JsonSerializer.Deserialize(json, NestedEvents.Deeper.NestedTwiceEvent.JsonTypeInfo),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static string Prefix(string message)
    {
        var path = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return path < 0 ? message : message[..path];
    }
}
