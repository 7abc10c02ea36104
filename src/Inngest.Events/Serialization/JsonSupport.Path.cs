using System.Text;
using System.Text.Json;

namespace Inngest.Events.Serialization;

public static partial class JsonSupport
{
    private const string PathKey = "Inngest.Events.JsonPath";

    // Generated readers record where they are in an exception filter that returns false: the filters run
    // innermost first while the exception is still in flight, so a failed read costs no rethrow per level and a
    // successful read costs nothing but a local store.

    /// <summary>Records a property segment of the JSON path of <paramref name="exception"/>; always false.</summary>
    public static bool AddProperty(JsonException exception, string? name)
    {
        if (name is not null && exception.Path is null)
        {
            Segments(exception).Add(IsSimple(name) ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']");
        }

        return false;
    }

    /// <summary>Records an array-index segment of the JSON path of <paramref name="exception"/>; always false.</summary>
    public static bool AddIndex(JsonException exception, int index)
    {
        if (index >= 0 && exception.Path is null)
        {
            Segments(exception).Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        }

        return false;
    }

    /// <summary>
    /// Turns an exception raised while reading into one that carries the JSON path, keeping the original as the
    /// inner exception.
    /// </summary>
    public static JsonException WithPath(JsonException exception)
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

        return new JsonException($"{message} Path: {text}", text, exception.LineNumber, exception.BytePositionInLine, exception);
    }

    private static List<string> Segments(JsonException exception)
    {
        if (exception.Data[PathKey] is not List<string> segments)
        {
            segments = [];
            exception.Data[PathKey] = segments;
        }

        return segments;
    }

    private static bool IsSimple(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is '.' or '\'' or '[' or ']' or ' ' or '$')
            {
                return false;
            }
        }

        return true;
    }
}
