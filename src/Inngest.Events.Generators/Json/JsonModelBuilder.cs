using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// Walks a type and everything reachable from its properties, and describes each as a <see cref="JsonTypeModel"/>
/// following System.Text.Json's reflection rules under web defaults (property order, names, constructors).
/// </summary>
internal sealed class JsonModelBuilder
{
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly List<JsonTypeModel?> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Location? _fallbackLocation;
    private readonly CancellationToken _cancellationToken;

    public JsonModelBuilder(Location? fallbackLocation, CancellationToken cancellationToken)
    {
        _fallbackLocation = fallbackLocation;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>The members that cannot be serialized, described in words (the same cases as <see cref="Diagnostics"/>).</summary>
    public IReadOnlyList<string> Problems => _problems;

    private readonly List<string> _problems = new();

    /// <summary>Describes <paramref name="root"/> and its reachable types; the root has index 0.</summary>
    public ImmutableArray<JsonTypeModel> Build(ITypeSymbol root)
    {
        var types = BuildRoot(root, out var reason);
        if (reason is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, _fallbackLocation, "(the event type)", root.Name, Message(root), reason));
        }

        return types;
    }

    /// <summary>
    /// Describes <paramref name="root"/> and its reachable types (the root has index 0), and says in
    /// <paramref name="reason"/> why the root itself is not supported instead of reporting it.
    /// </summary>
    public ImmutableArray<JsonTypeModel> BuildRoot(ITypeSymbol root, out string? reason)
    {
        reason = Add(root, out _);
        return _types.Select(static t => t!).ToImmutableArray();
    }

    /// <summary>The type's name as C# error messages show it.</summary>
    public static string MessageName(ITypeSymbol type) => Message(type);

    public static string Display(ITypeSymbol type)
    {
        if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        return type.ToDisplayString(TypeFormat);
    }

    private static string Message(ITypeSymbol type) => type.ToDisplayString(MessageFormat);

    /// <summary>
    /// The name <c>System.Type.ToString()</c> gives at run time (<c>Ns.Outer+Inner</c>, <c>Ns.Box`1[System.Int32]</c>),
    /// which System.Text.Json puts in its exception messages (such as the missing-required-properties one).
    /// </summary>
    private static string RuntimeName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return RuntimeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
        }

        if (type is not INamedTypeSymbol named)
        {
            return type.ToDisplayString();
        }

        var chain = new List<INamedTypeSymbol>();
        for (var t = named; t is not null; t = t.ContainingType)
        {
            chain.Insert(0, t);
        }

        var ns = chain[0].ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        var text = ns + string.Join("+", chain.Select(static t => t.MetadataName));
        var arguments = chain.SelectMany(static t => t.TypeArguments).ToList();
        return arguments.Count == 0 ? text : text + "[" + string.Join(",", arguments.Select(RuntimeName)) + "]";
    }

    /// <summary>Adds a type; returns why it is not supported, or null.</summary>
    private string? Add(ITypeSymbol type, out int index)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var name = Display(type);
        if (_indexByName.TryGetValue(name, out index))
        {
            return null;
        }

        var converter = ConverterOf(type.GetAttributes());
        if (converter is not null)
        {
            index = Reserve(name);
            _types[index] = Model(index, type, name, JsonKind.Converter, converter: converter);
            return null;
        }

        var simple = SimpleKind(type);
        if (simple is JsonKind kind)
        {
            index = Reserve(name);
            _types[index] = Model(index, type, name, kind);
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            index = Reserve(name);
            var reason = Add(nullable.TypeArguments[0], out var inner);
            _types[index] = Model(index, type, name, JsonKind.Nullable, element: inner);
            return reason;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            index = Reserve(name);
            _types[index] = Model(index, type, name, JsonKind.Enum, enumUnderlying: SimpleKind(underlying) ?? JsonKind.Int32);
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return "multi-dimensional arrays are not supported";
            }

            index = Reserve(name);
            var reason = Add(array.ElementType, out var element);
            _types[index] = Model(index, type, name, JsonKind.Array, element: element, elementType: array.ElementType);
            return reason;
        }

        if (type is INamedTypeSymbol named && named.IsGenericType)
        {
            var definition = named.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            switch (definition)
            {
                case "global::System.Collections.Generic.List<T>":
                case "global::System.Collections.Generic.IList<T>":
                case "global::System.Collections.Generic.IReadOnlyList<T>":
                case "global::System.Collections.Generic.IEnumerable<T>":
                case "global::System.Collections.Generic.ICollection<T>":
                case "global::System.Collections.Generic.IReadOnlyCollection<T>":
                {
                    index = Reserve(name);
                    var reason = Add(named.TypeArguments[0], out var element);
                    _types[index] = Model(index, type, name, JsonKind.List, element: element, elementType: named.TypeArguments[0]);
                    return reason;
                }

                case "global::System.Collections.Generic.Dictionary<TKey, TValue>":
                case "global::System.Collections.Generic.IDictionary<TKey, TValue>":
                case "global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                {
                    if (named.TypeArguments[0].SpecialType != SpecialType.System_String)
                    {
                        return "dictionaries must have string keys";
                    }

                    index = Reserve(name);
                    var reason = Add(named.TypeArguments[1], out var value);
                    _types[index] = Model(index, type, name, JsonKind.Dictionary, element: value, elementType: named.TypeArguments[1]);
                    return reason;
                }
            }
        }

        var unsupported = WhyNotObject(type);
        if (unsupported is not null)
        {
            return unsupported;
        }

        index = Reserve(name);
        _types[index] = Model(index, type, name, JsonKind.Object, obj: BuildObject(type));
        return null;
    }

    private int Reserve(string name)
    {
        var index = _types.Count;
        _types.Add(null);
        _indexByName[name] = index;
        return index;
    }

    private static JsonTypeModel Model(
        int index,
        ITypeSymbol type,
        string name,
        JsonKind kind,
        int element = -1,
        JsonKind enumUnderlying = JsonKind.Int32,
        string? converter = null,
        JsonObjectModel? obj = null,
        ITypeSymbol? elementType = null)
        => new(index, name, Display(type), RuntimeName(type), kind, type.IsValueType, element, elementType?.ToDisplayString(TypeFormat), enumUnderlying, converter, obj);

    private static JsonKind? SimpleKind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return JsonKind.Boolean;
            case SpecialType.System_Byte: return JsonKind.Byte;
            case SpecialType.System_SByte: return JsonKind.SByte;
            case SpecialType.System_Int16: return JsonKind.Int16;
            case SpecialType.System_UInt16: return JsonKind.UInt16;
            case SpecialType.System_Int32: return JsonKind.Int32;
            case SpecialType.System_UInt32: return JsonKind.UInt32;
            case SpecialType.System_Int64: return JsonKind.Int64;
            case SpecialType.System_UInt64: return JsonKind.UInt64;
            case SpecialType.System_Single: return JsonKind.Single;
            case SpecialType.System_Double: return JsonKind.Double;
            case SpecialType.System_Decimal: return JsonKind.Decimal;
            case SpecialType.System_Char: return JsonKind.Char;
            case SpecialType.System_String: return JsonKind.String;
            case SpecialType.System_DateTime: return JsonKind.DateTime;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return JsonKind.Base64Bytes;
        }

        return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) switch
        {
            "global::System.Guid" => JsonKind.Guid,
            "global::System.DateTimeOffset" => JsonKind.DateTimeOffset,
            "global::System.DateOnly" => JsonKind.DateOnly,
            "global::System.TimeOnly" => JsonKind.TimeOnly,
            "global::System.TimeSpan" => JsonKind.TimeSpan,
            "global::System.Uri" => JsonKind.Uri,
            "global::System.Text.Json.JsonElement" => JsonKind.JsonElement,
            _ => null,
        };
    }

    private static string? WhyNotObject(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object)
        {
            return "'object' has no fixed shape; use JsonElement for free-form JSON";
        }

        if (type is ITypeParameterSymbol)
        {
            return "open generic type parameters are not supported";
        }

        if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return type.TypeKind switch
            {
                TypeKind.Interface => "interfaces other than the supported collection interfaces have no constructible shape",
                TypeKind.Delegate => "delegates cannot be serialized",
                TypeKind.Pointer or TypeKind.FunctionPointer => "pointers cannot be serialized",
                _ => "this kind of type is not supported",
            };
        }

        if (named.IsAnonymousType)
        {
            return "anonymous types cannot be named by generated code; declare a record instead";
        }

        if (named.IsAbstract)
        {
            return "abstract types cannot be constructed when reading";
        }

        if (named.IsRefLikeType)
        {
            return "ref struct types cannot be serialized";
        }

        var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return "it is a framework type that is not one of the supported built-in types";
        }

        if (named.AllInterfaces.Any(static i => i.ToDisplayString() == "System.Collections.IEnumerable"))
        {
            return "custom collection types are not supported; use List<T>, an array or Dictionary<string, T>";
        }

        for (ISymbol? s = named; s is INamedTypeSymbol t; s = s.ContainingType)
        {
            if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return "the type is not accessible to generated code; make it public or internal";
            }
        }

        return null;
    }

    private JsonObjectModel BuildObject(ITypeSymbol type)
    {
        // System.Text.Json's reflection order and conflict resolution: the most derived type's properties first, then
        // its bases'. Conflicts are by JSON name: a base property is dropped when its name is taken by a property that
        // overrides or hides it, and replaces one that is [JsonIgnore]d; so an override renamed with
        // [JsonPropertyName] leaves both properties in the JSON, as it does there.
        var entries = new List<(int Order, int Sequence, IPropertySymbol Property, PropertyWriteKind Write, bool ReadIgnored, bool Ignored)>();
        var byJsonName = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignoredByName = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
                {
                    continue;
                }

                // A virtual property whose override is ignored is ignored too.
                if (IsVirtual(property)
                    && ignoredByName.TryGetValue(property.Name, out var ignoredOverride)
                    && IsVirtual(ignoredOverride)
                    && SymbolEqualityComparer.Default.Equals(property.Type, ignoredOverride.Type))
                {
                    continue;
                }

                var attributes = property.GetAttributes();
                var write = PropertyWriteKind.None;
                var readIgnored = false;
                var ignored = false;
                var ignore = Find(attributes, KnownNames.JsonIgnoreAttribute);
                if (ignore is not null)
                {
                    var condition = ignore.NamedArguments.FirstOrDefault(static a => a.Key == "Condition").Value.Value as int? ?? 1;
                    switch (condition)
                    {
                        case 1: // Always
                            ignored = true;
                            break;
                        case 2: // WhenWritingDefault
                            write = PropertyWriteKind.WhenNotDefault;
                            break;
                        case 3: // WhenWritingNull
                            write = PropertyWriteKind.WhenNotNull;
                            break;
                        case 4: // WhenWriting
                            write = PropertyWriteKind.Always;
                            break;
                        case 5: // WhenReading
                            readIgnored = true;
                            break;
                    }
                }

                var order = Find(attributes, KnownNames.JsonPropertyOrderAttribute)?.ConstructorArguments.FirstOrDefault().Value as int? ?? 0;
                var jsonName = JsonName(property);
                if (!byJsonName.TryGetValue(jsonName, out var taken))
                {
                    byJsonName[jsonName] = entries.Count;
                    entries.Add((order, entries.Count, property, write, readIgnored, ignored));
                }
                else if (entries[taken].Ignored)
                {
                    entries[taken] = (order, entries[taken].Sequence, property, write, readIgnored, ignored);
                }

                // Otherwise the name is taken by a property that overrides or hides this one (or, where System.Text.Json
                // would throw for two properties with one name, by the first of them), and this one is dropped.
                if (ignored)
                {
                    ignoredByName[property.Name] = property;
                }
            }
        }

        var ordered = entries.Where(static e => !e.Ignored).Select(static e => (e.Order, e.Sequence, e.Property, e.Write, e.ReadIgnored)).ToList();
        var sorted = ordered.OrderBy(static p => p.Order).ThenBy(static p => p.Sequence).ToList();
        var constructor = FindConstructor((INamedTypeSymbol)type, out var hasConstructor);
        var parameters = constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;

        // A constructor marked [SetsRequiredMembers] sets the required members itself: System.Text.Json then neither
        // demands them in the JSON nor overwrites them when they are missing.
        var setsRequired = constructor is not null && Find(constructor.GetAttributes(), KnownNames.SetsRequiredMembersAttribute) is not null;
        var keywordRequired = (IPropertySymbol p) => p.IsRequired && !setsRequired;
        var boundParameter = new int[sorted.Count];
        var arguments = new JsonConstructorArgument?[parameters.Length];
        for (var i = 0; i < sorted.Count; i++)
        {
            boundParameter[i] = -1;
        }

        for (var p = 0; p < parameters.Length; p++)
        {
            var parameter = parameters[p];
            for (var i = 0; i < sorted.Count; i++)
            {
                var property = sorted[i].Property;
                if (boundParameter[i] < 0
                    && string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                    && SymbolEqualityComparer.Default.Equals(property.Type.WithNullableAnnotation(NullableAnnotation.None), parameter.Type.WithNullableAnnotation(NullableAnnotation.None)))
                {
                    boundParameter[i] = p;
                    arguments[p] = new JsonConstructorArgument(i, Display(parameter.Type), DefaultValue(parameter));
                    break;
                }
            }

            arguments[p] ??= new JsonConstructorArgument(-1, Display(parameter.Type), DefaultValue(parameter));
        }

        var properties = ImmutableArray.CreateBuilder<JsonPropertyModel>(sorted.Count);
        var finalIndex = new Dictionary<int, int>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var (_, _, property, write, readIgnored) = sorted[i];
            var attributes = property.GetAttributes();
            var canGet = property.GetMethod?.DeclaredAccessibility == Accessibility.Public;
            var setter = property.SetMethod;
            var canSet = setter?.DeclaredAccessibility == Accessibility.Public;
            var isRequired = keywordRequired(property) || Find(attributes, KnownNames.JsonRequiredAttribute) is not null;

            PropertyReadKind read;
            if (readIgnored)
            {
                read = PropertyReadKind.None;
            }
            else if (boundParameter[i] >= 0)
            {
                read = PropertyReadKind.Constructor;
            }
            else if (keywordRequired(property))
            {
                read = PropertyReadKind.Initializer;
            }
            else if (canSet)
            {
                read = setter!.IsInitOnly ? PropertyReadKind.InitAccessor : PropertyReadKind.Setter;
            }
            else
            {
                read = PropertyReadKind.None;
            }

            if (!canGet)
            {
                write = PropertyWriteKind.Always;
            }

            if (read == PropertyReadKind.None && write == PropertyWriteKind.Always)
            {
                continue;
            }

            var converter = ConverterOf(attributes);
            var typeIndex = -1;
            if (converter is null)
            {
                var reason = Add(property.Type, out typeIndex);
                if (reason is not null)
                {
                    var location = property.Locations.FirstOrDefault(static l => l.IsInSource) ?? _fallbackLocation;
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, location, property.Name, Message(type), Message(property.Type), reason));
                    _problems.Add($"its property '{property.Name}' of '{Message(type)}' has the type '{Message(property.Type)}' ({reason})");
                }
            }

            var jsonName = JsonName(property);
            var declaring = (setter ?? property.GetMethod)?.ContainingType ?? property.ContainingType;
            finalIndex[i] = properties.Count;
            properties.Add(new JsonPropertyModel(
                Escape(property.Name),
                setter?.Name ?? string.Empty,
                jsonName,
                typeIndex,
                Display(property.Type),
                property.Type.IsValueType,
                Display(declaring),
                declaring.IsValueType,
                write,
                read,
                isRequired && read != PropertyReadKind.None,
                converter,
                converter is not null && property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                    ? Display(nullable.TypeArguments[0])
                    : null,
                IsHidden(type, property) ? Display(property.ContainingType) : null,
                read == PropertyReadKind.InitAccessor ? InitAccessor(type, property, setter!) : null));
        }

        // Constructor arguments point at properties by their index in the final list.
        var args = arguments
            .Select(a => a!.Property >= 0 && finalIndex.TryGetValue(a.Property, out var j) ? a with { Property = j } : a with { Property = -1 })
            .ToEquatableArray();
        return new JsonObjectModel(properties.ToImmutable().ToEquatableArray(), hasConstructor, args);
    }

    /// <summary>Whether a more derived type than the one declaring <paramref name="property"/> has a member of its name.</summary>
    private static bool IsHidden(ITypeSymbol type, IPropertySymbol property)
    {
        for (var t = type; t is not null && !SymbolEqualityComparer.Default.Equals(t, property.ContainingType); t = t.BaseType)
        {
            if (!t.GetMembers(property.Name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How to call an init-only setter outside an object initializer. <c>[UnsafeAccessor]</c> reaches it without
    /// reflection, but cannot name a constructed generic type; for those, records and structs use <c>with</c>, and
    /// other classes an accessor in a generic class (which needs .NET 9 or later at run time).
    /// </summary>
    private static InitAccessorModel InitAccessor(ITypeSymbol type, IPropertySymbol property, IMethodSymbol setter)
    {
        var declaring = setter.ContainingType;
        var chain = new List<INamedTypeSymbol>();
        for (var t = declaring; t is not null; t = t.ContainingType)
        {
            chain.Insert(0, t);
        }

        if (!chain.Any(static t => t.IsGenericType))
        {
            return new InitAccessorModel(InitAccessorStyle.UnsafeAccessor);
        }

        if (type.IsRecord || type.IsValueType)
        {
            return new InitAccessorModel(InitAccessorStyle.With);
        }

        var definition = setter.OriginalDefinition;
        return new InitAccessorModel(
            InitAccessorStyle.GenericUnsafeAccessor,
            definition.ContainingType.ToDisplayString(TypeFormat),
            string.Join(", ", chain.SelectMany(static t => t.OriginalDefinition.TypeParameters).Select(static p => p.Name)),
            definition.Parameters[0].Type.ToDisplayString(TypeFormat),
            string.Join(", ", chain.SelectMany(static t => t.TypeArguments).Select(static a => a.ToDisplayString(TypeFormat))));
    }

    private static string JsonName(IPropertySymbol property)
        => Find(property.GetAttributes(), KnownNames.JsonPropertyNameAttribute)?.ConstructorArguments.FirstOrDefault().Value as string
            ?? JsonNaming.CamelCase(property.Name);

    private static bool IsVirtual(IPropertySymbol property) => property.IsVirtual || property.IsOverride || property.IsAbstract;

    /// <summary>System.Text.Json's choice: [JsonConstructor], else (classes only) the public parameterless one, else the only public one.</summary>
    private static IMethodSymbol? FindConstructor(INamedTypeSymbol type, out bool found)
    {
        var constructors = type.InstanceConstructors;
        var attributed = constructors.FirstOrDefault(static c => Find(c.GetAttributes(), KnownNames.JsonConstructorAttribute) is not null
            && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal);
        if (attributed is not null)
        {
            found = true;
            return attributed;
        }

        if (type.IsValueType)
        {
            found = true;
            return null;
        }

        var publicOnes = constructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var parameterless = publicOnes.FirstOrDefault(static c => c.Parameters.Length == 0);
        if (parameterless is not null)
        {
            found = true;
            return parameterless;
        }

        found = publicOnes.Count == 1;
        return found ? publicOnes[0] : null;
    }

    private static string DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is null)
        {
            return "default!";
        }

        var type = Display(parameter.Type);
        var value = parameter.ExplicitDefaultValue;
        var literal = value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return $"({type})({literal})";
    }

    private static string? ConverterOf(ImmutableArray<AttributeData> attributes)
    {
        var attribute = Find(attributes, KnownNames.JsonConverterAttribute);
        return attribute?.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol converter ? Display(converter) : null;
    }

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, string metadataName)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } c && FullMetadataName(c) == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }

    private static string FullMetadataName(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + type.MetadataName;
    }

    public static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
