using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events;

/// <summary>
/// <see cref="Nullable{T}"/> of a built-in step type: null, or the value exactly as <paramref name="underlying"/> reads and
/// writes it. (System.Text.Json's own nullable converter asks the options' resolver for <typeparamref name="T"/>,
/// which the runtime's options deliberately do not have.)
/// </summary>
internal sealed class NullableValueConverter<T>(JsonTypeInfo<T> underlying) : JsonConverter<T?>
    where T : struct
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize(ref reader, underlying);

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } present)
        {
            JsonSerializer.Serialize(writer, present, underlying);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
