using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Events.SourceGeneration;

public static partial class JsonSupport
{
    // Readers: the accepted tokens are those of System.Text.Json's own converters under JsonSerializerDefaults.Web with
    // JsonNumberHandling.Strict: a number is a JSON number. The ...OrString readers are for members that ask for
    // [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]: a JSON number, or a JSON string holding one
    // (floating-point strings may be NaN or ±Infinity), as the web defaults read them.

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw CannotConvert(ref reader, "System.Boolean"),
    };

    /// <summary>Reads a string or null.</summary>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw CannotConvert(ref reader, "System.String"),
    };

    /// <summary>Reads a one-character string.</summary>
    public static char ReadChar(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            if (text.Length == 1)
            {
                return text[0];
            }
        }

        throw CannotConvert(ref reader, "System.Char");
    }

    /// <summary>Reads a <see cref="Guid"/> in the 'D' format.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw CannotConvert(ref reader, "System.Guid");

    /// <summary>Reads an ISO 8601 <see cref="DateTime"/>.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out var value) ? value : throw CannotConvert(ref reader, "System.DateTime");

    /// <summary>Reads an ISO 8601 <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) ? value : throw CannotConvert(ref reader, "System.DateTimeOffset");

    /// <summary>Reads a <c>yyyy-MM-dd</c> date.</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            if (DateOnly.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value;
            }
        }

        throw CannotConvert(ref reader, "System.DateOnly");
    }

    /// <summary>Reads a time of day in the constant ('c') time-span format.</summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && TryParseTimeSpan(ref reader, out var span) && span >= TimeSpan.Zero && span < TimeSpan.FromDays(1))
        {
            return TimeOnly.FromTimeSpan(span);
        }

        throw CannotConvert(ref reader, "System.TimeOnly");
    }

    /// <summary>Reads a time span in the constant ('c') format.</summary>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && TryParseTimeSpan(ref reader, out var value) ? value : throw CannotConvert(ref reader, "System.TimeSpan");

    private static bool TryParseTimeSpan(ref Utf8JsonReader reader, out TimeSpan value)
    {
        var text = reader.GetString()!;
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] == '-') || !char.IsAsciiDigit(text[^1]))
        {
            value = default;
            return false;
        }

        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a relative or absolute URI.</summary>
    public static Uri? ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out var value))
        {
            return value;
        }

        throw CannotConvert(ref reader, "System.Uri");
    }

    /// <summary>Reads any JSON value as a <see cref="JsonElement"/>.</summary>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a JSON value with a user-declared converter, the way System.Text.Json calls it.</summary>
    public static T? ReadWithConverter<T>(ref Utf8JsonReader reader, JsonConverter<T> converter)
    {
        if (reader.TokenType == JsonTokenType.Null && !converter.HandleNull && default(T) is null)
        {
            return default;
        }

        return converter.Read(ref reader, typeof(T), Options);
    }

    /// <summary>Resolves a converter declared with <see cref="JsonConverterAttribute"/>, expanding factories.</summary>
    public static JsonConverter<T> ResolveConverter<T>(JsonConverter converter)
    {
        if (converter is JsonConverterFactory factory)
        {
            converter = factory.CreateConverter(typeof(T), Options)
                ?? throw new InvalidOperationException($"The converter factory '{factory.GetType()}' returned no converter for '{typeof(T)}'.");
        }

        return converter as JsonConverter<T>
            ?? throw new InvalidOperationException($"The converter '{converter.GetType()}' is not compatible with the type '{typeof(T)}'.");
    }

    /// <summary>
    /// Resolves a converter declared with <see cref="JsonConverterAttribute"/> on a <see cref="Nullable{T}"/> property.
    /// Like System.Text.Json, a converter (or factory) for <typeparamref name="T"/> itself is accepted and wrapped:
    /// null is read and written as null, anything else goes to the converter.
    /// </summary>
    public static JsonConverter<T?> ResolveNullableConverter<T>(JsonConverter converter)
        where T : struct
        => converter.CanConvert(typeof(T?)) || !converter.CanConvert(typeof(T))
            ? ResolveConverter<T?>(converter)
            : new NullableConverter<T>(ResolveConverter<T>(converter));

    private sealed class NullableConverter<T>(JsonConverter<T> inner) : JsonConverter<T?>
        where T : struct
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null ? null : inner.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                inner.Write(writer, value.GetValueOrDefault(), options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    // Numbers: a JSON number, read exactly as Utf8JsonReader.TryGetXxx reads it; with ...OrString, also a JSON string
    // holding one (JsonNumberHandling.AllowReadingFromString), read as System.Text.Json's GetXxxWithQuotes reads it.

    private delegate bool Utf8Parse<T>(ReadOnlySpan<byte> text, out T value, out int consumed, char format);

    private static T ReadQuotedNumber<T>(ref Utf8JsonReader reader, Utf8Parse<T> parse, string typeName)
        where T : struct
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw CannotConvert(ref reader, typeName);
        }

        byte[]? rented = null;
        ReadOnlySpan<byte> text;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            text = reader.ValueSpan;
        }
        else
        {
            var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            var buffer = rented = ArrayPool<byte>.Shared.Rent(length);
            text = buffer.AsSpan(0, reader.CopyString(buffer));
        }

        try
        {
            var floating = typeof(T) == typeof(double) || typeof(T) == typeof(float);

            // Like System.Text.Json, a quoted NaN or ±Infinity (spelled exactly so) is accepted for float and double;
            // Utf8Parser's own, case-insensitive spellings and overflows to infinity are not.
            if (floating && TryNamedLiteral(text, out var literal))
            {
                return typeof(T) == typeof(double) ? (T)(object)literal : (T)(object)(float)literal;
            }

            if (parse(text, out var value, out var consumed, default) && consumed == text.Length && (!floating || IsFinite(value)))
            {
                return value;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        throw CannotConvert(ref reader, typeName);
    }

    private static bool IsFinite<T>(T value) => value switch
    {
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        _ => true,
    };

    private static bool TryNamedLiteral(ReadOnlySpan<byte> text, out double value)
    {
        if (text.SequenceEqual("NaN"u8))
        {
            value = double.NaN;
            return true;
        }

        if (text.SequenceEqual("Infinity"u8))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (text.SequenceEqual("-Infinity"u8))
        {
            value = double.NegativeInfinity;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a <see cref="byte"/> from a JSON number.</summary>
    public static byte ReadByte(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetByte(out var v) ? v : throw CannotConvert(ref reader, "System.Byte");

    /// <summary>Reads a <see cref="byte"/> from a JSON number or a JSON string holding one.</summary>
    public static byte ReadByteOrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetByte(out var v) ? v : ReadQuotedNumber<byte>(ref reader, Utf8Parser.TryParse, "System.Byte");

    /// <summary>Reads an <see cref="sbyte"/> from a JSON number.</summary>
    public static sbyte ReadSByte(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetSByte(out var v) ? v : throw CannotConvert(ref reader, "System.SByte");

    /// <summary>Reads an <see cref="sbyte"/> from a JSON number or a JSON string holding one.</summary>
    public static sbyte ReadSByteOrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetSByte(out var v) ? v : ReadQuotedNumber<sbyte>(ref reader, Utf8Parser.TryParse, "System.SByte");

    /// <summary>Reads a <see cref="short"/> from a JSON number.</summary>
    public static short ReadInt16(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt16(out var v) ? v : throw CannotConvert(ref reader, "System.Int16");

    /// <summary>Reads a <see cref="short"/> from a JSON number or a JSON string holding one.</summary>
    public static short ReadInt16OrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt16(out var v) ? v : ReadQuotedNumber<short>(ref reader, Utf8Parser.TryParse, "System.Int16");

    /// <summary>Reads a <see cref="ushort"/> from a JSON number.</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var v) ? v : throw CannotConvert(ref reader, "System.UInt16");

    /// <summary>Reads a <see cref="ushort"/> from a JSON number or a JSON string holding one.</summary>
    public static ushort ReadUInt16OrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var v) ? v : ReadQuotedNumber<ushort>(ref reader, Utf8Parser.TryParse, "System.UInt16");

    /// <summary>Reads an <see cref="int"/> from a JSON number.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : throw CannotConvert(ref reader, "System.Int32");

    /// <summary>Reads an <see cref="int"/> from a JSON number or a JSON string holding one.</summary>
    public static int ReadInt32OrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : ReadQuotedNumber<int>(ref reader, Utf8Parser.TryParse, "System.Int32");

    /// <summary>Reads a <see cref="uint"/> from a JSON number.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var v) ? v : throw CannotConvert(ref reader, "System.UInt32");

    /// <summary>Reads a <see cref="uint"/> from a JSON number or a JSON string holding one.</summary>
    public static uint ReadUInt32OrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var v) ? v : ReadQuotedNumber<uint>(ref reader, Utf8Parser.TryParse, "System.UInt32");

    /// <summary>Reads a <see cref="long"/> from a JSON number.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) ? v : throw CannotConvert(ref reader, "System.Int64");

    /// <summary>Reads a <see cref="long"/> from a JSON number or a JSON string holding one.</summary>
    public static long ReadInt64OrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) ? v : ReadQuotedNumber<long>(ref reader, Utf8Parser.TryParse, "System.Int64");

    /// <summary>Reads a <see cref="ulong"/> from a JSON number.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var v) ? v : throw CannotConvert(ref reader, "System.UInt64");

    /// <summary>Reads a <see cref="ulong"/> from a JSON number or a JSON string holding one.</summary>
    public static ulong ReadUInt64OrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var v) ? v : ReadQuotedNumber<ulong>(ref reader, Utf8Parser.TryParse, "System.UInt64");

    /// <summary>Reads a <see cref="float"/> from a JSON number.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var v) ? v : throw CannotConvert(ref reader, "System.Single");

    /// <summary>Reads a <see cref="float"/> from a JSON number or a JSON string holding one.</summary>
    public static float ReadSingleOrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var v) ? v : ReadQuotedNumber<float>(ref reader, Utf8Parser.TryParse, "System.Single");

    /// <summary>Reads a <see cref="double"/> from a JSON number.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var v) ? v : throw CannotConvert(ref reader, "System.Double");

    /// <summary>Reads a <see cref="double"/> from a JSON number or a JSON string holding one.</summary>
    public static double ReadDoubleOrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var v) ? v : ReadQuotedNumber<double>(ref reader, Utf8Parser.TryParse, "System.Double");

    /// <summary>Reads a <see cref="decimal"/> from a JSON number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var v) ? v : throw CannotConvert(ref reader, "System.Decimal");

    /// <summary>Reads a <see cref="decimal"/> from a JSON number or a JSON string holding one.</summary>
    public static decimal ReadDecimalOrString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var v) ? v : ReadQuotedNumber<decimal>(ref reader, Utf8Parser.TryParse, "System.Decimal");

    // Writers for the types whose System.Text.Json converters format text themselves.

    /// <summary>Writes a <see cref="char"/> as a one-character string.</summary>
    public static void WriteChar(Utf8JsonWriter writer, char value)
        => writer.WriteStringValue(MemoryMarshal.CreateReadOnlySpan(ref value, 1));

    /// <summary>Writes a <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out var written, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Writes a <see cref="TimeOnly"/> in the constant ('c') time-span format.</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value) => WriteTimeSpan(writer, value.ToTimeSpan());

    /// <summary>Writes a <see cref="TimeSpan"/> in the constant ('c') format.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<byte> buffer = stackalloc byte[32];
        Utf8Formatter.TryFormat(value, buffer, out var written, 'c');
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Writes a <see cref="Uri"/> as its original string.</summary>
    public static void WriteUri(Utf8JsonWriter writer, Uri? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.OriginalString);
        }
    }

    /// <summary>Writes a string or null.</summary>
    public static void WriteString(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes a value with a user-declared converter, the way System.Text.Json calls it.</summary>
    public static void WriteWithConverter<T>(Utf8JsonWriter writer, T? value, JsonConverter<T> converter)
    {
        if (value is null && !converter.HandleNull)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, value!, Options);
        }
    }
}
