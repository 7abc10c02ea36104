using Inngest.Events.Generators.Shared;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// One type the generated serializer reads and writes. <see cref="Index"/> is its position in the event's type
/// list and names its generated methods (<c>Write3</c>, <c>Read3</c>).
/// </summary>
/// <param name="TypeName">Fully qualified, with nested nullable annotations, without a top-level <c>?</c>.</param>
/// <param name="DisplayName">The C# name used in error messages.</param>
/// <param name="Element">For Nullable, Array, List and Dictionary: the index of the underlying, element or value type.</param>
/// <param name="EnumUnderlying">For enums: the underlying kind.</param>
/// <param name="Converter">For converter types: the converter's fully qualified type name.</param>
internal sealed record JsonTypeModel(
    int Index,
    string TypeName,
    string DisplayName,
    string MessageName,
    JsonKind Kind,
    bool IsValueType,
    int Element,
    JsonKind EnumUnderlying,
    string? Converter,
    JsonObjectModel? Object);

/// <summary>An object's properties and how it is constructed when read.</summary>
/// <param name="HasConstructor">False when System.Text.Json would find no constructor to deserialize with.</param>
internal sealed record JsonObjectModel(
    EquatableArray<JsonPropertyModel> Properties,
    bool HasConstructor,
    EquatableArray<JsonConstructorArgument> ConstructorArguments);

/// <summary>How a property is given its value when an object is read.</summary>
internal enum PropertyReadKind
{
    None,
    Constructor,
    Initializer,
    Setter,
    InitAccessor,
}

/// <summary>Which values a property skips when written (JsonIgnoreCondition).</summary>
internal enum PropertyWriteKind
{
    None,
    Always,
    WhenNotNull,
    WhenNotDefault,
}

/// <param name="ClrName">The property name as written in C# (keywords escaped with @).</param>
/// <param name="JsonName">The name in JSON.</param>
/// <param name="Type">Index of the property's type.</param>
/// <param name="PropertyType">The property's fully qualified type (for locals and accessors).</param>
/// <param name="DeclaringType">The type that declares the property's setter (for init accessors).</param>
/// <param name="Converter">A property-level [JsonConverter] type, if any.</param>
internal sealed record JsonPropertyModel(
    string ClrName,
    string SetterName,
    string JsonName,
    int Type,
    string PropertyType,
    bool PropertyIsValueType,
    string DeclaringType,
    bool DeclaringIsValueType,
    PropertyWriteKind Write,
    PropertyReadKind Read,
    bool IsRequired,
    string? Converter);

/// <summary>A constructor argument: the property it fills, or a default value.</summary>
/// <param name="Property">Index into the object's properties, or -1 when no property binds to the parameter.</param>
/// <param name="DefaultValue">C# expression for the value when the JSON lacks it.</param>
internal sealed record JsonConstructorArgument(int Property, string TypeName, string DefaultValue);
