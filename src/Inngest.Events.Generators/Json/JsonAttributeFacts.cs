using System.Collections.Immutable;
using System.Linq;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// The System.Text.Json attributes of a property that <see cref="JsonShapeCache"/> honours, each as the first
/// attribute of its class decides it (as System.Text.Json reads them; none of them allows multiple).
/// </summary>
/// <param name="IgnoreCondition">
/// [JsonIgnore]'s condition (1 Always, 2 WhenWritingDefault, 3 WhenWritingNull, 4 WhenWriting, 5 WhenReading), or null
/// without the attribute.
/// </param>
/// <param name="Order">[JsonPropertyOrder]'s order, 0 without it.</param>
/// <param name="JsonPropertyName">[JsonPropertyName]'s name, or null.</param>
/// <param name="JsonRequired">Whether [JsonRequired] is present.</param>
/// <param name="Converter">A [JsonConverter]'s converter type as generated code names it, or null.</param>
/// <param name="Unhonoured">An attribute System.Text.Json honours and the generated serializer would not (INNG1006), or null.</param>
/// <param name="NumberHandling">[JsonNumberHandling]'s value when it is one the generated code honours (Strict, AllowReadingFromString), or null.</param>
internal sealed record JsonAttributeFacts(int? IgnoreCondition, int Order, string? JsonPropertyName, bool JsonRequired, string? Converter, UnhonouredAttribute? Unhonoured = null, int? NumberHandling = null)
{
    public static readonly JsonAttributeFacts None = new(null, 0, null, false, null);

    public static JsonAttributeFacts From(ImmutableArray<AttributeData> attributes)
    {
        var ignore = Find(attributes, KnownNames.JsonIgnoreAttribute);
        return new JsonAttributeFacts(
            ignore is null ? null : ignore.NamedArguments.FirstOrDefault(static a => a.Key == "Condition").Value.Value as int? ?? 1,
            Find(attributes, KnownNames.JsonPropertyOrderAttribute)?.ConstructorArguments.FirstOrDefault().Value as int? ?? 0,
            Find(attributes, KnownNames.JsonPropertyNameAttribute)?.ConstructorArguments.FirstOrDefault().Value as string,
            Find(attributes, KnownNames.JsonRequiredAttribute) is not null,
            ConverterOf(attributes),
            UnhonouredAttribute.OfProperty(attributes),
            UnhonouredAttribute.HonouredNumberHandling(attributes));
    }

    /// <summary>The converter type of the first [JsonConverter] in <paramref name="attributes"/>, as generated code names it.</summary>
    public static string? ConverterOf(ImmutableArray<AttributeData> attributes)
        => Find(attributes, KnownNames.JsonConverterAttribute)?.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol converter
            ? TypeNames.Display(converter)
            : null;

    public static AttributeData? Find(ImmutableArray<AttributeData> attributes, string metadataName)
    {
        foreach (var attribute in attributes)
        {
            if (TypeNames.HasMetadataName(attribute.AttributeClass, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }
}
