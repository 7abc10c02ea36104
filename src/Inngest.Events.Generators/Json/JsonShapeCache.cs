using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// The JSON shape of each type the generators meet in one compilation, described once per type following
/// System.Text.Json's reflection rules under web defaults (property order, names, constructors) and shared by every
/// event and step result that reaches it. Roslyn reruns the generators' semantic transforms for every event on every
/// edit; without this cache a member type used by many events was walked again for each of them.
/// </summary>
internal sealed class JsonShapeCache
{
    private static readonly ConditionalWeakTable<Compilation, JsonShapeCache> ByCompilation = new();
    private static readonly ConditionalWeakTable<Compilation, object> SymbolsOnly = new();

    private readonly Dictionary<ITypeSymbol, JsonTypeNode> _nodes = new(SymbolEqualityComparer.IncludeNullability);
    private readonly Dictionary<ITypeSymbol, string> _displays = new(SymbolEqualityComparer.IncludeNullability);
    private readonly Dictionary<INamedTypeSymbol, DeclaredType?> _declared = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly object _gate = new();
    private readonly object _displayGate = new();
    private readonly object _declaredGate = new();
    private readonly Compilation _compilation;
    private readonly bool _readDeclarations;
    private Dictionary<SyntaxTree, int>? _treeOrdinals;
    private int _readFromDeclarations;
    private int _readFromSymbols;

    private JsonShapeCache(Compilation compilation)
    {
        _compilation = compilation;
        _readDeclarations = !SymbolsOnly.TryGetValue(compilation, out _);
    }

    /// <summary>The cache of <paramref name="compilation"/> (dropped with it).</summary>
    public static JsonShapeCache For(Compilation compilation) => ByCompilation.GetValue(compilation, static c => new JsonShapeCache(c));

    /// <summary>
    /// Makes <paramref name="compilation"/>'s cache read every type from its symbols (tests compare that with reading
    /// from declarations); call it before anything asks for the cache.
    /// </summary>
    internal static void ReadSymbolsOnly(Compilation compilation) => SymbolsOnly.GetValue(compilation, static _ => new object());

    /// <summary>How many object types had their properties read from declarations.</summary>
    internal int ReadFromDeclarations => Volatile.Read(ref _readFromDeclarations);

    /// <summary>How many object types had their properties read from symbols.</summary>
    internal int ReadFromSymbols => Volatile.Read(ref _readFromSymbols);

    /// <summary>
    /// <paramref name="type"/>'s members read from its declarations (see <see cref="DeclaredType"/>), or null when they
    /// cannot be read exactly that way and its symbol's members are to be used.
    /// </summary>
    public DeclaredType? Declared(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!_readDeclarations || type.Locations.IsEmpty || !type.Locations[0].IsInSource)
        {
            return null;
        }

        lock (_declaredGate)
        {
            if (_declared.TryGetValue(type, out var known))
            {
                return known;
            }
        }

        // The type as declared, without the nullable annotation of the place it was reached from.
        cancellationToken.ThrowIfCancellationRequested();
        var read = DeclaredType.TryRead(type.OriginalDefinition, this, cancellationToken);
        lock (_declaredGate)
        {
            if (_declared.TryGetValue(type, out var raced))
            {
                return raced;
            }

            _declared[type] = read;
            return read;
        }
    }

    /// <summary>One semantic model per tree for <see cref="DeclaredType"/>'s binding.</summary>
    internal SemanticModel SemanticModel(SyntaxTree tree)
    {
        lock (_declaredGate)
        {
            if (!_models.TryGetValue(tree, out var model))
            {
                model = _compilation.GetSemanticModel(tree);
                _models[tree] = model;
            }

            return model;
        }
    }

    /// <summary>The tree's position in the compilation (which orders a partial type's members), or -1.</summary>
    internal int TreeOrdinal(SyntaxTree tree)
    {
        lock (_declaredGate)
        {
            if (_treeOrdinals is null)
            {
                _treeOrdinals = new Dictionary<SyntaxTree, int>();
                var i = 0;
                foreach (var t in _compilation.SyntaxTrees)
                {
                    _treeOrdinals[t] = i++;
                }
            }

            return _treeOrdinals.TryGetValue(tree, out var ordinal) ? ordinal : -1;
        }
    }

    /// <summary>The shape of <paramref name="type"/>; its element and property types are described when first asked for.</summary>
    public JsonTypeNode Get(ITypeSymbol type, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(type, out var node))
            {
                return node;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var built = Build(type, cancellationToken);
        lock (_gate)
        {
            if (_nodes.TryGetValue(type, out var raced))
            {
                return raced;
            }

            _nodes[type] = built;
            return built;
        }
    }

    private JsonTypeNode Build(ITypeSymbol type, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var converter = JsonAttributeFacts.ConverterOf(attributes);
        if (converter is not null)
        {
            return JsonTypeNode.Leaf(Model(type, JsonKind.Converter, converter: converter));
        }

        if (SimpleKind(type) is JsonKind kind)
        {
            return JsonTypeNode.Leaf(Model(type, kind));
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return JsonTypeNode.Container(Model(type, JsonKind.Nullable), nullable.TypeArguments[0]);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return JsonTypeNode.Leaf(Model(type, JsonKind.Enum, enumUnderlying: SimpleKind(underlying) ?? JsonKind.Int32));
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.Rank != 1
                ? JsonTypeNode.Unsupported("multi-dimensional arrays are not supported")
                : JsonTypeNode.Container(Model(type, JsonKind.Array, elementType: array.ElementType), array.ElementType);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && TypeNames.IsInNamespace(named.OriginalDefinition, "System.Collections.Generic"))
        {
            switch (named.OriginalDefinition.MetadataName)
            {
                case "List`1":
                case "IList`1":
                case "IReadOnlyList`1":
                case "IEnumerable`1":
                case "ICollection`1":
                case "IReadOnlyCollection`1":
                    return JsonTypeNode.Container(Model(type, JsonKind.List, elementType: named.TypeArguments[0]), named.TypeArguments[0]);

                case "Dictionary`2":
                case "IDictionary`2":
                case "IReadOnlyDictionary`2":
                    return named.TypeArguments[0].SpecialType != SpecialType.System_String
                        ? JsonTypeNode.Unsupported("dictionaries must have string keys")
                        : JsonTypeNode.Container(Model(type, JsonKind.Dictionary, elementType: named.TypeArguments[1]), named.TypeArguments[1]);
            }
        }

        var unsupported = WhyNotObject(type);
        if (unsupported is not null)
        {
            return JsonTypeNode.Unsupported(unsupported);
        }

        if (UnhonouredAttribute.OfType(attributes) is { } unhonoured)
        {
            return JsonTypeNode.Unhonoured(unhonoured, TypeNames.MessageName(type));
        }

        var (obj, members, included) = BuildObject(type, cancellationToken);
        if (included is not null)
        {
            return JsonTypeNode.Unhonoured(included, TypeNames.MessageName(type));
        }

        return JsonTypeNode.Object(Model(type, JsonKind.Object, obj: obj), members, UnhonouredAttribute.HonouredNumberHandling(attributes));
    }

    /// <summary>
    /// <see cref="TypeNames.Display"/>, formatted once per type: the same member types (string, decimal, a shared
    /// record) recur in every object that uses them.
    /// </summary>
    public string Display(ITypeSymbol type)
    {
        lock (_displayGate)
        {
            if (_displays.TryGetValue(type, out var known))
            {
                return known;
            }
        }

        var display = TypeNames.Display(type);
        lock (_displayGate)
        {
            _displays[type] = display;
        }

        return display;
    }

    /// <summary>A type's model with no position yet (<see cref="JsonTypeModel.Index"/> and <see cref="JsonTypeModel.Element"/> are -1).</summary>
    private JsonTypeModel Model(
        ITypeSymbol type,
        JsonKind kind,
        JsonKind enumUnderlying = JsonKind.Int32,
        string? converter = null,
        JsonObjectModel? obj = null,
        ITypeSymbol? elementType = null)
    {
        var display = Display(type);
        return new(-1, display, display, TypeNames.RuntimeName(type), kind, type.IsValueType, -1, elementType?.ToDisplayString(TypeNames.TypeFormat), enumUnderlying, converter, obj);
    }

    /// <summary>
    /// The System.Text.Json attribute of <paramref name="property"/> that the generated serializer would not honour
    /// (INNG1006): one of its own, or a [JsonNumberHandling] on a type System.Text.Json refuses it on.
    /// </summary>
    public UnhonouredAttribute? Unhonoured(PropertyFacts property, CancellationToken cancellationToken)
        => property.Attributes.Unhonoured
            ?? (property.Attributes.NumberHandling is not null
                && Get(property.Type, cancellationToken) is { Model: not null } node
                && !TakesNumberHandling(node, cancellationToken)
                    ? UnhonouredAttribute.MisplacedNumberHandling
                    : null);

    /// <summary>
    /// Whether System.Text.Json's number handling applies to a type: a number, a nullable number, or an array, list or
    /// dictionary of (nullable) numbers. Not to collections of collections, nor to what objects hold.
    /// </summary>
    public bool TakesNumberHandling(JsonTypeNode node, CancellationToken cancellationToken)
        => IsNumberOrNullableNumber(node, cancellationToken)
            || (node.Model?.Kind is JsonKind.Array or JsonKind.List or JsonKind.Dictionary
                && node.Element is { } element
                && IsNumberOrNullableNumber(Get(element, cancellationToken), cancellationToken));

    private bool IsNumberOrNullableNumber(JsonTypeNode node, CancellationToken cancellationToken)
        => node.Model is { } model
            && (IsNumber(model.Kind)
                || (model.Kind == JsonKind.Nullable && node.Element is { } inner && Get(inner, cancellationToken).Model is { } innerModel && IsNumber(innerModel.Kind)));

    /// <summary>The kinds System.Text.Json's number handling applies to (not enums, which are never read from strings).</summary>
    internal static bool IsNumber(JsonKind kind) => kind is JsonKind.Byte or JsonKind.SByte or JsonKind.Int16 or JsonKind.UInt16
        or JsonKind.Int32 or JsonKind.UInt32 or JsonKind.Int64 or JsonKind.UInt64 or JsonKind.Single or JsonKind.Double or JsonKind.Decimal;

    internal static JsonKind? SimpleKind(ITypeSymbol type)
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

        if (type is not INamedTypeSymbol { Arity: 0 } named)
        {
            return null;
        }

        if (TypeNames.IsInNamespace(named, "System"))
        {
            return named.Name switch
            {
                "Guid" => JsonKind.Guid,
                "DateTimeOffset" => JsonKind.DateTimeOffset,
                "DateOnly" => JsonKind.DateOnly,
                "TimeOnly" => JsonKind.TimeOnly,
                "TimeSpan" => JsonKind.TimeSpan,
                "Uri" => JsonKind.Uri,
                _ => null,
            };
        }

        return TypeNames.HasMetadataName(named, KnownNames.JsonElement) ? JsonKind.JsonElement : null;
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

        if (IsFrameworkNamespace(named.ContainingNamespace))
        {
            return "it is a framework type that is not one of the supported built-in types";
        }

        if (named.AllInterfaces.Any(static i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
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

    /// <summary>Whether the namespace is System, System.* or Microsoft.* (framework types the serializer does not describe).</summary>
    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        var outermost = ns;
        while (outermost is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            outermost = outermost.ContainingNamespace;
        }

        return outermost is { IsGlobalNamespace: false } && (outermost.Name == "System" || (outermost.Name == "Microsoft" && !SymbolEqualityComparer.Default.Equals(outermost, ns)));
    }

    private (JsonObjectModel Object, ImmutableArray<PropertyFacts?> Members, UnhonouredAttribute? Included) BuildObject(ITypeSymbol type, CancellationToken cancellationToken)
    {
        // A source type whose members can be read exactly from its declarations is, without Roslyn building them.
        // (Declarations that mention [JsonInclude] are read from symbols, which IncludedMember checks.)
        var declared = type is INamedTypeSymbol named ? Declared(named, cancellationToken) : null;
        UnhonouredAttribute? included = null;
        if (declared is not null)
        {
            Interlocked.Increment(ref _readFromDeclarations);
        }
        else
        {
            Interlocked.Increment(ref _readFromSymbols);
            included = IncludedMember(type);
        }

        // System.Text.Json's reflection order and conflict resolution: the most derived type's properties first, then
        // its bases'. Conflicts are by JSON name: a base property is dropped when its name is taken by a property that
        // overrides or hides it, and replaces one that is [JsonIgnore]d; so an override renamed with
        // [JsonPropertyName] leaves both properties in the JSON, as it does there.
        var entries = new List<(int Order, int Sequence, PropertyFacts Property, PropertyWriteKind Write, bool ReadIgnored, bool Ignored)>();
        var byJsonName = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignoredByName = new Dictionary<string, PropertyFacts>(StringComparer.Ordinal);
        foreach (var property in declared is not null ? DeclaredProperties(declared) : SymbolProperties(type))
        {
            // A virtual property whose override is ignored is ignored too.
            if (property.IsVirtual
                && ignoredByName.TryGetValue(property.Name, out var ignoredOverride)
                && ignoredOverride.IsVirtual
                && SymbolEqualityComparer.Default.Equals(property.Type, ignoredOverride.Type))
            {
                continue;
            }

            var write = PropertyWriteKind.None;
            var readIgnored = false;
            var ignored = false;
            switch (property.Attributes.IgnoreCondition)
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

            var order = property.Attributes.Order;
            var jsonName = property.JsonName;
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

        // By [JsonPropertyOrder], then in reflection order (Sequence is unique, so the sort is deterministic).
        var sorted = entries.Where(static e => !e.Ignored).Select(static e => (e.Order, e.Sequence, e.Property, e.Write, e.ReadIgnored)).ToList();
        sorted.Sort(static (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Sequence.CompareTo(b.Sequence));
        var constructor = declared?.Constructor ?? FindConstructor((INamedTypeSymbol)type);
        var parameters = constructor.Parameters;

        // A constructor marked [SetsRequiredMembers] sets the required members itself: System.Text.Json then neither
        // demands them in the JSON nor overwrites them when they are missing.
        var setsRequired = constructor.SetsRequiredMembers;
        var keywordRequired = (PropertyFacts p) => p.IsRequired && !setsRequired;
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
                    arguments[p] = new JsonConstructorArgument(i, Display(parameter.Type), DefaultValue(parameter.Type, parameter.DefaultValue));
                    break;
                }
            }

            arguments[p] ??= new JsonConstructorArgument(-1, Display(parameter.Type), DefaultValue(parameter.Type, parameter.DefaultValue));
        }

        var properties = ImmutableArray.CreateBuilder<JsonPropertyModel>(sorted.Count);
        var members = ImmutableArray.CreateBuilder<PropertyFacts?>(sorted.Count);
        var finalIndex = new Dictionary<int, int>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var (_, _, property, write, readIgnored) = sorted[i];
            var canGet = property.HasPublicGetter;
            var canSet = property.HasPublicSetter;
            var isRequired = keywordRequired(property) || property.Attributes.JsonRequired;

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
                read = property.SetterIsInitOnly ? PropertyReadKind.InitAccessor : PropertyReadKind.Setter;
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

            var converter = property.Attributes.Converter;
            members.Add(converter is null ? property : null);

            var declaring = property.DeclaringType;
            finalIndex[i] = properties.Count;
            properties.Add(new JsonPropertyModel(
                TypeNames.Escape(property.Name),
                property.SetterName ?? string.Empty,
                property.JsonName,
                -1,
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
                (declared is not null ? IsHidden(declared, property) : IsHidden(type, property.Symbol!)) ? Display(property.ContainingType) : null,
                read == PropertyReadKind.InitAccessor ? InitAccessor(type, property) : null));
        }

        // Constructor arguments point at properties by their index in the final list.
        var args = arguments
            .Select(a => a!.Property >= 0 && finalIndex.TryGetValue(a.Property, out var j) ? a with { Property = j } : a with { Property = -1 })
            .ToEquatableArray();
        return (new JsonObjectModel(properties.ToImmutable().ToEquatableArray(), constructor.Found, args), members.ToImmutable(), included);
    }

    /// <summary>The public instance properties of the type and its bases, most derived first, as <c>GetMembers()</c> lists them.</summary>
    private static IEnumerable<PropertyFacts> SymbolProperties(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
                {
                    yield return PropertyFacts.FromSymbol(property);
                }
            }
        }
    }

    /// <summary>
    /// A [JsonInclude] that would make System.Text.Json read or write a member the generated code does not: on a field,
    /// on a property that is not public, or on a public property with a getter or setter that is not. (On a public
    /// property with public accessors it changes nothing.)
    /// </summary>
    private static UnhonouredAttribute? IncludedMember(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var hidden = member switch
                {
                    IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } => true,
                    IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.DeclaredAccessibility != Accessibility.Public
                        || property.GetMethod is { DeclaredAccessibility: not Accessibility.Public }
                        || property.SetMethod is { DeclaredAccessibility: not Accessibility.Public },
                    _ => false,
                };
                if (hidden && JsonAttributeFacts.Find(member.GetAttributes(), KnownNames.JsonIncludeAttribute) is not null)
                {
                    return new UnhonouredAttribute(
                        "JsonInclude",
                        $"on its member '{member.Name}': the generated serializer reads and writes public properties through public accessors only, so the member would be left out");
                }
            }
        }

        return null;
    }

    /// <summary><see cref="SymbolProperties"/> read from declarations.</summary>
    private static IEnumerable<PropertyFacts> DeclaredProperties(DeclaredType declared)
    {
        for (var current = declared; current is not null; current = current.Base)
        {
            foreach (var property in current.Properties)
            {
                yield return property;
            }
        }
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

    /// <summary><see cref="IsHidden(ITypeSymbol, IPropertySymbol)"/> read from declarations.</summary>
    private static bool IsHidden(DeclaredType declared, PropertyFacts property)
    {
        for (var t = declared; t is not null && !SymbolEqualityComparer.Default.Equals(t.Type, property.ContainingType); t = t.Base)
        {
            if (t.MemberNames.Contains(property.Name))
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
    private static InitAccessorModel InitAccessor(ITypeSymbol type, PropertyFacts property)
    {
        // Declarations are read only for types that neither are nor are nested in generic types.
        if (property.Symbol is not { SetMethod: { } setter })
        {
            return new InitAccessorModel(InitAccessorStyle.UnsafeAccessor);
        }

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
            definition.ContainingType.ToDisplayString(TypeNames.TypeFormat),
            string.Join(", ", chain.SelectMany(static t => t.OriginalDefinition.TypeParameters).Select(static p => p.Name)),
            definition.Parameters[0].Type.ToDisplayString(TypeNames.TypeFormat),
            string.Join(", ", chain.SelectMany(static t => t.TypeArguments).Select(static a => a.ToDisplayString(TypeNames.TypeFormat))));
    }

    /// <summary>System.Text.Json's choice: [JsonConstructor], else (classes only) the public parameterless one, else the only public one.</summary>
    private static ConstructorFacts FindConstructor(INamedTypeSymbol type)
    {
        var constructor = FindConstructor(type, out var found);
        if (constructor is null)
        {
            return new ConstructorFacts(found, ImmutableArray<ConstructorParameterFacts>.Empty, false);
        }

        var parameters = constructor.Parameters
            .Select(static p => new ConstructorParameterFacts(p.Name, p.Type, p.HasExplicitDefaultValue ? p.ExplicitDefaultValue : null))
            .ToImmutableArray();
        return new ConstructorFacts(found, parameters, JsonAttributeFacts.Find(constructor.GetAttributes(), KnownNames.SetsRequiredMembersAttribute) is not null);
    }

    private static IMethodSymbol? FindConstructor(INamedTypeSymbol type, out bool found)
    {
        var constructors = type.InstanceConstructors;
        var attributed = constructors.FirstOrDefault(static c => JsonAttributeFacts.Find(c.GetAttributes(), KnownNames.JsonConstructorAttribute) is not null
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

    /// <summary>A constructor argument's value when the JSON lacks it: the parameter's default value (null: none, or null).</summary>
    internal string DefaultValue(ITypeSymbol type, object? value)
    {
        if (value is null)
        {
            return "default!";
        }

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
        return $"({Display(type)})({literal})";
    }
}
