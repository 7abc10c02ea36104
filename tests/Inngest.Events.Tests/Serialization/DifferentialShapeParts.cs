using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Events.Tests.Serialization;

// Types the differential shapes are made of.

public enum Color
{
    Red,
    Green,
    Blue,
}

public enum ByteEnum : byte
{
    Zero,
    Max = byte.MaxValue,
}

public enum SByteEnum : sbyte
{
    Min = sbyte.MinValue,
    Zero = 0,
}

public enum ShortEnum : short
{
    Min = short.MinValue,
    One = 1,
}

public enum UShortEnum : ushort
{
    One = 1,
    Max = ushort.MaxValue,
}

public enum UIntEnum : uint
{
    One = 1,
    Max = uint.MaxValue,
}

public enum LongEnum : long
{
    Min = long.MinValue,
    Max = long.MaxValue,
}

public enum ULongEnum : ulong
{
    Zero,
    Max = ulong.MaxValue,
}

[Flags]
public enum Permissions
{
    None = 0,
    Read = 1,
    Write = 2,
    Delete = 4,
    All = Read | Write | Delete,
}

/// <summary>An enum with a type-level converter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Mood>))]
public enum Mood
{
    Calm,
    Cheerful,
    Grumpy,
}

public sealed record Customer(string Id, string Name, Address Address)
{
    public string? Email { get; init; }
    public List<string> Phones { get; init; } = [];
}

public sealed record Address(string Street, string City, string? Zip)
{
    public GeoPosition? Position { get; init; }
}

/// <summary>A nested type with required members.</summary>
public sealed class RequiredPart
{
    public required string Code { get; init; }

    [JsonRequired]
    public int Rank { get; set; }
}

public readonly record struct GeoPosition(double Latitude, double Longitude);

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice)
{
    public Dictionary<string, string>? Options { get; init; }
    public LineItem? Original { get; init; }
}

/// <summary>A recursive node.</summary>
public sealed record TreeNode(string Name, int Weight, List<TreeNode> Children)
{
    public TreeNode? Link { get; init; }
    public Dictionary<string, TreeNode>? Named { get; init; }
}

/// <summary>A plain struct with settable properties.</summary>
public struct Dimensions
{
    public double Width { get; set; }
    public double Height { get; set; }
    public Color? Tint { get; set; }
}

public record struct GridCell(int Row, int Column);

/// <summary>A plain class with settable properties.</summary>
public sealed class Attachment
{
    public string FileName { get; set; } = "file.bin";
    public byte[]? Content { get; set; }
    public Uri? Link { get; set; }
    public long Size { get; set; }
}

public class BaseAudit
{
    public string Actor { get; set; } = "system";
    public DateTimeOffset At { get; set; }
    public virtual string Source { get; set; } = "base";
}

public class MiddleAudit : BaseAudit
{
    public int Revision { get; set; }
    public string? Reason { get; set; }
}

public record BaseRecord(string Id)
{
    public string? Origin { get; init; }
}

public class OrderedBase
{
    [JsonPropertyOrder(-10)]
    public string? BaseFirst { get; set; }

    public int BaseUnordered { get; set; }

    [JsonPropertyOrder(1)]
    public int BaseOne { get; set; }
}

/// <summary>A value type with a type-level converter: written as "x:y".</summary>
[JsonConverter(typeof(GridPointConverter))]
public readonly record struct GridPoint(int X, int Y);

public sealed class GridPointConverter : JsonConverter<GridPoint>
{
    public override GridPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A grid point cannot be null.");
        var colon = text.IndexOf(':');
        if (colon < 0
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
        {
            throw new JsonException($"'{text}' is not a grid point.");
        }

        return new GridPoint(x, y);
    }

    public override void Write(Utf8JsonWriter writer, GridPoint value, JsonSerializerOptions options)
        => writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{value.X}:{value.Y}"));
}

/// <summary>A reference type with a type-level converter: written as "12.50 EUR".</summary>
[JsonConverter(typeof(MoneyConverter))]
public sealed record Money(decimal Amount, string Currency);

public sealed class MoneyConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!;
        var space = text.IndexOf(' ');
        if (space < 0 || !decimal.TryParse(text.AsSpan(0, space), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            throw new JsonException($"'{text}' is not an amount of money.");
        }

        return new Money(amount, text[(space + 1)..]);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Amount.ToString(CultureInfo.InvariantCulture) + " " + value.Currency);
}

/// <summary>A property converter: strings written in upper case.</summary>
public sealed class UpperCaseConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToUpperInvariant());
}

/// <summary>A property converter: integers written as strings.</summary>
public sealed class IntAsStringConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String
            ? int.Parse(reader.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : reader.GetInt32();

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A converter that handles null itself: null is written as "" and "" is read as null.</summary>
public sealed class NullAsEmptyConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? "(null)" : reader.GetString() is { Length: > 0 } text ? text : null;

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        => writer.WriteStringValue(value ?? string.Empty);
}

/// <summary>A generic record with an init-only property.</summary>
public sealed record Box<T>(T Value)
{
    public string? Label { get; init; }
}

public sealed class Pair<TFirst, TSecond>
{
    public TFirst? First { get; set; }
    public TSecond? Second { get; init; }
}

public class HidingBase
{
    public int Value { get; set; }

    [JsonPropertyName("renamed_in_base")]
    public virtual int Renamed { get; set; }

    public int Kept { get; set; }
}
