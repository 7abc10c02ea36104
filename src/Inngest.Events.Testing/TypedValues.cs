using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events.Testing;

/// <summary>Reads the JSON a run stored as the types the functions use, with the generated metadata (no reflection).</summary>
internal static class TypedValues
{
    public static T Read<T>(JsonElement value, IJsonTypeInfoResolver? types, string what)
    {
        JsonTypeInfo<T> info;
        try
        {
            info = StepTypeInfos.Get<T>(types, what);
        }
        catch (InvalidOperationException exception)
        {
            throw new InngestAssertionException(
                $"{Capitalize(what)} cannot be read as '{typeof(T)}': no JSON metadata is known for that type. The functions' generated registry " +
                "has metadata for every type their steps and functions return; read it as one of those, an [Event] type, a framework primitive or JsonElement.",
                exception);
        }

        try
        {
            return value.Deserialize(info)!;
        }
        catch (JsonException exception)
        {
            throw new InngestAssertionException($"{Capitalize(what)} cannot be read as '{typeof(T)}': {exception.Message} The value is {Shorten(value.GetRawText())}.", exception);
        }
    }

    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
