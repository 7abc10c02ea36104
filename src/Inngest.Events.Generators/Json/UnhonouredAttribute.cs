using System.Collections.Immutable;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// A System.Text.Json attribute that changes what System.Text.Json reads or writes in a way the generated serializer
/// does not reproduce, with what the generated code would do instead. The generator reports it (INNG1006) rather
/// than write JSON that differs from what the attribute asks for. Attributes whose value the generated code honours
/// (<c>[JsonNumberHandling]</c> with <c>Strict</c> or <c>AllowReadingFromString</c>) or does anyway (<c>Skip</c>,
/// <c>Replace</c>) are fine.
/// </summary>
/// <param name="Name">The attribute as written, without the <c>Attribute</c> suffix (<c>JsonExtensionData</c>).</param>
/// <param name="Effect">What the generated serializer does instead, in words.</param>
internal sealed record UnhonouredAttribute(string Name, string Effect)
{
    // System.Text.Json's enum values: JsonNumberHandling.Strict = 0 and AllowReadingFromString = 1 (both honoured: a
    // number is read from a JSON number only, or from a string holding one too), JsonUnmappedMemberHandling.Disallow = 1,
    // JsonObjectCreationHandling.Populate = 1.
    private const int StrictNumbers = 0;
    private const int NumbersFromStrings = 1;
    private const int Disallow = 1;
    private const int Populate = 1;

    private const string NumberEffect = "of number handling it supports Strict and AllowReadingFromString; numbers are always written as JSON numbers, and NaN and infinities are refused";
    private const string PopulateEffect = "a member is replaced when read, not populated";

    /// <summary>[JsonNumberHandling] on a property that is not a number nor a collection of numbers.</summary>
    public static readonly UnhonouredAttribute MisplacedNumberHandling = new(
        "JsonNumberHandling",
        "System.Text.Json accepts it only on a number, or an array, list or dictionary of numbers, and throws otherwise");

    /// <summary>Whether an attribute class is one that may not be honoured (for readers that only look at names).</summary>
    public static bool IsCandidate(INamedTypeSymbol? attributeClass)
        => TypeNames.HasMetadataName(attributeClass, KnownNames.JsonExtensionDataAttribute)
            || TypeNames.HasMetadataName(attributeClass, KnownNames.JsonNumberHandlingAttribute)
            || TypeNames.HasMetadataName(attributeClass, KnownNames.JsonObjectCreationHandlingAttribute)
            || TypeNames.HasMetadataName(attributeClass, KnownNames.JsonUnmappedMemberHandlingAttribute)
            || TypeNames.HasMetadataName(attributeClass, KnownNames.JsonDerivedTypeAttribute)
            || TypeNames.HasMetadataName(attributeClass, KnownNames.JsonIncludeAttribute);

    /// <summary>The first attribute of a property the generated serializer would not honour, or null.</summary>
    public static UnhonouredAttribute? OfProperty(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var found = attribute.AttributeClass;
            if (TypeNames.HasMetadataName(found, KnownNames.JsonExtensionDataAttribute))
            {
                return new("JsonExtensionData", "JSON members the type does not declare are skipped, not collected into this property");
            }

            if (Common(attribute, found) is { } common)
            {
                return common;
            }
        }

        return null;
    }

    /// <summary>The first attribute of a type the generated serializer would not honour, or null.</summary>
    public static UnhonouredAttribute? OfType(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var found = attribute.AttributeClass;
            if (TypeNames.HasMetadataName(found, KnownNames.JsonDerivedTypeAttribute))
            {
                return new("JsonDerivedType", "a value of a derived type is written and read as this type, without a type discriminator");
            }

            if (TypeNames.HasMetadataName(found, KnownNames.JsonUnmappedMemberHandlingAttribute) && FirstArgument(attribute) == Disallow)
            {
                return new("JsonUnmappedMemberHandling", "JSON members the type does not declare are skipped, not refused");
            }

            if (Common(attribute, found) is { } common)
            {
                return common;
            }
        }

        return null;
    }

    private static UnhonouredAttribute? Common(AttributeData attribute, INamedTypeSymbol? found)
    {
        if (TypeNames.HasMetadataName(found, KnownNames.JsonNumberHandlingAttribute) && FirstArgument(attribute) is not (StrictNumbers or NumbersFromStrings))
        {
            return new("JsonNumberHandling", NumberEffect);
        }

        return TypeNames.HasMetadataName(found, KnownNames.JsonObjectCreationHandlingAttribute) && FirstArgument(attribute) == Populate
            ? new("JsonObjectCreationHandling", PopulateEffect)
            : null;
    }

    /// <summary>
    /// The value of a [JsonNumberHandling] among <paramref name="attributes"/> that the generated code honours (0 Strict,
    /// 1 AllowReadingFromString), or null without one.
    /// </summary>
    public static int? HonouredNumberHandling(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (TypeNames.HasMetadataName(attribute.AttributeClass, KnownNames.JsonNumberHandlingAttribute))
            {
                return FirstArgument(attribute) is var value and (StrictNumbers or NumbersFromStrings) ? value : null;
            }
        }

        return null;
    }

    /// <summary>The enum value of the attribute's constructor argument, or -1 when it has none that is constant.</summary>
    private static int FirstArgument(AttributeData attribute)
        => attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : -1;
}
