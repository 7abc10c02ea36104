using System.Buffers;
using System.Buffers.Text;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events.SourceGeneration;

/// <summary>
/// Helpers called by the code that the Inngest.Events source generator writes for <see cref="EventAttribute"/>
/// types. They write exactly like System.Text.Json with <see cref="JsonSerializerDefaults.Web"/>, and read like it with
/// <see cref="JsonNumberHandling.Strict"/>: a number is a JSON number unless the member or its type has
/// <c>[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]</c>.
/// Not meant to be called by hand; the API may change between versions.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonSupport
{
    /// <summary>
    /// The options every generated <see cref="JsonTypeInfo{T}"/> is bound to (and that converters named by
    /// <c>[JsonConverter]</c> are given): web defaults with strict number reading, as the generated readers read, and
    /// a resolver that knows no types, so nothing falls back to reflection.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        // Strict: an event's data is read as its type (and its schema in inngest-events.lock.json) says, so a payload
        // holding "12" where a number belongs fails at once, without retries. Writing is the same as with the web
        // defaults' AllowReadingFromString.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Creates the type info of a generated converter.</summary>
    public static JsonTypeInfo<T> CreateTypeInfo<T>(JsonConverter<T> converter)
    {
        var info = JsonMetadataServices.CreateValueInfo<T>(Options, converter);
        info.MakeReadOnly();
        return info;
    }

    /// <summary>System.Text.Json's default maximum depth, which <see cref="Options"/> keeps: no value is written or read deeper.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Fails, as System.Text.Json does, when a value is about to be written at <see cref="MaxDepth"/> (a cycle, or a
    /// graph too deep to write).
    /// </summary>
    public static void CheckDepth(Utf8JsonWriter writer)
    {
        if (writer.CurrentDepth >= MaxDepth)
        {
            throw DepthExceeded();
        }
    }

    /// <summary>
    /// <see cref="CheckDepth(Utf8JsonWriter)"/> for an element written by <paramref name="converter"/>: System.Text.Json
    /// skips the check for its own converters (such as <see cref="JsonStringEnumConverter"/>'s) in concrete collections.
    /// </summary>
    public static void CheckDepth(Utf8JsonWriter writer, JsonConverter converter)
    {
        if (writer.CurrentDepth >= MaxDepth && converter.GetType().Assembly != typeof(JsonConverter).Assembly)
        {
            throw DepthExceeded();
        }
    }

    /// <summary>The exception System.Text.Json throws for a value nested deeper than <see cref="MaxDepth"/>.</summary>
    public static JsonException DepthExceeded()
        => new($"A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of {MaxDepth}. Consider using ReferenceHandler.Preserve on JsonSerializerOptions to support cycles.");

    /// <summary>
    /// The property name the reader is on. Unescaped bytes that are not UTF-8 become U+FFFD rather than failing: such a
    /// name matches no property, and System.Text.Json skips an unknown property without decoding its name.
    /// </summary>
    public static string PropertyName(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        return reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
            : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
    }

    /// <summary>Advances the reader, failing when the input ends early.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON input ended before the value was complete.");
        }
    }

    // The helpers below hold what every generated reader and writer would otherwise spell out (null, start and depth
    // checks, the loop over an object's properties or an array's items): the generated text is about a third shorter,
    // which is what the generator's cold run and the user's compile of the generated code pay for.

    /// <summary>Writes null when <paramref name="value"/> is null, and says whether it did (the caller then returns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool WriteNull(Utf8JsonWriter writer, [NotNullWhen(false)] object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return true;
        }

        return false;
    }

    /// <summary>Starts an object, failing as System.Text.Json does when the object is at <see cref="MaxDepth"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StartObject(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        CheckDepth(writer);
    }

    /// <summary>
    /// Whether the reader is on null (the caller then returns null); otherwise checks that it is on
    /// <paramref name="expected"/>, the start of the object or array that <paramref name="typeName"/> reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref Utf8JsonReader reader, JsonTokenType expected, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        Expect(ref reader, expected, typeName);
        return false;
    }

    /// <summary>
    /// Moves to the next item of an array, or to its end (false). <paramref name="index"/> counts the items read so
    /// far, as the index of System.Text.Json's paths does, even between items.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextItem(ref Utf8JsonReader reader, ref int index)
    {
        index++;
        Next(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>
    /// Moves to the value of the next entry of an object read as a dictionary, or to the object's end (false).
    /// <paramref name="key"/> is the entry's key once read (null before, for the error path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextEntry(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? key)
    {
        key = null;
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        key = reader.GetString()!;
        Next(ref reader);
        return true;
    }

    /// <summary>Checks that the reader is on <paramref name="expected"/>.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string typeName)
    {
        if (reader.TokenType != expected)
        {
            var exception = CannotConvert(ref reader, typeName);
            exception.Data[ExpectedKey] = Describe(expected);
            throw exception;
        }
    }

    /// <summary>The exception for a token that cannot be converted to <paramref name="typeName"/>.</summary>
    public static JsonException CannotConvert(ref Utf8JsonReader reader, string typeName)
    {
        var exception = new JsonException($"The JSON value could not be converted to {typeName}: unexpected {Describe(reader.TokenType)}.");
        exception.Data[ExpectedKey] = Expected(typeName);
        exception.Data[FoundKey] = reader.TokenType == JsonTokenType.String && TryGetString(ref reader) is { } text
            ? "the string \"" + (text.Length > 40 ? text[..40] + "…" : text) + "\""
            : Describe(reader.TokenType);
        return exception;
    }

    // What a failed read expected and found, in words, for messages that explain a payload that does not fit its type
    // (the JsonException's own message stays System.Text.Json's).
    private const string ExpectedKey = "Inngest.Events.Expected";
    private const string FoundKey = "Inngest.Events.Found";

    /// <summary>
    /// "expected a number, found the string "12a"" for a read that failed on a token of the wrong kind, or null when
    /// <paramref name="exception"/> (or an inner one) is not such a failure.
    /// </summary>
    internal static string? DescribeMismatch(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.Data[ExpectedKey] is string expected && current.Data[FoundKey] is string found)
            {
                return $"expected {expected}, found {found}";
            }
        }

        return null;
    }

    /// <summary>What JSON a value of <paramref name="type"/> is read from, in words ("a number").</summary>
    internal static string ExpectedFor(Type type) => Expected((Nullable.GetUnderlyingType(type) ?? type).FullName ?? type.Name);

    private static string Expected(string typeName) => typeName switch
    {
        "System.Byte" or "System.SByte" or "System.Int16" or "System.UInt16" or "System.Int32" or "System.UInt32" or "System.Int64"
            or "System.UInt64" or "System.Int128" or "System.UInt128" or "System.Single" or "System.Double" or "System.Half"
            or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.String" => "a string",
        "System.Char" => "a string of one character",
        "System.Guid" => "a GUID string",
        "System.DateTime" or "System.DateTimeOffset" => "an ISO 8601 date and time string",
        "System.DateOnly" => "a yyyy-MM-dd date string",
        "System.TimeOnly" or "System.TimeSpan" => "an hh:mm:ss time string",
        "System.Uri" => "a URI string",
        "System.Byte[]" => "a base64 string",
        _ => $"a {typeName}",
    };

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => token.ToString(),
    };

    /// <summary>Throws the exception System.Text.Json throws for missing required properties.</summary>
    public static JsonException MissingRequired(string typeName, params string?[] missing)
    {
        var names = string.Join(", ", missing.Where(static m => m is not null).Select(static m => $"'{m}'"));
        return new JsonException($"JSON deserialization for type '{typeName}' was missing required properties including: {names}.");
    }

    /// <summary>The exception for a type without a constructor System.Text.Json could use to deserialize.</summary>
    public static NotSupportedException NoConstructor(string typeName)
        => new($"Deserialization of type '{typeName}' is not supported: it has no parameterless constructor, no single public parameterized constructor and no constructor annotated with [JsonConstructor].");
}
