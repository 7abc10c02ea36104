using System.Text.Json;

namespace Inngest.Events.SourceGeneration;

public static partial class JsonSupport
{
    // Enums are numbers under web defaults; unlike other numbers, System.Text.Json does not read them from strings.

    private static void EnumNumber(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw CannotConvert(ref reader, typeName);
        }
    }

    /// <summary>Reads an enum backed by <see cref="byte"/>.</summary>
    public static byte ReadEnumByte(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetByte(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="sbyte"/>.</summary>
    public static sbyte ReadEnumSByte(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetSByte(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="short"/>.</summary>
    public static short ReadEnumInt16(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetInt16(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="ushort"/>.</summary>
    public static ushort ReadEnumUInt16(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetUInt16(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="int"/>.</summary>
    public static int ReadEnumInt32(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetInt32(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="uint"/>.</summary>
    public static uint ReadEnumUInt32(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetUInt32(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="long"/>.</summary>
    public static long ReadEnumInt64(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetInt64(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads an enum backed by <see cref="ulong"/>.</summary>
    public static ulong ReadEnumUInt64(ref Utf8JsonReader reader, string typeName)
    {
        EnumNumber(ref reader, typeName);
        return reader.TryGetUInt64(out var value) ? value : throw CannotConvert(ref reader, typeName);
    }

    /// <summary>Reads a base64 string into bytes, as System.Text.Json does for <c>byte[]</c>.</summary>
    public static byte[]? ReadBase64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value : throw CannotConvert(ref reader, "System.Byte[]");
    }

    /// <summary>Writes bytes as a base64 string.</summary>
    public static void WriteBase64(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }
}
