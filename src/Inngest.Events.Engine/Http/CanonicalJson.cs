using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.Engine.Http;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785), which Inngest's server applies to a call request before it signs it
/// (<c>driver.MarshalV1</c>, <c>jcs.Transform</c>): object members sorted by the UTF-16 code units of their names, no
/// whitespace, strings escaped only where JSON requires it (<c>"</c>, <c>\</c>, control characters), and numbers as
/// ECMAScript prints a double. The SDKs rely on it: the JS SDK verifies a signature over
/// <c>canonicalize(JSON.parse(body))</c> and the Go SDK over the JCS form of the body, so a signed body that is not
/// canonical fails their check even though its JSON means the same.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical form of the JSON in <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    public static byte[] Transform(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var text = new StringBuilder(json.Length);
        Write(document.RootElement, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    WriteString(members[i].Name, text);
                    text.Append(':');
                    Write(members[i].Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                // A number beyond the range of a double has no canonical form; it is kept as written.
                text.Append(element.TryGetDouble(out var number) && double.IsFinite(number) ? FormatNumber(number) : element.GetRawText());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>A string as ECMAScript's <c>JSON.stringify</c> writes it: only quote, backslash and control characters escaped.</summary>
    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    var loneSurrogate = char.IsSurrogate(c)
                        && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                    if (c < ' ' || loneSurrogate)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>
    /// A double as ECMAScript's <c>Number.prototype.toString</c> prints it (RFC 8785 §3.2.2.3): the shortest digits
    /// that read back as the same double (what .NET's round-trip format gives), laid out as plain digits up to 21
    /// integer digits or down to six leading fraction zeros, and as <c>d.ddde±n</c> beyond.
    /// </summary>
    internal static string FormatNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var mantissa = negative ? shortest[1..] : shortest;
        var exponent = 0;
        var e = mantissa.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(mantissa[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = mantissa[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? mantissa : mantissa[..dot];
        var digits = integer + (dot < 0 ? string.Empty : mantissa[(dot + 1)..]);

        // value = 0.digits × 10^point, with digits free of leading and trailing zeros.
        var point = integer.Length + exponent;
        var leading = 0;
        while (digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        point -= leading;

        var k = digits.Length;
        var n = point;
        string text;
        if (k <= n && n <= 21)
        {
            text = digits + new string('0', n - k);
        }
        else if (n > 0 && n <= 21)
        {
            text = digits[..n] + "." + digits[n..];
        }
        else if (n > -6 && n <= 0)
        {
            text = "0." + new string('0', -n) + digits;
        }
        else
        {
            var power = n - 1;
            text = digits[..1] + (k > 1 ? "." + digits[1..] : string.Empty) + "e" + (power < 0 ? "-" : "+")
                + Math.Abs(power).ToString(CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }
}
