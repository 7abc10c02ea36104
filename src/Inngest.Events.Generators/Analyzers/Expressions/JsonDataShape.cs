using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>
/// The JSON members of event data types as the generated serializer (and System.Text.Json with web defaults) writes
/// them: public readable instance properties under their camel-case or <c>[JsonPropertyName]</c> names, without the
/// <c>[JsonIgnore]</c>d ones. A type whose JSON shape cannot be known at compile time (a dictionary, <c>JsonElement</c>,
/// <c>object</c>, an interface or abstract type, a type with a converter or extension data, a framework type) has no
/// shape, and the expression rules stay quiet about paths into it. Worked out once per type and compilation.
/// </summary>
internal sealed class JsonDataShape
{
    private readonly ConcurrentDictionary<ITypeSymbol, Dictionary<string, ITypeSymbol?>?> _members = new(SymbolEqualityComparer.Default);

    /// <summary>The members of <paramref name="type"/> by JSON name (a member's type is null when it has a converter), or null when its shape is unknown.</summary>
    public Dictionary<string, ITypeSymbol?>? MembersOf(ITypeSymbol? type)
    {
        type = Unwrap(type);
        return type is null ? null : _members.GetOrAdd(type, Build);
    }

    /// <summary>The element type when <paramref name="type"/> is an array or a list-like collection (not a dictionary); otherwise null.</summary>
    public static ITypeSymbol? ElementOf(ITypeSymbol? type)
    {
        type = Unwrap(type);
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is not INamedTypeSymbol named || named.SpecialType == SpecialType.System_String || IsDictionary(named))
        {
            return null;
        }

        foreach (var candidate in Self(named))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return candidate.TypeArguments[0];
            }
        }

        return null;
    }

    private static IEnumerable<INamedTypeSymbol> Self(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }

    private static ITypeSymbol? Unwrap(ITypeSymbol? type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static bool IsDictionary(INamedTypeSymbol type)
    {
        foreach (var candidate in Self(type))
        {
            var name = candidate.OriginalDefinition.ToDisplayString();
            if (name is "System.Collections.Generic.IDictionary<TKey, TValue>"
                or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"
                or "System.Collections.IDictionary")
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, ITypeSymbol?>? Build(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named
            || named.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || named.IsAbstract
            || named.SpecialType != SpecialType.None
            || IsFrameworkType(named)
            || HasAttribute(named, KnownNames.JsonConverterAttribute)
            || HasAttribute(named, JsonPolymorphicAttribute)
            || ImplementsEnumerable(named))
        {
            return null;
        }

        var members = new Dictionary<string, ITypeSymbol?>(StringComparer.Ordinal);
        for (var current = named; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property)
                {
                    continue;
                }

                if (HasAttribute(property, JsonExtensionDataAttribute))
                {
                    // Any name may be in the JSON.
                    return null;
                }

                if (property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod?.DeclaredAccessibility != Accessibility.Public
                    || IsIgnoredWhenWriting(property))
                {
                    continue;
                }

                var jsonName = JsonName(property);
                if (!members.ContainsKey(jsonName))
                {
                    members[jsonName] = HasAttribute(property, KnownNames.JsonConverterAttribute) ? null : property.Type;
                }
            }
        }

        return members;
    }

    private const string JsonExtensionDataAttribute = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    private const string JsonPolymorphicAttribute = "System.Text.Json.Serialization.JsonPolymorphicAttribute";

    /// <summary>[JsonIgnore] (Always, the default) or [JsonIgnore(Condition = WhenWriting)]: never in a sent event's JSON.</summary>
    private static bool IsIgnoredWhenWriting(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != KnownNames.JsonIgnoreAttribute)
            {
                continue;
            }

            var condition = 1;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Condition" && named.Value.Value is int value)
                {
                    condition = value;
                }
            }

            return condition is 1 or 4;
        }

        return false;
    }

    private static string JsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.JsonPropertyNameAttribute
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return JsonNaming.CamelCase(property.Name);
    }

    private static bool HasAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }

    private static bool ImplementsEnumerable(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }
}
