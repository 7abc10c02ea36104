using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.SourceGeneration;

public static partial class JsonSupport
{
    private const string PathKey = "Inngest.Events.JsonPath";

    // System.Text.Json marks the InvalidOperationException and FormatException that its reader's getters throw (a
    // string that is not valid UTF-16, a converter calling GetInt32 on null, ...) with this Source, and turns them into a
    // JsonException with the path; generated readers do the same.
    private const string RethrowableSource = "System.Text.Json.Rethrowable";

    private static readonly SearchValues<char> SpecialCharacters = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    // Generated readers record where they are in an exception filter that returns false: the filters run
    // innermost first while the exception is still in flight, so a failed read costs no rethrow per level and a
    // successful read costs nothing but a local store.

    /// <summary>
    /// Whether <paramref name="exception"/> is a read failure that still needs its JSON path: a
    /// <see cref="JsonException"/> without one, or an exception System.Text.Json reports as a JsonException.
    /// </summary>
    public static bool NeedsPath(Exception exception) => exception switch
    {
        JsonException json => json.Path is null,
        InvalidOperationException or FormatException => exception.Source == RethrowableSource,
        _ => false,
    };

    /// <summary>Records a property segment of the JSON path of <paramref name="exception"/>; always false.</summary>
    public static bool AddProperty(Exception exception, string? name)
    {
        if (name is not null && NeedsPath(exception))
        {
            // System.Text.Json's notation: brackets around names with special characters, which are not escaped.
            Segments(exception).Add(name.AsSpan().IndexOfAny(SpecialCharacters) < 0 ? "." + name : "['" + name + "']");
        }

        return false;
    }

    /// <summary>Records an array-index segment of the JSON path of <paramref name="exception"/>; always false.</summary>
    public static bool AddIndex(Exception exception, int index)
    {
        if (index >= 0 && NeedsPath(exception))
        {
            Segments(exception).Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        }

        return false;
    }

    /// <summary>
    /// Turns an exception raised while reading into one that carries the JSON path, keeping the original as the
    /// inner exception.
    /// </summary>
    public static JsonException WithPath(Exception exception)
    {
        var path = new StringBuilder("$");
        if (exception.Data[PathKey] is List<string> segments)
        {
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                path.Append(segments[i]);
            }
        }

        var text = path.ToString();
        var message = exception.Message.TrimEnd();
        if (!message.EndsWith('.'))
        {
            message += ".";
        }

        var json = exception as JsonException;
        return new JsonException($"{message} Path: {text}", text, json?.LineNumber, json?.BytePositionInLine, exception);
    }

    private static List<string> Segments(Exception exception)
    {
        if (exception.Data[PathKey] is not List<string> segments)
        {
            segments = [];
            exception.Data[PathKey] = segments;
        }

        return segments;
    }
}
