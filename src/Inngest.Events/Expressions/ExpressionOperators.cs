using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.Expressions;

/// <summary>
/// The loosened semantics of Inngest's expression language: equality, ordering, arithmetic, containers and the
/// built-in functions. Nothing here throws for a type mismatch; the result is null (for values) or false (for tests).
/// </summary>
internal static class ExpressionOperators
{
    private const double TwoToThe63 = 9223372036854775808.0;

    // ---- containers ----

    public static bool TryGetMember(in ExpressionValue map, string key, out ExpressionValue value)
    {
        if (map.Kind == ExpressionValueKind.Map)
        {
            if (map.IsJson)
            {
                if (map.Json.TryGetProperty(key, out var property))
                {
                    value = ExpressionValue.FromJson(property);
                    return true;
                }
            }
            else if (((Dictionary<string, ExpressionValue>)map.Object!).TryGetValue(key, out value))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    public static ExpressionValue Select(in ExpressionValue target, string field) =>
        TryGetMember(target, field, out var value) ? value : default;

    public static ExpressionValue Index(in ExpressionValue target, in ExpressionValue index) => target.Kind switch
    {
        ExpressionValueKind.List => TryGetListIndex(index, out var i) ? ListItem(target, i) : default,
        ExpressionValueKind.Map => index.Kind == ExpressionValueKind.String ? Select(target, index.GetStringUnchecked()) : default,
        _ => default,
    };

    public static int Count(in ExpressionValue container)
    {
        if (container.IsJson)
        {
            if (container.Kind == ExpressionValueKind.List)
            {
                return container.Json.GetArrayLength();
            }

            var count = 0;
            foreach (var unused in container.Json.EnumerateObject())
            {
                count++;
            }

            return count;
        }

        return container.Object switch
        {
            ExpressionValue[] list => list.Length,
            Dictionary<string, ExpressionValue> map => map.Count,
            _ => 0,
        };
    }

    public static ExpressionValue ListItem(in ExpressionValue list, long index)
    {
        if (index < 0 || index >= Count(list))
        {
            return default;
        }

        return list.IsJson ? ExpressionValue.FromJson(list.Json[(int)index]) : ((ExpressionValue[])list.Object!)[index];
    }

    /// <summary>The elements of a list, or the keys of a map, for the comprehension macros.</summary>
    public static ExpressionValue[] Items(in ExpressionValue container)
    {
        if (container.Kind == ExpressionValueKind.List && container.Object is ExpressionValue[] items)
        {
            return items;
        }

        var result = new ExpressionValue[Count(container)];
        var i = 0;
        if (container.Kind == ExpressionValueKind.List)
        {
            foreach (var element in container.Json.EnumerateArray())
            {
                result[i++] = ExpressionValue.FromJson(element);
            }
        }
        else if (container.IsJson)
        {
            foreach (var property in container.Json.EnumerateObject())
            {
                result[i++] = ExpressionValue.FromString(property.Name);
            }
        }
        else
        {
            foreach (var key in ((Dictionary<string, ExpressionValue>)container.Object!).Keys)
            {
                result[i++] = ExpressionValue.FromString(key);
            }
        }

        return result;
    }

    public static bool Contains(in ExpressionValue container, in ExpressionValue item)
    {
        switch (container.Kind)
        {
            case ExpressionValueKind.List when container.IsJson:
                foreach (var element in container.Json.EnumerateArray())
                {
                    if (AreEqual(ExpressionValue.FromJson(element), item))
                    {
                        return true;
                    }
                }

                return false;
            case ExpressionValueKind.List:
                foreach (var element in (ExpressionValue[])container.Object!)
                {
                    if (AreEqual(element, item))
                    {
                        return true;
                    }
                }

                return false;
            case ExpressionValueKind.Map:
                return item.Kind == ExpressionValueKind.String && TryGetMember(container, item.GetStringUnchecked(), out _);
            default:
                return false;
        }
    }

    private static bool TryGetListIndex(in ExpressionValue index, out long value)
    {
        if (index.Kind == ExpressionValueKind.Integer)
        {
            value = index.IntegerValue;
            return true;
        }

        var d = index.DoubleValue;
        if (index.Kind == ExpressionValueKind.Double && d == Math.Floor(d) && d >= -TwoToThe63 && d < TwoToThe63)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    // ---- equality and ordering ----

    /// <summary>
    /// <c>==</c>: numbers compare by value across integer and double, strings ordinally, lists and maps element by
    /// element; null equals only null; values of different types are unequal.
    /// </summary>
    public static bool AreEqual(in ExpressionValue a, in ExpressionValue b)
    {
        switch (a.Kind)
        {
            case ExpressionValueKind.Null:
                return b.Kind == ExpressionValueKind.Null;
            case ExpressionValueKind.Boolean:
                return b.Kind == ExpressionValueKind.Boolean && a.BooleanValue == b.BooleanValue;
            case ExpressionValueKind.Integer:
            case ExpressionValueKind.Double:
                return TryCompareNumbers(a, b, out var comparison) && comparison == 0;
            case ExpressionValueKind.String:
                return b.Kind == ExpressionValueKind.String && StringEquals(a, b);
            case ExpressionValueKind.List:
                return b.Kind == ExpressionValueKind.List && ListsEqual(a, b);
            case ExpressionValueKind.Map:
                return b.Kind == ExpressionValueKind.Map && MapsEqual(a, b);
            default:
                return false;
        }
    }

    /// <summary>
    /// Orders two numbers (across integer and double), two strings (ordinally) or two booleans (false first).
    /// Anything else, and NaN, is unordered: every ordering comparison with it is false.
    /// </summary>
    public static bool TryCompare(in ExpressionValue a, in ExpressionValue b, out int comparison)
    {
        switch (a.Kind)
        {
            case ExpressionValueKind.Integer:
            case ExpressionValueKind.Double:
                return TryCompareNumbers(a, b, out comparison);
            case ExpressionValueKind.String when b.Kind == ExpressionValueKind.String:
                comparison = string.CompareOrdinal(a.GetStringUnchecked(), b.GetStringUnchecked());
                return true;
            case ExpressionValueKind.Boolean when b.Kind == ExpressionValueKind.Boolean:
                comparison = a.BooleanValue.CompareTo(b.BooleanValue);
                return true;
            default:
                comparison = 0;
                return false;
        }
    }

    private static bool TryCompareNumbers(in ExpressionValue a, in ExpressionValue b, out int comparison)
    {
        comparison = 0;
        if (a.Kind == ExpressionValueKind.Integer)
        {
            if (b.Kind == ExpressionValueKind.Integer)
            {
                comparison = a.IntegerValue.CompareTo(b.IntegerValue);
                return true;
            }

            return b.Kind == ExpressionValueKind.Double && TryCompareIntegerToDouble(a.IntegerValue, b.DoubleValue, out comparison);
        }

        if (a.Kind != ExpressionValueKind.Double)
        {
            return false;
        }

        var left = a.DoubleValue;
        if (b.Kind == ExpressionValueKind.Double)
        {
            var right = b.DoubleValue;
            if (double.IsNaN(left) || double.IsNaN(right))
            {
                return false;
            }

            comparison = left < right ? -1 : left > right ? 1 : 0;
            return true;
        }

        if (b.Kind == ExpressionValueKind.Integer && TryCompareIntegerToDouble(b.IntegerValue, left, out comparison))
        {
            comparison = -comparison;
            return true;
        }

        return false;
    }

    // Exact, unlike converting the integer to a double (which rounds above 2^53).
    private static bool TryCompareIntegerToDouble(long integer, double number, out int comparison)
    {
        if (double.IsNaN(number))
        {
            comparison = 0;
            return false;
        }

        if (number >= TwoToThe63)
        {
            comparison = -1;
        }
        else if (number < -TwoToThe63)
        {
            comparison = 1;
        }
        else
        {
            var truncated = Math.Truncate(number);
            var whole = (long)truncated;
            comparison = integer < whole ? -1
                : integer > whole ? 1
                : number > truncated ? -1
                : number < truncated ? 1
                : 0;
        }

        return true;
    }

    private static bool StringEquals(in ExpressionValue a, in ExpressionValue b)
    {
        // A string read from JSON is compared in place against a string we hold, without decoding it.
        if (a.Object is string left)
        {
            return b.Object is string right ? string.Equals(left, right, StringComparison.Ordinal) : b.Json.ValueEquals(left);
        }

        return b.Object is string other ? a.Json.ValueEquals(other) : a.Json.ValueEquals(b.Json.GetString());
    }

    private static bool ListsEqual(in ExpressionValue a, in ExpressionValue b)
    {
        var count = Count(a);
        if (count != Count(b))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!AreEqual(ListItem(a, i), ListItem(b, i)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(in ExpressionValue a, in ExpressionValue b)
    {
        if (Count(a) != Count(b))
        {
            return false;
        }

        if (a.IsJson)
        {
            foreach (var property in a.Json.EnumerateObject())
            {
                if (!TryGetMember(b, property.Name, out var other) || !AreEqual(ExpressionValue.FromJson(property.Value), other))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var entry in (Dictionary<string, ExpressionValue>)a.Object!)
        {
            if (!TryGetMember(b, entry.Key, out var other) || !AreEqual(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    // ---- arithmetic ----

    private static bool IsNumber(in ExpressionValue value) =>
        value.Kind is ExpressionValueKind.Integer or ExpressionValueKind.Double;

    private static double ToDouble(in ExpressionValue value) =>
        value.Kind == ExpressionValueKind.Integer ? value.IntegerValue : value.DoubleValue;

    public static ExpressionValue Add(in ExpressionValue a, in ExpressionValue b)
    {
        if (a.Kind == ExpressionValueKind.Integer && b.Kind == ExpressionValueKind.Integer)
        {
            var x = a.IntegerValue;
            var y = b.IntegerValue;
            var sum = unchecked(x + y);
            return ((x ^ sum) & (y ^ sum)) < 0 ? default : ExpressionValue.FromInt64(sum);
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return ExpressionValue.FromDouble(ToDouble(a) + ToDouble(b));
        }

        if (a.Kind == ExpressionValueKind.String && (b.Kind == ExpressionValueKind.String || IsNumber(b)))
        {
            return ExpressionValue.FromString(a.GetStringUnchecked() + b.ToString());
        }

        if (b.Kind == ExpressionValueKind.String && IsNumber(a))
        {
            return ExpressionValue.FromString(a.ToString() + b.GetStringUnchecked());
        }

        if (a.Kind == ExpressionValueKind.List && b.Kind == ExpressionValueKind.List)
        {
            var left = Items(a);
            var right = Items(b);
            var joined = new ExpressionValue[left.Length + right.Length];
            left.CopyTo(joined, 0);
            right.CopyTo(joined, left.Length);
            return ExpressionValue.FromList(joined);
        }

        return default;
    }

    public static ExpressionValue Subtract(in ExpressionValue a, in ExpressionValue b)
    {
        if (a.Kind == ExpressionValueKind.Integer && b.Kind == ExpressionValueKind.Integer)
        {
            var x = a.IntegerValue;
            var y = b.IntegerValue;
            var difference = unchecked(x - y);
            return ((x ^ y) & (x ^ difference)) < 0 ? default : ExpressionValue.FromInt64(difference);
        }

        return IsNumber(a) && IsNumber(b) ? ExpressionValue.FromDouble(ToDouble(a) - ToDouble(b)) : default;
    }

    public static ExpressionValue Multiply(in ExpressionValue a, in ExpressionValue b)
    {
        if (a.Kind == ExpressionValueKind.Integer && b.Kind == ExpressionValueKind.Integer)
        {
            var high = Math.BigMul(a.IntegerValue, b.IntegerValue, out var low);
            return high != (low >> 63) ? default : ExpressionValue.FromInt64(low);
        }

        return IsNumber(a) && IsNumber(b) ? ExpressionValue.FromDouble(ToDouble(a) * ToDouble(b)) : default;
    }

    public static ExpressionValue Divide(in ExpressionValue a, in ExpressionValue b)
    {
        if (a.Kind == ExpressionValueKind.Integer && b.Kind == ExpressionValueKind.Integer)
        {
            var x = a.IntegerValue;
            var y = b.IntegerValue;
            return y == 0 || (x == long.MinValue && y == -1) ? default : ExpressionValue.FromInt64(x / y);
        }

        if (!IsNumber(a) || !IsNumber(b))
        {
            return default;
        }

        var divisor = ToDouble(b);
        return divisor == 0 ? default : ExpressionValue.FromDouble(ToDouble(a) / divisor);
    }

    public static ExpressionValue Remainder(in ExpressionValue a, in ExpressionValue b)
    {
        if (a.Kind == ExpressionValueKind.Integer && b.Kind == ExpressionValueKind.Integer)
        {
            var y = b.IntegerValue;
            return y == 0 ? default : ExpressionValue.FromInt64(y == -1 ? 0 : a.IntegerValue % y);
        }

        if (!IsNumber(a) || !IsNumber(b))
        {
            return default;
        }

        var divisor = ToDouble(b);
        return divisor == 0 ? default : ExpressionValue.FromDouble(ToDouble(a) % divisor);
    }

    public static ExpressionValue Negate(in ExpressionValue value) => value.Kind switch
    {
        ExpressionValueKind.Integer when value.IntegerValue != long.MinValue => ExpressionValue.FromInt64(-value.IntegerValue),
        ExpressionValueKind.Double => ExpressionValue.FromDouble(-value.DoubleValue),
        _ => default,
    };

    // ---- functions ----

    /// <summary><c>size(x)</c>: a string's length in Unicode code points, a list's or map's number of entries; otherwise null.</summary>
    public static ExpressionValue Size(in ExpressionValue value)
    {
        switch (value.Kind)
        {
            case ExpressionValueKind.String:
                var text = value.GetStringUnchecked();
                var count = text.Length;
                for (var i = 1; i < text.Length; i++)
                {
                    if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
                    {
                        count--;
                    }
                }

                return ExpressionValue.FromInt64(count);
            case ExpressionValueKind.List:
            case ExpressionValueKind.Map:
                return ExpressionValue.FromInt64(Count(value));
            default:
                return default;
        }
    }

    public static ExpressionValue Lowercase(in ExpressionValue value) =>
        value.Kind == ExpressionValueKind.String ? ExpressionValue.FromString(value.GetStringUnchecked().ToLowerInvariant()) : default;

    public static ExpressionValue Uppercase(in ExpressionValue value) =>
        value.Kind == ExpressionValueKind.String ? ExpressionValue.FromString(value.GetStringUnchecked().ToUpperInvariant()) : default;

    /// <summary><c>s.startsWith(t)</c>, <c>s.endsWith(t)</c> and <c>s.contains(t)</c>: ordinal, and false unless both are strings.</summary>
    public static ExpressionValue StringTest(string function, in ExpressionValue text, in ExpressionValue part)
    {
        if (text.Kind != ExpressionValueKind.String || part.Kind != ExpressionValueKind.String)
        {
            return ExpressionValue.False;
        }

        var s = text.GetStringUnchecked();
        var t = part.GetStringUnchecked();
        return ExpressionValue.FromBoolean(function switch
        {
            "startsWith" => s.StartsWith(t, StringComparison.Ordinal),
            "endsWith" => s.EndsWith(t, StringComparison.Ordinal),
            _ => s.Contains(t, StringComparison.Ordinal),
        });
    }

    /// <summary><c>int(x)</c>: truncates a finite double in range, parses a decimal string; otherwise null.</summary>
    public static ExpressionValue ToInteger(in ExpressionValue value)
    {
        switch (value.Kind)
        {
            case ExpressionValueKind.Integer:
                return value;
            case ExpressionValueKind.Double:
                var d = Math.Truncate(value.DoubleValue);
                return d >= -TwoToThe63 && d < TwoToThe63 ? ExpressionValue.FromInt64((long)d) : default;
            case ExpressionValueKind.String:
                return long.TryParse(value.GetStringUnchecked(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? ExpressionValue.FromInt64(parsed)
                    : default;
            default:
                return default;
        }
    }

    /// <summary><c>uint(x)</c>: as <see cref="ToInteger"/>, but null for negative results.</summary>
    public static ExpressionValue ToUnsignedInteger(in ExpressionValue value)
    {
        var result = ToInteger(value);
        return result.Kind == ExpressionValueKind.Integer && result.IntegerValue < 0 ? default : result;
    }

    /// <summary><c>double(x)</c>: converts a number, parses a string; otherwise null.</summary>
    public static ExpressionValue ToDoubleValue(in ExpressionValue value) => value.Kind switch
    {
        ExpressionValueKind.Integer => ExpressionValue.FromDouble(value.IntegerValue),
        ExpressionValueKind.Double => value,
        ExpressionValueKind.String when double.TryParse(
            value.GetStringUnchecked(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => ExpressionValue.FromDouble(parsed),
        _ => default,
    };

    /// <summary><c>string(x)</c>: formats a string, number or boolean; otherwise null.</summary>
    public static ExpressionValue ToStringValue(in ExpressionValue value) => value.Kind switch
    {
        ExpressionValueKind.String => value,
        ExpressionValueKind.Integer or ExpressionValueKind.Double or ExpressionValueKind.Boolean => ExpressionValue.FromString(value.ToString()),
        _ => default,
    };

    /// <summary><c>b64decode(s)</c> (Inngest): decodes standard base64 to UTF-8 text; null when it is not valid base64.</summary>
    public static ExpressionValue Base64Decode(in ExpressionValue value)
    {
        if (value.Kind != ExpressionValueKind.String)
        {
            return default;
        }

        var text = value.GetStringUnchecked();
        var bytes = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, bytes, out var written)
            ? ExpressionValue.FromString(Encoding.UTF8.GetString(bytes, 0, written))
            : default;
    }

    /// <summary><c>json_parse(s)</c> (Inngest): parses JSON text into a value; null when it is not valid JSON.</summary>
    public static ExpressionValue JsonParse(in ExpressionValue value)
    {
        if (value.Kind != ExpressionValueKind.String)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(value.GetStringUnchecked());
            return ExpressionValue.FromJson(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
