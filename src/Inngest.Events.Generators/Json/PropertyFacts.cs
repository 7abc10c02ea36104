using System.Linq;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// What <see cref="JsonShapeCache"/> needs to know about one property, read from its symbol or (for source types whose
/// members <see cref="DeclaredType"/> reads exactly) from its declaration without asking Roslyn for the type's members.
/// </summary>
internal sealed class PropertyFacts
{
    // The JSON name is asked for several times per property while a shape is built; computed once (a benign race).
    private string? _jsonName;

    public PropertyFacts(
        string name,
        ITypeSymbol type,
        INamedTypeSymbol containingType,
        INamedTypeSymbol declaringType,
        bool isVirtual,
        bool isRequired,
        bool hasPublicGetter,
        bool hasPublicSetter,
        bool setterIsInitOnly,
        string? setterName,
        JsonAttributeFacts attributes,
        Location? location,
        IPropertySymbol? symbol)
    {
        Name = name;
        Type = type;
        ContainingType = containingType;
        DeclaringType = declaringType;
        IsVirtual = isVirtual;
        IsRequired = isRequired;
        HasPublicGetter = hasPublicGetter;
        HasPublicSetter = hasPublicSetter;
        SetterIsInitOnly = setterIsInitOnly;
        SetterName = setterName;
        Attributes = attributes;
        Location = location;
        Symbol = symbol;
    }

    /// <summary>The property's name (without an <c>@</c>).</summary>
    public string Name { get; }

    /// <summary>The property's type with its nullable annotations.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>The type that declares the property.</summary>
    public INamedTypeSymbol ContainingType { get; }

    /// <summary>The type that declares the accessor generated code calls (the setter's, else the getter's).</summary>
    public INamedTypeSymbol DeclaringType { get; }

    /// <summary>Virtual, override or abstract.</summary>
    public bool IsVirtual { get; }

    /// <summary>Declared with the <c>required</c> keyword.</summary>
    public bool IsRequired { get; }

    public bool HasPublicGetter { get; }

    public bool HasPublicSetter { get; }

    public bool SetterIsInitOnly { get; }

    /// <summary>The setter's method name (<c>set_X</c>), or null without a setter.</summary>
    public string? SetterName { get; }

    public JsonAttributeFacts Attributes { get; }

    /// <summary>Where the property is declared in source (for diagnostics), or null.</summary>
    public Location? Location { get; }

    /// <summary>The symbol, when the facts were read from it (null when read from declarations).</summary>
    public IPropertySymbol? Symbol { get; }

    /// <summary>Whether the property's declared type is a type parameter of its (generic) containing type.</summary>
    public bool TypeIsTypeParameter => Symbol?.OriginalDefinition.Type is ITypeParameterSymbol;

    /// <summary>The property's name in JSON.</summary>
    public string JsonName => _jsonName ??= Attributes.JsonPropertyName ?? JsonNaming.CamelCase(Name);

    public static PropertyFacts FromSymbol(IPropertySymbol property)
    {
        var setter = property.SetMethod;
        return new PropertyFacts(
            property.Name,
            property.Type,
            property.ContainingType,
            (setter ?? property.GetMethod)?.ContainingType ?? property.ContainingType,
            property.IsVirtual || property.IsOverride || property.IsAbstract,
            property.IsRequired,
            property.GetMethod?.DeclaredAccessibility == Accessibility.Public,
            setter?.DeclaredAccessibility == Accessibility.Public,
            setter?.IsInitOnly == true,
            setter?.Name,
            JsonAttributeFacts.From(property.GetAttributes()),
            property.Locations.FirstOrDefault(static l => l.IsInSource),
            property);
    }
}
