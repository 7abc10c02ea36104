using System.Text;
using Inngest.Events.Engine.Http;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785) the engine signs its calls over, checked against the RFC's own examples.
/// The signed interop leg checks it against the JS SDK's <c>canonicalize</c> (docs/interop.md).
/// </summary>
public sealed class CanonicalJsonTests
{
    private static string Transform(string json) => Encoding.UTF8.GetString(CanonicalJson.Transform(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_rfc_example_sorts_members_drops_whitespace_and_rewrites_numbers_and_strings()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.Equal(
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""",
            Transform(input));
    }

    [Fact]
    public void Members_are_sorted_by_their_utf16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var names = JsonDocument.Parse(Transform(input)).RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();

        Assert.Equal(
            new[] { "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh" },
            names);
        Assert.StartsWith("{\"\\r\":", Transform(input), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Numbers_print_as_ecmascript_prints_the_double(ulong bits, string expected)
    {
        var value = BitConverter.UInt64BitsToDouble(bits);

        Assert.Equal(expected, CanonicalJson.FormatNumber(value));
        Assert.Equal(expected, Transform(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("1.0", "1")]
    [InlineData("100", "100")]
    [InlineData("1e2", "100")]
    [InlineData("-1.50", "-1.5")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    [InlineData("0.1", "0.1")]
    [InlineData("1717000000000", "1717000000000")]
    public void Integers_and_decimals_as_written_in_json_come_out_as_their_double(string written, string expected)
        => Assert.Equal(expected, Transform(written));

    [Fact]
    public void Strings_escape_only_quote_backslash_and_control_characters()
        => Assert.Equal(
            "\"é<&>\u2028\u007f\\u0000\\u001f\\b\\t😀\"",
            Transform("\"\\u00e9\\u003C&>\\u2028\\u007f\\u0000\\u001f\\b\\t\\ud83d\\ude00\""));

    [Fact]
    public void Not_json_is_refused()
        => Assert.ThrowsAny<JsonException>(() => CanonicalJson.Transform("{\"a\":"u8));
}
