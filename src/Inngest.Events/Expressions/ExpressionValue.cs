using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inngest.Events.Expressions;

/// <summary>
/// A value produced by evaluating an expression. Strings, lists and maps read from the bindings stay views over
/// their <see cref="JsonElement"/>s (nothing is copied), so a value is only valid while the <see cref="JsonDocument"/>
/// it came from is alive.
/// </summary>
internal readonly struct ExpressionValue
{
    private readonly ExpressionValueKind _kind;

    // The bits of a boolean (0/1), an integer, or a double (BitConverter.DoubleToInt64Bits).
    private readonly long _bits;

    // A string, an ExpressionValue[] (list) or a Dictionary<string, ExpressionValue> (map) made during evaluation.
    private readonly object? _object;

    // A JSON string, array or object, when the value is a view over the bindings.
    private readonly JsonElement _json;

    // The text is for people and keys, not for embedding in HTML: only what JSON requires is escaped.
    private static readonly JsonWriterOptions RelaxedEscaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ExpressionValue(ExpressionValueKind kind, long bits = 0, object? value = null, JsonElement json = default)
    {
        _kind = kind;
        _bits = bits;
        _object = value;
        _json = json;
    }

    /// <summary>The null value (also the <c>default</c> of this struct).</summary>
    public static ExpressionValue Null => default;

    /// <summary>The boolean <c>true</c>.</summary>
    public static ExpressionValue True => new(ExpressionValueKind.Boolean, 1);

    /// <summary>The boolean <c>false</c>.</summary>
    public static ExpressionValue False => new(ExpressionValueKind.Boolean, 0);

    /// <summary>What type of value this is.</summary>
    public ExpressionValueKind Kind => _kind;

    /// <summary>Whether this is null (including a missing field).</summary>
    public bool IsNull => _kind == ExpressionValueKind.Null;

    /// <summary>
    /// JavaScript-like truthiness, which Inngest uses for <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, <c>?:</c> and
    /// for whether a condition matches: null, <c>false</c>, <c>0</c>, <c>0.0</c>, NaN and <c>""</c> are falsy;
    /// everything else (including empty lists and maps) is truthy.
    /// </summary>
    public bool IsTruthy => _kind switch
    {
        ExpressionValueKind.Null => false,
        ExpressionValueKind.Boolean or ExpressionValueKind.Integer => _bits != 0,
        ExpressionValueKind.Double => DoubleValue is var d && d != 0 && !double.IsNaN(d),
        ExpressionValueKind.String => _object is string s ? s.Length != 0 : !_json.ValueEquals(string.Empty),
        _ => true,
    };

    internal bool BooleanValue => _bits != 0;

    internal long IntegerValue => _bits;

    internal double DoubleValue => BitConverter.Int64BitsToDouble(_bits);

    internal bool IsJson => _object is null && _json.ValueKind != JsonValueKind.Undefined;

    internal JsonElement Json => _json;

    internal object? Object => _object;

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static ExpressionValue FromBoolean(bool value) => new(ExpressionValueKind.Boolean, value ? 1 : 0);

    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static ExpressionValue FromInt64(long value) => new(ExpressionValueKind.Integer, value);

    /// <summary>Creates a floating-point value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static ExpressionValue FromDouble(double value) =>
        new(ExpressionValueKind.Double, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Creates a string value; null gives <see cref="Null"/>.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static ExpressionValue FromString(string? value) =>
        value is null ? default : new(ExpressionValueKind.String, value: value);

    /// <summary>
    /// Wraps a JSON value: numbers written without a fraction or exponent that fit in 64 bits become integers (so
    /// ids keep every digit), other numbers doubles (<c>1.0</c> still equals <c>1</c>);
    /// strings, arrays and objects are read lazily from <paramref name="element"/>. An undefined element is null.
    /// </summary>
    /// <param name="element">The JSON value.</param>
    /// <returns>The value.</returns>
    public static ExpressionValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new(ExpressionValueKind.String, json: element);
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return FromInt64(integer);
                }

                return element.TryGetDouble(out var number) ? FromDouble(number) : default;
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            case JsonValueKind.Array:
                return new(ExpressionValueKind.List, json: element);
            case JsonValueKind.Object:
                return new(ExpressionValueKind.Map, json: element);
            default:
                return default;
        }
    }

    internal static ExpressionValue FromList(ExpressionValue[] items) => new(ExpressionValueKind.List, value: items);

    internal static ExpressionValue FromMap(Dictionary<string, ExpressionValue> map) => new(ExpressionValueKind.Map, value: map);

    /// <summary>Gets the boolean, if this is one.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>Whether this is a boolean.</returns>
    public bool TryGetBoolean(out bool value)
    {
        value = _bits != 0;
        return _kind == ExpressionValueKind.Boolean;
    }

    /// <summary>Gets the integer, if this is an <see cref="ExpressionValueKind.Integer"/>.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Whether this is an integer.</returns>
    public bool TryGetInt64(out long value)
    {
        value = _kind == ExpressionValueKind.Integer ? _bits : 0;
        return _kind == ExpressionValueKind.Integer;
    }

    /// <summary>Gets the number as a double, if this is an integer or a double.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether this is a number.</returns>
    public bool TryGetDouble(out double value)
    {
        switch (_kind)
        {
            case ExpressionValueKind.Integer:
                value = _bits;
                return true;
            case ExpressionValueKind.Double:
                value = DoubleValue;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Gets the string, if this is one (a string read from JSON is decoded now).</summary>
    /// <param name="value">The string.</param>
    /// <returns>Whether this is a string.</returns>
    public bool TryGetString([NotNullWhen(true)] out string? value)
    {
        value = _kind == ExpressionValueKind.String ? GetStringUnchecked() : null;
        return value is not null;
    }

    internal string GetStringUnchecked() => _object as string ?? _json.GetString()!;

    /// <summary>Writes the value as JSON.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (_kind)
        {
            case ExpressionValueKind.Null:
                writer.WriteNullValue();
                break;
            case ExpressionValueKind.Boolean:
                writer.WriteBooleanValue(BooleanValue);
                break;
            case ExpressionValueKind.Integer:
                writer.WriteNumberValue(_bits);
                break;
            case ExpressionValueKind.Double:
                var d = DoubleValue;
                if (double.IsFinite(d))
                {
                    writer.WriteNumberValue(d);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            default:
                if (IsJson)
                {
                    _json.WriteTo(writer);
                }
                else if (_object is string s)
                {
                    writer.WriteStringValue(s);
                }
                else if (_object is ExpressionValue[] list)
                {
                    writer.WriteStartArray();
                    foreach (var item in list)
                    {
                        item.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }
                else if (_object is Dictionary<string, ExpressionValue> map)
                {
                    writer.WriteStartObject();
                    foreach (var entry in map)
                    {
                        writer.WritePropertyName(entry.Key);
                        entry.Value.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                }

                break;
        }
    }

    /// <summary>Formats the value as compact JSON: <c>null</c>, <c>true</c>, <c>42</c>, <c>1.5</c>, <c>"text"</c>, <c>[1,2]</c>, <c>{"a":1}</c>.</summary>
    /// <returns>The JSON text. Non-finite doubles are written as <c>null</c>.</returns>
    public string ToJsonString()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, RelaxedEscaping))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Formats the value as text, as a key expression's result is used: a string as itself, numbers in the invariant
    /// culture (<c>1</c>, <c>1.5</c>, <c>1e+21</c>), <c>true</c>/<c>false</c>, and everything else as its JSON.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => _kind switch
    {
        ExpressionValueKind.String => GetStringUnchecked(),
        ExpressionValueKind.Integer => _bits.ToString(CultureInfo.InvariantCulture),
        ExpressionValueKind.Double => FormatDouble(DoubleValue),
        ExpressionValueKind.Boolean => BooleanValue ? "true" : "false",
        _ => ToJsonString(),
    };

    // Like Go's strconv.FormatFloat(f, 'g', -1, 64), which is how Inngest's server formats a float as text.
    internal static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOf('E');
        if (exponent < 0)
        {
            return text;
        }

        // .NET writes 1E+21 and 1E-07; Go writes 1e+21 and 1e-07.
        var mantissa = text.Substring(0, exponent);
        var sign = text[exponent + 1];
        var digits = text.Substring(exponent + 2);
        return mantissa + "e" + sign + (digits.Length < 2 ? "0" + digits : digits);
    }
}
