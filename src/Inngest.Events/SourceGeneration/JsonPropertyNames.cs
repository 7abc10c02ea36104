using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.SourceGeneration;

/// <summary>
/// The JSON names of a generated type's properties, matched the way System.Text.Json does with web defaults:
/// exact UTF-8 first, then case-insensitively. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonPropertyNames
{
    private readonly byte[][] _utf8;
    private readonly string[] _names;

    /// <summary>Creates the table for <paramref name="names"/>, in the order the generated code numbers them.</summary>
    public JsonPropertyNames(params string[] names)
    {
        _names = names;
        _utf8 = Array.ConvertAll(names, static n => Encoding.UTF8.GetBytes(n));
    }

    /// <summary>A table without names, for a type none of whose properties is read: every property is skipped.</summary>
    public static JsonPropertyNames None { get; } = new();

    /// <summary>
    /// Moves to the value of the object's next property, or to the object's end (false). <paramref name="match"/> is
    /// the property's index as <see cref="Match(ref Utf8JsonReader, out string)"/> gives it; <paramref name="name"/> is
    /// its name as the JSON spells it once read (null before, for the error path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(ref Utf8JsonReader reader, out int match, out string? name)
    {
        name = null;
        JsonSupport.Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            match = -1;
            return false;
        }

        match = Match(ref reader, out name);
        JsonSupport.Next(ref reader);
        return true;
    }

    /// <summary>The index of the property the reader is on, or -1 when the type has no such property.</summary>
    public int Match(ref Utf8JsonReader reader) => Match(ref reader, out _);

    /// <summary>
    /// The index of the property the reader is on, or -1 when the type has no such property; <paramref name="name"/>
    /// is the name as the JSON spells it (for error paths, as System.Text.Json reports them).
    /// </summary>
    public int Match(ref Utf8JsonReader reader, out string name)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            var utf8 = _utf8;
            for (var i = 0; i < utf8.Length; i++)
            {
                if (span.SequenceEqual(utf8[i]))
                {
                    name = _names[i];
                    return i;
                }
            }
        }

        name = JsonSupport.PropertyName(ref reader);
        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(name, names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The JSON name at <paramref name="index"/>, for error paths.</summary>
    public string this[int index] => _names[index];
}
