using Inngest.Events.Generators.Shared;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// One type the generated serializer reads and writes. <see cref="Index"/> is its position in the event's type
/// list and names its generated methods (<c>Write3</c>, <c>Read3</c>).
/// </summary>
/// <param name="TypeName">Fully qualified, with nested nullable annotations, without a top-level <c>?</c>.</param>
/// <param name="DisplayName">The C# name, for comments in generated code.</param>
/// <param name="MessageName">The run-time name (<c>Type.ToString()</c>) used in exception messages, as System.Text.Json does.</param>
/// <param name="Element">For Nullable, Array, List and Dictionary: the index of the underlying, element or value type.</param>
/// <param name="EnumUnderlying">For enums: the underlying kind.</param>
/// <param name="Converter">For converter types: the converter's fully qualified type name.</param>
/// <param name="NumbersFromStrings">
/// For numbers, and arrays, lists, dictionaries and nullables of them: read from a JSON string holding a number too, for
/// a member with <c>[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]</c> (or whose type has it). Such a
/// variant is a type of its own in the list, next to the strict one.
/// </param>
/// <param name="ElementTypeName">
/// For Array, List and Dictionary: the element or value type as declared, with its own <c>?</c>. The element's model
/// is shared by <c>string</c> and <c>string?</c>, so its <see cref="TypeName"/> cannot name a <c>List&lt;string?&gt;</c>.
/// </param>
internal sealed record JsonTypeModel(
    int Index,
    string TypeName,
    string DisplayName,
    string MessageName,
    JsonKind Kind,
    bool IsValueType,
    int Element,
    string? ElementTypeName,
    JsonKind EnumUnderlying,
    string? Converter,
    JsonObjectModel? Object,
    bool NumbersFromStrings = false);

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
/// <param name="ConverterNullableUnderlying">
/// With a property-level converter on a <c>Nullable&lt;T&gt;</c> property: <c>T</c>, because System.Text.Json then also
/// accepts a converter for <c>T</c> and wraps it.
/// </param>
/// <param name="AccessType">
/// For a base property hidden (with <c>new</c>) by a more derived one: the base type, to cast to before member access.
/// </param>
/// <param name="Init">For <see cref="PropertyReadKind.InitAccessor"/>: how the init-only setter is called.</param>
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
    string? Converter,
    string? ConverterNullableUnderlying,
    string? AccessType,
    InitAccessorModel? Init);

/// <summary>How generated code calls an init-only setter when the JSON has the property.</summary>
internal enum InitAccessorStyle
{
    /// <summary>An <c>[UnsafeAccessor]</c> method for the setter.</summary>
    UnsafeAccessor,

    /// <summary>A <c>with</c> expression (records and structs declared by generic types).</summary>
    With,

    /// <summary>An <c>[UnsafeAccessor]</c> in a generic class (generic classes that are not records; .NET 9 or later).</summary>
    GenericUnsafeAccessor,
}

/// <param name="TargetDefinition">For GenericUnsafeAccessor: the declaring type's generic definition (<c>global::Ns.Box&lt;T&gt;</c>).</param>
/// <param name="TypeParameters">Its type parameters (<c>T</c>).</param>
/// <param name="ValueType">The property's type in terms of them.</param>
/// <param name="TypeArguments">The declaring type's type arguments where the property is used.</param>
internal sealed record InitAccessorModel(
    InitAccessorStyle Style,
    string? TargetDefinition = null,
    string? TypeParameters = null,
    string? ValueType = null,
    string? TypeArguments = null);

/// <summary>A constructor argument: the property it fills, or a default value.</summary>
/// <param name="Property">Index into the object's properties, or -1 when no property binds to the parameter.</param>
/// <param name="DefaultValue">C# expression for the value when the JSON lacks it.</param>
internal sealed record JsonConstructorArgument(int Property, string TypeName, string DefaultValue);
