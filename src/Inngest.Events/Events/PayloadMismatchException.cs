using System.Globalization;
using System.Text.Json;
using Inngest.Events.Serialization;
using Inngest.Events.SourceGeneration;

namespace Inngest.Events;

/// <summary>
/// An event or a result that does not fit the type the function reads it as (another service sent
/// <c>"amount": "a lot"</c>, or an array where an object belongs). Retrying would read the same JSON again, so it fails
/// the run at once; the message says what was read, as which type, and where it does not fit.
/// </summary>
internal sealed class PayloadMismatchException : NonRetriableException
{
    private PayloadMismatchException(string message, JsonException innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// <c>shop/order.placed → OrderPlaced: $.amount: expected a number, found the string "a lot"</c>.
    /// </summary>
    /// <param name="source">What was read: the event's name, or the invoked function.</param>
    /// <param name="type">The type it was read as.</param>
    /// <param name="payload">The JSON that was read.</param>
    /// <param name="exception">The read's failure.</param>
    public static PayloadMismatchException Create(string source, Type type, JsonElement payload, JsonException exception)
    {
        var path = exception.Path ?? "$";
        var reason = JsonSupport.DescribeMismatch(exception)
            ?? (path == "$" ? $"expected {JsonSupport.ExpectedFor(type)}, found {Describe(payload)}" : WithoutPath(exception.Message));
        return new PayloadMismatchException($"{source} → {TypeName(type)}: {path}: {reason}", exception);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string \"" + Shorten(value.GetString()!) + "\"",
        JsonValueKind.Number => "the number " + Shorten(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string WithoutPath(string message)
    {
        var at = message.LastIndexOf(" Path: ", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.');
    }

    private static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>");
    }
}
