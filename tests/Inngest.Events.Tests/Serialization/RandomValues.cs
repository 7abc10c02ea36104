using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Events.Tests.Serialization;

/// <summary>
/// Fills instances of event shapes with seeded random values, by reflection (fine in tests): edge values of every
/// scalar type, strings that need escaping, nulls where a member is nullable, and bounded depth and size. The same
/// seed always gives the same instance, so a failure reproduces from the seed and the instance index.
/// </summary>
public sealed class RandomValues(int seed)
{
    private const int MaxDepth = 4;
    private const int MaxItems = 4;

    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly string[] Fragments =
    [
        "", "a", "Hello", " ", "<script>", "&amp;", "'", "\"", "+", "\\", "/", "\n", "\r\n", "\t", "\0", "\u0001", "\u001f",
        "\u007f", "é", "ß", "Ωμέγα", "中文", "日本語テキスト", "😀", "👩‍💻", "𝄞", "\u2028", "\u2029", "\u00a0", "\ufeff", "`",
        "{\"json\":1}", "null", "0", "-", ".", ":", "Ä", "ÿ",
    ];

    private static readonly string[] Uris =
    [
        "https://example.com/", "http://example.com/a/b?c=d&e=f#g", "/relative/path", "relative", "https://例え.jp/パス?q=<x>",
        "mailto:someone@example.com", "urn:isbn:0451450523", "https://user:pass@host:8080/p%20q", "../up", "?query=only",
        "file:///C:/temp/file.txt", "https://example.com/with space",
    ];

    private static readonly char[] Chars =
    [
        'a', 'Z', '0', ' ', '<', '>', '&', '\'', '"', '+', '\\', '/', '\n', '\t', '\0', '\u001f', '\u007f', 'é', '中', '\u2028', '`', '\u00a0',
    ];

    private readonly Random _random = new(seed);

    /// <summary>A random instance of <paramref name="type"/>; members of reference type are null only when nullable.</summary>
    public object Create(Type type) => Value(type, Nullability.Create(typeof(Holder).GetProperty(nameof(Holder.NotNull))!), 0)!;

    private bool Chance(int percent) => _random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private object? Value(Type type, NullabilityInfo? nullability, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Chance(25) ? null : Value(underlying, null, depth);
        }

        if (!type.IsValueType && nullability is { ReadState: not NullabilityState.NotNull } && Chance(depth >= MaxDepth ? 80 : 20))
        {
            return null;
        }

        if (type == typeof(bool)) return Chance(50);
        if (type == typeof(byte)) return (byte)Integer(byte.MinValue, byte.MaxValue);
        if (type == typeof(sbyte)) return (sbyte)Integer(sbyte.MinValue, sbyte.MaxValue);
        if (type == typeof(short)) return (short)Integer(short.MinValue, short.MaxValue);
        if (type == typeof(ushort)) return (ushort)Integer(ushort.MinValue, ushort.MaxValue);
        if (type == typeof(int)) return (int)Integer(int.MinValue, int.MaxValue);
        if (type == typeof(uint)) return (uint)Integer(uint.MinValue, uint.MaxValue);
        if (type == typeof(long)) return (long)Integer(long.MinValue, long.MaxValue);
        if (type == typeof(ulong)) return NextUInt64();
        if (type == typeof(float)) return NextSingle();
        if (type == typeof(double)) return NextDouble();
        if (type == typeof(decimal)) return NextDecimal();
        if (type == typeof(char)) return Pick(Chars);
        if (type == typeof(string)) return NextText();
        if (type == typeof(Guid)) return NextGuid();
        if (type == typeof(DateTime)) return NextDateTime();
        if (type == typeof(DateTimeOffset)) return NextDateTimeOffset();
        if (type == typeof(DateOnly)) return DateOnly.FromDateTime(NextDateTime().Date);
        if (type == typeof(TimeOnly)) return Chance(10) ? TimeOnly.MaxValue : new TimeOnly(_random.NextInt64(System.TimeSpan.TicksPerDay));
        if (type == typeof(TimeSpan)) return NextTimeSpan();
        if (type == typeof(Uri)) return new Uri(Pick(Uris), UriKind.RelativeOrAbsolute);
        if (type == typeof(byte[])) return NextBytes();
        if (type == typeof(JsonElement)) return NextElement(depth);
        if (type.IsEnum) return NextEnum(type);

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = Items(element, nullability?.ElementType, depth);
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
                foreach (var item in Items(arguments[0], nullability?.GenericTypeArguments.ElementAtOrDefault(0), depth))
                {
                    list.Add(item);
                }

                return list;
            }

            if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                var count = depth >= MaxDepth ? 0 : _random.Next(MaxItems + 1);
                for (var i = 0; i < count; i++)
                {
                    dictionary[NextText() + i.ToString(CultureInfo.InvariantCulture)] = Value(arguments[1], nullability?.GenericTypeArguments.ElementAtOrDefault(1), depth + 1);
                }

                return dictionary;
            }
        }

        return Object(type, depth);
    }

    private List<object?> Items(Type element, NullabilityInfo? nullability, int depth)
    {
        var count = depth >= MaxDepth ? 0 : _random.Next(MaxItems + 1);
        var items = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(Value(element, nullability, depth + 1));
        }

        return items;
    }

    /// <summary>
    /// Builds an object through the constructor System.Text.Json would pick (or the widest public one), then sets a
    /// random subset of its other settable properties, leaving the rest at their initial values.
    /// </summary>
    private object Object(Type type, int depth)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var constructor = constructors.FirstOrDefault(static c => c.IsDefined(typeof(JsonConstructorAttribute)))
            ?? constructors.Where(c => !IsCopyConstructor(c, type)).OrderByDescending(static c => c.GetParameters().Length).FirstOrDefault();
        object instance;
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is null)
        {
            instance = Activator.CreateInstance(type)!;
        }
        else
        {
            var parameters = constructor.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                arguments[i] = Value(parameters[i].ParameterType, Nullability.Create(parameters[i]), depth + 1);
                bound.Add(parameters[i].Name!);
            }

            instance = constructor.Invoke(arguments);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Required members are always set, as C# demands; the others are left at their initial values now and then.
            var required = property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute));
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0 || bound.Contains(property.Name) || (!required && Chance(15)))
            {
                continue;
            }

            property.SetValue(instance, Value(property.PropertyType, Nullability.Create(property), depth + 1));
        }

        return instance;
    }

    private static bool IsCopyConstructor(ConstructorInfo constructor, Type type)
        => constructor.GetParameters() is [{ } only] && only.ParameterType == type;

    private long Integer(long min, long max)
    {
        switch (_random.Next(10))
        {
            case 0: return min;
            case 1: return max;
            case 2: return 0;
            case 3: return Math.Clamp(-1, min, max);
            case 4: return Math.Clamp(1, min, max);
            default:
                var value = _random.NextInt64(min, max == long.MaxValue ? max : max + 1);
                return Chance(50) ? value : Math.Clamp(value % 1000, min, max);
        }
    }

    private ulong NextUInt64() => _random.Next(6) switch
    {
        0 => ulong.MaxValue,
        1 => 0,
        2 => (ulong)long.MaxValue + 1,
        _ => (ulong)_random.NextInt64() * 2 + (ulong)_random.Next(2),
    };

    private float NextSingle() => _random.Next(12) switch
    {
        0 => float.MaxValue,
        1 => float.MinValue,
        2 => float.Epsilon,
        3 => -0.0f,
        4 => 0.1f,
        5 => 16777217f,
        6 => 1e-30f,
        7 => -3.4028235e38f,
        _ => NextFiniteSingle(),
    };

    private float NextFiniteSingle()
    {
        while (true)
        {
            var value = BitConverter.Int32BitsToSingle(_random.Next(int.MinValue, int.MaxValue));
            if (float.IsFinite(value))
            {
                return Chance(50) ? value : MathF.Round(value % 10000f, _random.Next(5));
            }
        }
    }

    private double NextDouble() => _random.Next(14) switch
    {
        0 => double.MaxValue,
        1 => double.MinValue,
        2 => 5e-324,
        3 => -0.0,
        4 => 0.1 + 0.2,
        5 => 1e308,
        6 => 9007199254740993,
        7 => 1e21,
        8 => 1e-7,
        9 => 123.456,
        _ => NextFiniteDouble(),
    };

    private double NextFiniteDouble()
    {
        while (true)
        {
            var value = BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                return Chance(50) ? value : Math.Round(value % 1e6, _random.Next(6));
            }
        }
    }

    private decimal NextDecimal() => _random.Next(12) switch
    {
        0 => decimal.MaxValue,
        1 => decimal.MinValue,
        2 => 1.500m,
        3 => 0.0000m,
        4 => -0.0m,
        5 => 0.0000000000000000000000000001m,
        6 => 1.0000000000000000000000000000m,
        7 => 79228162514264337593543950335m / 10m,
        _ => new decimal(_random.Next(), _random.Next(), _random.Next(), Chance(50), (byte)_random.Next(29)),
    };

    private string NextText()
    {
        var builder = new StringBuilder();
        var parts = _random.Next(5);
        for (var i = 0; i < parts; i++)
        {
            builder.Append(Chance(70) ? Pick(Fragments) : ((char)_random.Next(0x20, 0xD7FF)).ToString());
        }

        return builder.ToString();
    }

    private Guid NextGuid()
    {
        if (Chance(10))
        {
            return System.Guid.Empty;
        }

        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private DateTime NextDateTime()
    {
        var kind = Pick([DateTimeKind.Unspecified, DateTimeKind.Utc, DateTimeKind.Local]);
        return _random.Next(10) switch
        {
            0 => kind == DateTimeKind.Local ? new DateTime(1, 1, 2, 0, 0, 0, kind) : System.DateTime.SpecifyKind(System.DateTime.MinValue, kind),
            1 => kind == DateTimeKind.Local ? new DateTime(9999, 12, 30, 0, 0, 0, kind) : System.DateTime.SpecifyKind(System.DateTime.MaxValue, kind),
            2 => new DateTime(2024, 2, 29, 23, 59, 59, 999, kind),
            3 => new DateTime(2024, 1, 1, 0, 0, 0, kind),
            _ => new DateTime(_random.NextInt64(System.DateTime.MinValue.Ticks + System.TimeSpan.TicksPerDay, System.DateTime.MaxValue.Ticks - System.TimeSpan.TicksPerDay), kind),
        };
    }

    private DateTimeOffset NextDateTimeOffset()
    {
        var offset = System.TimeSpan.FromMinutes(_random.Next(10) switch
        {
            0 => 14 * 60,
            1 => -14 * 60,
            2 => 0,
            3 => 5 * 60 + 30,
            4 => -(9 * 60 + 30),
            _ => _random.Next(-14 * 60, 14 * 60 + 1),
        });
        return _random.Next(8) switch
        {
            0 => System.DateTimeOffset.MinValue,
            1 => System.DateTimeOffset.MaxValue,
            2 => System.DateTimeOffset.UnixEpoch,
            _ => new DateTimeOffset(_random.NextInt64(System.DateTime.MinValue.Ticks + System.TimeSpan.TicksPerDay, System.DateTime.MaxValue.Ticks - System.TimeSpan.TicksPerDay), offset),
        };
    }

    private TimeSpan NextTimeSpan() => _random.Next(8) switch
    {
        0 => System.TimeSpan.MinValue,
        1 => System.TimeSpan.MaxValue,
        2 => System.TimeSpan.Zero,
        3 => System.TimeSpan.FromTicks(1),
        4 => System.TimeSpan.FromDays(-1.5),
        _ => new TimeSpan(_random.NextInt64(long.MinValue, long.MaxValue) / (Chance(50) ? 1 : 100_000_000)),
    };

    private byte[] NextBytes()
    {
        var bytes = new byte[_random.Next(Chance(20) ? 100 : 8)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private object NextEnum(Type type)
    {
        var values = System.Enum.GetValues(type);
        if (Chance(80) && values.Length > 0)
        {
            return values.GetValue(_random.Next(values.Length))!;
        }

        // An undefined value (or a combination of flags).
        var underlying = System.Enum.GetUnderlyingType(type);
        var raw = Convert.ChangeType(Integer(0, underlying == typeof(byte) || underlying == typeof(sbyte) ? 100 : 1000), underlying, CultureInfo.InvariantCulture);
        return System.Enum.ToObject(type, raw);
    }

    private JsonElement NextElement(int depth)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, depth);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());

        // Numbers as written in the source text, which a JsonElement keeps verbatim.
        if (text.Length < 8 && Chance(20))
        {
            text = Pick(["1.0", "1e5", "-0", "1E+2", "0.000001", "12345678901234567890123", "\"\\u00e9\\/\"", "[1,2.50]"]);
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private void WriteJson(Utf8JsonWriter writer, int depth)
    {
        switch (depth >= MaxDepth ? _random.Next(4) : _random.Next(6))
        {
            case 0:
                writer.WriteStringValue(NextText());
                break;
            case 1:
                writer.WriteNumberValue(Chance(50) ? Integer(long.MinValue, long.MaxValue) : NextDouble());
                break;
            case 2:
                if (Chance(50))
                {
                    writer.WriteBooleanValue(Chance(50));
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case 3:
                writer.WriteNumberValue(NextDecimal());
                break;
            case 4:
                writer.WriteStartArray();
                for (var i = _random.Next(MaxItems); i > 0; i--)
                {
                    WriteJson(writer, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                for (var i = _random.Next(MaxItems); i > 0; i--)
                {
                    writer.WritePropertyName(NextText());
                    WriteJson(writer, depth + 1);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private sealed class Holder
    {
        public object NotNull { get; set; } = new();
    }
}
