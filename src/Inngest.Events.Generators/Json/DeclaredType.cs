using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// A source type's members as <see cref="JsonShapeCache"/> needs them, read from its declarations: the property list
/// from the declaration syntax (a record's positional parameters and the properties declared in its bodies), and only
/// the types and attributes of those properties bound. Asking Roslyn for a type's members (<c>GetMembers</c>) builds
/// all of them, a record's synthesized Equals, GetHashCode, PrintMembers, Deconstruct and clone members included;
/// at hundreds of event types that was a third of a cold generator run.
/// </summary>
/// <remarks>
/// <see cref="TryRead"/> reads only the shapes it can read exactly: a non-generic class, struct, record or record
/// struct (not nested in a generic type) declared in source, in one or more partial declarations without syntax
/// errors, whose base type is object (or ValueType) or another type read the same way. It gives up (null: the caller
/// uses the symbols) on anything it does not model: explicit constructors, primary constructors of classes and
/// structs, explicit interface implementations, modifiers such as <c>new</c>, <c>override</c>, <c>abstract</c> or
/// <c>partial</c> on properties, a member name that is also declared by a base type (overrides, hiding, a positional
/// parameter bound to an inherited property), attributes it cannot bind without building members, property-level
/// [JsonConverter], default values that need a conversion, and types that do not bind.
/// </remarks>
internal sealed class DeclaredType
{
    /// <summary>
    /// Names of members the compiler declares (records' synthesized members, object's members, constructors). A
    /// property of such a name is left to the symbols, so these names never decide hiding or binding.
    /// </summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "Clone", "<Clone>$",
        "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", ".ctor", ".cctor", "this[]",
    };

    private static readonly string[] ReservedPrefixes = ["get_", "set_", "add_", "remove_", "op_"];

    private DeclaredType(
        INamedTypeSymbol type,
        DeclaredType? baseType,
        ImmutableArray<PropertyFacts> properties,
        HashSet<string> memberNames,
        HashSet<string> allNames,
        ConstructorFacts constructor)
    {
        Type = type;
        Base = baseType;
        Properties = properties;
        MemberNames = memberNames;
        AllNames = allNames;
        Constructor = constructor;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The base type read the same way, or null when the base type is object or ValueType.</summary>
    public DeclaredType? Base { get; }

    /// <summary>
    /// The type's own public instance properties (not indexers), in the order <c>GetMembers()</c> lists them
    /// (declarations in the compilation's tree order, members by position; a positional property where its parameter is).
    /// </summary>
    public ImmutableArray<PropertyFacts> Properties { get; }

    /// <summary>The names of the type's own members (what <c>GetMembers(name)</c> finds), apart from compiler-declared ones.</summary>
    public HashSet<string> MemberNames { get; }

    /// <summary>The constructor System.Text.Json would deserialize the type with.</summary>
    public ConstructorFacts Constructor { get; }

    /// <summary><see cref="MemberNames"/> of the type and its bases.</summary>
    private HashSet<string> AllNames { get; }

    /// <summary>Reads <paramref name="type"/> from its declarations, or returns null when that would not be exact.</summary>
    public static DeclaredType? TryRead(INamedTypeSymbol type, JsonShapeCache shapes, CancellationToken cancellationToken)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsGenericType || type.IsImplicitlyDeclared
            || type.IsAnonymousType || type.IsTupleType)
        {
            return null;
        }

        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (containing.IsGenericType)
            {
                return null;
            }
        }

        DeclaredType? baseType = null;
        switch (type.BaseType)
        {
            case null:
                return null;
            case { SpecialType: SpecialType.System_Object } when type.TypeKind == TypeKind.Class:
            case { SpecialType: SpecialType.System_ValueType } when type.TypeKind == TypeKind.Struct:
                break;
            case { } other when type.TypeKind == TypeKind.Class:
                baseType = shapes.Declared(other, cancellationToken);
                if (baseType is null)
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        var declarations = Declarations(type, shapes, cancellationToken);
        if (declarations is null)
        {
            return null;
        }

        var isRecord = type.IsRecord;
        var isStruct = type.TypeKind == TypeKind.Struct;
        TypeDeclarationSyntax? positional = null;
        foreach (var declaration in declarations)
        {
            if (declaration.ContainsDiagnostics
                || (declaration is RecordDeclarationSyntax) != isRecord
                || declaration is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax))
            {
                return null;
            }

            // A target on a type's attribute ([method: ...] reaches a primary constructor) is not modelled.
            foreach (var list in declaration.AttributeLists)
            {
                if (list.Target is not null)
                {
                    return null;
                }
            }

            if (declaration.ParameterList is not null)
            {
                if (!isRecord || positional is not null)
                {
                    return null;
                }

                positional = declaration;
            }
        }

        // Every member's name (GetMembers(name) finds any kind), and the explicit properties by name.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var explicitProperties = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            foreach (var member in declaration.Members)
            {
                if (!AddNames(member, names, explicitProperties))
                {
                    return null;
                }
            }
        }

        // A positional parameter becomes a property unless a property of its name is declared in a body (then that
        // one is the property, where it is declared). Any other member of its name is left to the symbols.
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        if (positional is not null)
        {
            foreach (var parameter in positional.ParameterList!.Parameters)
            {
                var name = parameter.Identifier.ValueText;
                if (names.Contains(name))
                {
                    if (!explicitProperties.TryGetValue(name, out var count) || count != 1)
                    {
                        return null;
                    }

                    replaced.Add(name);
                }
            }

            foreach (var parameter in positional.ParameterList!.Parameters)
            {
                names.Add(parameter.Identifier.ValueText);
            }
        }

        // Without a base read from declarations, the type's own names are all its names (neither set changes from here).
        var allNames = baseType is null ? names : new HashSet<string>(names, StringComparer.Ordinal);
        if (baseType is not null)
        {
            foreach (var name in names)
            {
                if (!ReservedNames.Contains(name) && baseType.AllNames.Contains(name))
                {
                    return null;
                }
            }

            allNames.UnionWith(baseType.AllNames);
        }

        var properties = ImmutableArray.CreateBuilder<PropertyFacts>();
        ImmutableArray<ConstructorParameterFacts>? parameters = null;
        foreach (var declaration in declarations)
        {
            var model = shapes.SemanticModel(declaration.SyntaxTree);
            if (ReferenceEquals(declaration, positional))
            {
                parameters = ReadPositional(type, declaration, model, isStruct, replaced, properties, cancellationToken);
                if (parameters is null)
                {
                    return null;
                }
            }

            foreach (var member in declaration.Members)
            {
                if (member is PropertyDeclarationSyntax property && !ReadProperty(type, property, model, properties, cancellationToken))
                {
                    return null;
                }
            }
        }

        foreach (var property in properties)
        {
            if (ReservedNames.Contains(property.Name) || Array.Exists(ReservedPrefixes, p => property.Name.StartsWith(p, StringComparison.Ordinal)))
            {
                return null;
            }
        }

        // No explicit instance constructor (checked in AddNames): a record's primary constructor, else the implicit
        // parameterless one. A struct is read through its default value whatever its constructors.
        var constructor = isStruct || parameters is null
            ? ConstructorFacts.Parameterless
            : new ConstructorFacts(true, parameters.Value, false);
        return new DeclaredType(type, baseType, properties.ToImmutable(), names, allNames, constructor);
    }

    /// <summary>The type's declarations in the order of their members in <c>GetMembers()</c>: tree order, then position.</summary>
    private static List<TypeDeclarationSyntax>? Declarations(INamedTypeSymbol type, JsonShapeCache shapes, CancellationToken cancellationToken)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return null;
        }

        var declarations = new List<TypeDeclarationSyntax>(references.Length);
        foreach (var reference in references)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            declarations.Add(declaration);
        }

        if (declarations.Count > 1)
        {
            var keyed = new List<(int Tree, int Position, TypeDeclarationSyntax Declaration)>(declarations.Count);
            foreach (var declaration in declarations)
            {
                var ordinal = shapes.TreeOrdinal(declaration.SyntaxTree);
                if (ordinal < 0)
                {
                    return null;
                }

                keyed.Add((ordinal, declaration.SpanStart, declaration));
            }

            keyed.Sort(static (a, b) => a.Tree != b.Tree ? a.Tree.CompareTo(b.Tree) : a.Position.CompareTo(b.Position));
            declarations.Clear();
            foreach (var item in keyed)
            {
                declarations.Add(item.Declaration);
            }
        }

        return declarations;
    }

    /// <summary>Adds the names a member declares; false for a member this reader does not model.</summary>
    private static bool AddNames(MemberDeclarationSyntax member, HashSet<string> names, Dictionary<string, int> explicitProperties)
    {
        // An attribute on a field or a non-public property may be [JsonInclude] (however it is spelled, aliases too),
        // which would bring the member into System.Text.Json's JSON: the symbols' reading checks those. (A public
        // property's attributes are bound when it is read, and [JsonInclude] there sends it to the symbols as well.)
        if (member is BaseFieldDeclarationSyntax { AttributeLists.Count: > 0 }
            || (member is PropertyDeclarationSyntax { AttributeLists.Count: > 0 } attributed && !attributed.Modifiers.Any(SyntaxKind.PublicKeyword)))
        {
            return false;
        }

        switch (member)
        {
            case PropertyDeclarationSyntax property:
                if (property.ExplicitInterfaceSpecifier is not null)
                {
                    return false;
                }

                names.Add(property.Identifier.ValueText);
                if (!property.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    explicitProperties.TryGetValue(property.Identifier.ValueText, out var count);
                    explicitProperties[property.Identifier.ValueText] = count + 1;
                }

                return true;
            case IndexerDeclarationSyntax indexer:
                return indexer.ExplicitInterfaceSpecifier is null;
            case MethodDeclarationSyntax method:
                if (method.ExplicitInterfaceSpecifier is not null)
                {
                    return false;
                }

                names.Add(method.Identifier.ValueText);
                return true;
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                {
                    names.Add(variable.Identifier.ValueText);
                }

                return true;
            case EventDeclarationSyntax @event:
                if (@event.ExplicitInterfaceSpecifier is not null)
                {
                    return false;
                }

                names.Add(@event.Identifier.ValueText);
                return true;
            case ConstructorDeclarationSyntax constructor:
                return constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
            case DestructorDeclarationSyntax:
            case OperatorDeclarationSyntax:
            case ConversionOperatorDeclarationSyntax:
                return true;
            case BaseTypeDeclarationSyntax nested:
                names.Add(nested.Identifier.ValueText);
                return true;
            case DelegateDeclarationSyntax @delegate:
                names.Add(@delegate.Identifier.ValueText);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Adds a record's positional properties (those no body replaces) and returns its primary constructor's parameters;
    /// null when a parameter is not modelled.
    /// </summary>
    private static ImmutableArray<ConstructorParameterFacts>? ReadPositional(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        SemanticModel model,
        bool isStruct,
        HashSet<string> replaced,
        ImmutableArray<PropertyFacts>.Builder properties,
        CancellationToken cancellationToken)
    {
        // A record class's positional properties are init-only; a record struct's are settable unless it is readonly.
        var initOnly = !isStruct || type.IsReadOnly;
        var parameters = ImmutableArray.CreateBuilder<ConstructorParameterFacts>();
        foreach (var parameter in declaration.ParameterList!.Parameters)
        {
            if (parameter.Modifiers.Count > 0 || parameter.Type is null)
            {
                return null;
            }

            var parameterType = BindType(model, parameter.Type, cancellationToken);
            if (parameterType is null || !TryReadDefault(parameter, parameterType, out var defaultValue))
            {
                return null;
            }

            var name = parameter.Identifier.ValueText;
            parameters.Add(new ConstructorParameterFacts(name, parameterType, defaultValue));

            // Attributes without a target are the parameter's, [field: ...] the backing field's; [property: ...] the property's.
            var propertyAttributes = new List<AttributeSyntax>();
            foreach (var list in parameter.AttributeLists)
            {
                switch (list.Target?.Identifier.Kind())
                {
                    case null:
                    case SyntaxKind.ParamKeyword:
                    case SyntaxKind.FieldKeyword:
                        break;
                    case SyntaxKind.PropertyKeyword:
                        propertyAttributes.AddRange(list.Attributes);
                        break;
                    default:
                        return null;
                }
            }

            if (replaced.Contains(name))
            {
                continue;
            }

            var attributes = JsonAttributeFacts.None;
            if (propertyAttributes.Count > 0)
            {
                var reader = AttributeBinder.ForParameterList(type, declaration, model);
                var read = reader is null ? null : ReadAttributes(propertyAttributes, reader, cancellationToken);
                if (read is null)
                {
                    return null;
                }

                attributes = read;
            }

            properties.Add(new PropertyFacts(
                name,
                parameterType,
                type,
                type,
                isVirtual: false,
                isRequired: false,
                hasPublicGetter: true,
                hasPublicSetter: true,
                setterIsInitOnly: initOnly,
                setterName: "set_" + name,
                attributes,
                parameter.Identifier.GetLocation(),
                symbol: null));
        }

        return parameters.ToImmutable();
    }

    /// <summary>Adds a property declared in a body when it is a public instance property; false when it is not modelled.</summary>
    private static bool ReadProperty(
        INamedTypeSymbol type,
        PropertyDeclarationSyntax property,
        SemanticModel model,
        ImmutableArray<PropertyFacts>.Builder properties,
        CancellationToken cancellationToken)
    {
        bool isStatic = false, isVirtual = false, isRequired = false;
        foreach (var modifier in property.Modifiers)
        {
            switch (modifier.Kind())
            {
                case SyntaxKind.PublicKeyword:
                case SyntaxKind.PrivateKeyword:
                case SyntaxKind.ProtectedKeyword:
                case SyntaxKind.InternalKeyword:
                case SyntaxKind.ReadOnlyKeyword:
                    break;
                case SyntaxKind.StaticKeyword:
                    isStatic = true;
                    break;
                case SyntaxKind.VirtualKeyword:
                    isVirtual = true;
                    break;
                case SyntaxKind.RequiredKeyword:
                    isRequired = true;
                    break;
                default:
                    return false;
            }
        }

        var accessibility = AccessibilityOf(property.Modifiers, Accessibility.Private);
        if (accessibility == Accessibility.NotApplicable)
        {
            return false;
        }

        // Static and non-public properties are not serialized; their names are already known.
        if (isStatic || accessibility != Accessibility.Public)
        {
            return true;
        }

        Accessibility? getter = null, setter = null;
        var initOnly = false;
        if (property.AccessorList is { } accessors)
        {
            foreach (var accessor in accessors.Accessors)
            {
                foreach (var modifier in accessor.Modifiers)
                {
                    if (!modifier.IsKind(SyntaxKind.ReadOnlyKeyword) && !IsAccessibilityKeyword(modifier.Kind()))
                    {
                        return false;
                    }
                }

                var accessorAccessibility = AccessibilityOf(accessor.Modifiers, accessibility);
                if (accessorAccessibility == Accessibility.NotApplicable)
                {
                    return false;
                }

                switch (accessor.Kind())
                {
                    case SyntaxKind.GetAccessorDeclaration when getter is null:
                        getter = accessorAccessibility;
                        break;
                    case SyntaxKind.SetAccessorDeclaration when setter is null:
                        setter = accessorAccessibility;
                        break;
                    case SyntaxKind.InitAccessorDeclaration when setter is null:
                        setter = accessorAccessibility;
                        initOnly = true;
                        break;
                    default:
                        return false;
                }
            }
        }
        else if (property.ExpressionBody is not null)
        {
            getter = accessibility;
        }
        else
        {
            return false;
        }

        var propertyType = BindType(model, property.Type, cancellationToken);
        if (propertyType is null)
        {
            return false;
        }

        var propertyAttributes = new List<AttributeSyntax>();
        foreach (var list in property.AttributeLists)
        {
            switch (list.Target?.Identifier.Kind())
            {
                case null:
                case SyntaxKind.PropertyKeyword:
                    propertyAttributes.AddRange(list.Attributes);
                    break;
                case SyntaxKind.FieldKeyword:
                    break;
                default:
                    return false;
            }
        }

        var attributes = JsonAttributeFacts.None;
        if (propertyAttributes.Count > 0)
        {
            var read = ReadAttributes(propertyAttributes, AttributeBinder.InPlace(model), cancellationToken);
            if (read is null)
            {
                return false;
            }

            attributes = read;
        }

        var name = property.Identifier.ValueText;
        properties.Add(new PropertyFacts(
            name,
            propertyType,
            type,
            type,
            isVirtual,
            isRequired,
            getter == Accessibility.Public,
            setter == Accessibility.Public,
            initOnly,
            setter is null ? null : "set_" + name,
            attributes,
            property.Identifier.GetLocation(),
            symbol: null));
        return true;
    }

    private static bool IsAccessibilityKeyword(SyntaxKind kind)
        => kind is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword;

    /// <summary>The accessibility the modifiers declare, <paramref name="otherwise"/> without one, NotApplicable when not modelled.</summary>
    private static Accessibility AccessibilityOf(SyntaxTokenList modifiers, Accessibility otherwise)
    {
        bool isPublic = false, isPrivate = false, isProtected = false, isInternal = false;
        foreach (var modifier in modifiers)
        {
            isPublic |= modifier.IsKind(SyntaxKind.PublicKeyword);
            isPrivate |= modifier.IsKind(SyntaxKind.PrivateKeyword);
            isProtected |= modifier.IsKind(SyntaxKind.ProtectedKeyword);
            isInternal |= modifier.IsKind(SyntaxKind.InternalKeyword);
        }

        return (isPublic, isPrivate, isProtected, isInternal) switch
        {
            (false, false, false, false) => otherwise,
            (true, false, false, false) => Accessibility.Public,
            (false, true, false, false) => Accessibility.Private,
            (false, false, true, false) => Accessibility.Protected,
            (false, false, false, true) => Accessibility.Internal,
            (false, false, true, true) => Accessibility.ProtectedOrInternal,
            (false, true, true, false) => Accessibility.ProtectedAndInternal,
            _ => Accessibility.NotApplicable,
        };
    }

    /// <summary>
    /// A declared type as its symbol carries it: bound from the type syntax, with the top-level nullable annotation
    /// the declaration gives it (binding a type syntax drops it). Null for ref types and types that do not bind.
    /// </summary>
    private static ITypeSymbol? BindType(SemanticModel model, TypeSyntax syntax, CancellationToken cancellationToken)
    {
        if (syntax is RefTypeSyntax || syntax.Kind() == SyntaxKind.ScopedType)
        {
            return null;
        }

        // A keyword always names its special type: no binder needed (most members are strings and numbers).
        var type = SpecialTypeOf(syntax) is { } special && model.Compilation.GetSpecialType(special) is { TypeKind: not TypeKind.Error } keyword
            ? keyword
            : syntax is NullableTypeSyntax { ElementType: var element } && SpecialTypeOf(element) is { } underlying
                && model.Compilation.GetSpecialType(underlying) is { IsValueType: true, TypeKind: not TypeKind.Error } value
                ? model.Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(value)
                : model.GetTypeInfo(syntax, cancellationToken).Type;
        if (type is null || ContainsError(type))
        {
            return null;
        }

        NullableAnnotation annotation;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            annotation = NullableAnnotation.Annotated;
        }
        else if (syntax is NullableTypeSyntax)
        {
            if (!type.IsReferenceType)
            {
                return null;
            }

            annotation = NullableAnnotation.Annotated;
        }
        else
        {
            annotation = model.GetNullableContext(syntax.SpanStart).AnnotationsEnabled() ? NullableAnnotation.NotAnnotated : NullableAnnotation.None;
        }

        return type.WithNullableAnnotation(annotation);
    }

    private static SpecialType? SpecialTypeOf(TypeSyntax syntax) => syntax is PredefinedTypeSyntax predefined
        ? predefined.Keyword.Kind() switch
        {
            SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
            SyntaxKind.ByteKeyword => SpecialType.System_Byte,
            SyntaxKind.SByteKeyword => SpecialType.System_SByte,
            SyntaxKind.ShortKeyword => SpecialType.System_Int16,
            SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
            SyntaxKind.IntKeyword => SpecialType.System_Int32,
            SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
            SyntaxKind.LongKeyword => SpecialType.System_Int64,
            SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
            SyntaxKind.FloatKeyword => SpecialType.System_Single,
            SyntaxKind.DoubleKeyword => SpecialType.System_Double,
            SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
            SyntaxKind.CharKeyword => SpecialType.System_Char,
            SyntaxKind.StringKeyword => SpecialType.System_String,
            SyntaxKind.ObjectKeyword => SpecialType.System_Object,
            _ => null,
        }
        : null;

    private static bool ContainsError(ITypeSymbol type) => TypeNames.Mentions(type, static t => t.TypeKind == TypeKind.Error);

    /// <summary>
    /// The default value of a primary constructor's parameter as its symbol's ExplicitDefaultValue gives it (null for
    /// none), for the defaults whose constant needs no conversion: none, null, and literals of the parameter's own type.
    /// </summary>
    private static bool TryReadDefault(ParameterSyntax parameter, ITypeSymbol type, out object? value)
    {
        value = null;
        if (parameter.Default is null)
        {
            return true;
        }

        if (parameter.Default.Value is not LiteralExpressionSyntax literal)
        {
            return false;
        }

        if (literal.IsKind(SyntaxKind.NullLiteralExpression))
        {
            return true;
        }

        value = literal.Token.Value;
        var target = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        return (literal.Kind(), value, target.SpecialType) switch
        {
            (SyntaxKind.StringLiteralExpression, string, SpecialType.System_String) => true,
            (SyntaxKind.CharacterLiteralExpression, char, SpecialType.System_Char) => true,
            (SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression, bool, SpecialType.System_Boolean) => true,
            (SyntaxKind.NumericLiteralExpression, int, SpecialType.System_Int32) => true,
            (SyntaxKind.NumericLiteralExpression, uint, SpecialType.System_UInt32) => true,
            (SyntaxKind.NumericLiteralExpression, long, SpecialType.System_Int64) => true,
            (SyntaxKind.NumericLiteralExpression, ulong, SpecialType.System_UInt64) => true,
            (SyntaxKind.NumericLiteralExpression, float, SpecialType.System_Single) => true,
            (SyntaxKind.NumericLiteralExpression, double, SpecialType.System_Double) => true,
            (SyntaxKind.NumericLiteralExpression, decimal, SpecialType.System_Decimal) => true,
            _ => false,
        };
    }

    /// <summary>
    /// The facts of the attributes System.Text.Json honours on a property, or null when one of them (or any attribute)
    /// does not bind to a constructor, or has arguments read differently than a literal of the parameter's type, or is
    /// a converter or an attribute the generated serializer may not honour (the symbols' reading decides those).
    /// </summary>
    private static JsonAttributeFacts? ReadAttributes(List<AttributeSyntax> attributes, AttributeBinder binder, CancellationToken cancellationToken)
    {
        bool ignored = false, ordered = false, named = false, required = false;
        int? condition = null;
        var order = 0;
        string? name = null;
        foreach (var syntax in attributes)
        {
            if (syntax.ContainsDiagnostics || binder.Bind(syntax, cancellationToken) is not { } bound)
            {
                return null;
            }

            var (constructor, arguments, model) = bound;
            var attributeClass = constructor.ContainingType;
            if (TypeNames.HasMetadataName(attributeClass, KnownNames.JsonConverterAttribute) || UnhonouredAttribute.IsCandidate(attributeClass))
            {
                return null;
            }

            if (TypeNames.HasMetadataName(attributeClass, KnownNames.JsonIgnoreAttribute))
            {
                if (ignored)
                {
                    return null;
                }

                ignored = true;
                condition = 1;
                if (arguments.Count > 1)
                {
                    return null;
                }

                if (arguments.Count == 1)
                {
                    if (arguments[0].NameEquals?.Name.Identifier.ValueText != "Condition" || Constant(model, arguments[0], cancellationToken) is not int value)
                    {
                        return null;
                    }

                    condition = value;
                }
            }
            else if (TypeNames.HasMetadataName(attributeClass, KnownNames.JsonPropertyOrderAttribute))
            {
                if (ordered || arguments.Count != 1 || arguments[0].NameEquals is not null
                    || Constant(model, arguments[0], cancellationToken) is not int value)
                {
                    return null;
                }

                ordered = true;
                order = value;
            }
            else if (TypeNames.HasMetadataName(attributeClass, KnownNames.JsonPropertyNameAttribute))
            {
                if (named || arguments.Count != 1 || arguments[0].NameEquals is not null)
                {
                    return null;
                }

                var value = model.GetConstantValue(arguments[0].Expression, cancellationToken);
                if (!value.HasValue || value.Value is not (null or string))
                {
                    return null;
                }

                named = true;
                name = value.Value as string;
            }
            else if (TypeNames.HasMetadataName(attributeClass, KnownNames.JsonRequiredAttribute))
            {
                if (required || arguments.Count != 0)
                {
                    return null;
                }

                required = true;
            }
        }

        return new JsonAttributeFacts(condition, order, name, required, null);
    }

    private static object? Constant(SemanticModel model, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        var value = model.GetConstantValue(argument.Expression, cancellationToken);
        return value.HasValue ? value.Value : null;
    }
}
