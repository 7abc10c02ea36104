using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Inngest.Events.Generators.Json;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// The JSON Schema (draft 2020-12) of an event's data as its generated serializer writes and reads it. It is built
/// from the generator's own JSON shapes (<see cref="JsonShapeCache"/>: the JSON names, kinds, required and ignored
/// members, constructors and converters the emitter writes code from), so schema and serializer cannot disagree.
/// Symbols fill in only what the serializer does not need to know: nullable annotations, enum members and the ranges of
/// number types.
/// </summary>
/// <remarks>
/// Object types other than the event become <c>$defs</c> named after the C# type (without namespace), referenced with
/// <c>$ref</c>; properties are listed by JSON name in ordinal order, so moving a member in C# does not change the lock.
/// </remarks>
internal sealed class EventSchemaBuilder
{
    public const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";
    public const string ConverterCommentPrefix = "[JsonConverter(typeof(";
    private const string ConverterCommentSuffix = "))]: written by a converter, so its JSON is not known at compile time; any value is accepted and changes to it are not checked";
    private const string OtherValuesComment = "any other value of the underlying type, which the serializer writes as a number";
    private const string FlagsComment = "a combination of flags, as JsonStringEnumConverter writes it";
    private const string StringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";
    private const string StringEnumMemberName = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";

    private static readonly SymbolDisplayFormat DefNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly JsonShapeCache _shapes;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string> _defNameByType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedDefNames = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, LockObject>> _defs = new();
    private string? _rootTypeName;
    private string? _problem;

    private EventSchemaBuilder(Compilation compilation, CancellationToken cancellationToken)
    {
        _shapes = JsonShapeCache.For(compilation);
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The schema of <paramref name="eventType"/>'s data, titled <paramref name="title"/>; null (with
    /// <paramref name="problem"/>) when the generator cannot serialize the type, which it reports itself (INNG1003, INNG1006).
    /// </summary>
    public static LockObject? Build(INamedTypeSymbol eventType, string title, Compilation compilation, CancellationToken cancellationToken, out string? problem)
    {
        var builder = new EventSchemaBuilder(compilation, cancellationToken);
        var schema = builder.BuildRoot(eventType, title);
        problem = builder._problem;
        return problem is null ? schema : null;
    }

    private LockObject BuildRoot(INamedTypeSymbol eventType, string title)
    {
        var root = new LockObject()
            .Set("$schema", new LockString(SchemaDialect))
            .Set("title", new LockString(title));
        var node = _shapes.Get(eventType, _cancellationToken);
        if (node.Model is not { } model)
        {
            _problem = node.Reason ?? "the type cannot be serialized";
            return root;
        }

        _rootTypeName = model.TypeName;
        var body = model.Kind == JsonKind.Object ? ObjectSchema(eventType, node) : ValueSchema(eventType, annotated: false);
        foreach (var member in body.Members)
        {
            root.Set(member.Key, member.Value);
        }

        if (_defs.Count > 0)
        {
            var defs = new LockObject();
            SortByKey(_defs);
            foreach (var def in _defs)
            {
                defs.Set(def.Key, def.Value);
            }

            root.Set("$defs", defs);
        }

        return root;
    }

    private LockObject ObjectSchema(ITypeSymbol type, JsonTypeNode node)
    {
        var model = node.Model!.Object!;
        var properties = new List<KeyValuePair<string, LockObject>>();
        var required = new List<string>();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            LockObject value;
            if (property.Converter is not null)
            {
                value = ConverterSchema(property.Converter, FindProperty(type, property)?.Type);
            }
            else if (node.Members[i] is { } attributed && _shapes.Unhonoured(attributed, _cancellationToken) is { } unhonoured)
            {
                // The generator reports the attribute (INNG1006) and gives the type no serializer: nothing to lock.
                _problem ??= $"its property '{attributed.Name}' has [{unhonoured.Name}]";
                value = new LockObject();
            }
            else if (node.Members[i] is { } member)
            {
                // A member typed by a type parameter (Box<T>.Value) may hold null whatever the type argument says: the
                // annotations of type arguments are gone at run time, and System.Text.Json does not enforce them either.
                var typeParameter = member.TypeIsTypeParameter;
                value = ValueSchema(member.Type, typeParameter || IsAnnotatedNullable(member.Type));
            }
            else
            {
                value = new LockObject();
            }

            if (property.Write == PropertyWriteKind.Always)
            {
                value.Set("writeOnly", LockLiteral.True);
            }

            if (property.Read == PropertyReadKind.None)
            {
                value.Set("readOnly", LockLiteral.True);
            }

            properties.Add(new KeyValuePair<string, LockObject>(property.JsonName, value));
            if (property.IsRequired)
            {
                required.Add(property.JsonName);
            }
        }

        SortByKey(properties);
        var props = new LockObject();
        foreach (var property in properties)
        {
            props.Set(property.Key, property.Value);
        }

        var schema = new LockObject().Set("type", JsonTypes["object"]).Set("properties", props);
        if (required.Count > 0)
        {
            required.Sort(StringComparer.Ordinal);
            var list = new LockArray();
            foreach (var name in required)
            {
                list.Items.Add(new LockString(name));
            }

            schema.Set("required", list);
        }

        return schema;
    }

    /// <summary>
    /// Sorts by name in ordinal order, keeping the order of equal names (as OrderBy did): an insertion sort, allocation
    /// free, for the few members of one object.
    /// </summary>
    private static void SortByKey(List<KeyValuePair<string, LockObject>> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            var item = list[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(list[j].Key, item.Key) > 0)
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }
    }

    /// <summary>The schema of a value of <paramref name="type"/>; <paramref name="annotated"/> says a reference type may be null.</summary>
    private LockObject ValueSchema(ITypeSymbol type, bool annotated)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var node = _shapes.Get(type, _cancellationToken);
        if (node.Model is not { } model)
        {
            _problem ??= node.Reason ?? "a member cannot be serialized";
            return new LockObject();
        }

        var schema = model.Kind switch
        {
            JsonKind.Boolean => Typed("boolean"),
            JsonKind.Byte or JsonKind.SByte or JsonKind.Int16 or JsonKind.UInt16 or JsonKind.Int32 or JsonKind.UInt32
                or JsonKind.Int64 or JsonKind.UInt64 => Integer(model.Kind),
            JsonKind.Single or JsonKind.Double or JsonKind.Decimal => Typed("number"),
            JsonKind.Char => Typed("string").Set("minLength", LockNumber.Of(1)).Set("maxLength", LockNumber.Of(1)),
            JsonKind.String => Typed("string"),
            JsonKind.Guid => Typed("string").Set("format", new LockString("uuid")),
            JsonKind.DateTime => Typed("string").Set("pattern", new LockString(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$")),
            JsonKind.DateTimeOffset => Typed("string").Set("format", new LockString("date-time")),
            JsonKind.DateOnly => Typed("string").Set("format", new LockString("date")),
            JsonKind.TimeOnly => Typed("string").Set("pattern", new LockString(@"^\d{2}:\d{2}:\d{2}(\.\d{1,7})?$")),
            JsonKind.TimeSpan => Typed("string").Set("pattern", new LockString(@"^-?(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$")),
            JsonKind.Uri => Typed("string").Set("$comment", new LockString("a URI as System.Uri.OriginalString gives it (absolute or relative)")),
            JsonKind.JsonElement => new LockObject(),
            JsonKind.Base64Bytes => Typed("string").Set("contentEncoding", new LockString("base64")),
            JsonKind.Enum => EnumSchema((INamedTypeSymbol)type, model.EnumUnderlying, asStrings: false),
            JsonKind.Nullable => WithNull(ValueSchema(node.Element!, annotated: false)),
            JsonKind.Array or JsonKind.List => Typed("array").Set("items", ValueSchema(node.Element!, IsAnnotatedNullable(node.Element!))),
            JsonKind.Dictionary => Typed("object").Set("additionalProperties", ValueSchema(node.Element!, IsAnnotatedNullable(node.Element!))),
            JsonKind.Converter => ConverterSchema(model.Converter!, type),
            _ => Reference(type, node),
        };

        return annotated && !type.IsValueType ? WithNull(schema) : schema;
    }

    private LockObject Reference(ITypeSymbol type, JsonTypeNode node)
    {
        var typeName = node.Model!.TypeName;
        if (typeName == _rootTypeName)
        {
            return new LockObject().Set("$ref", new LockString("#"));
        }

        if (!_defNameByType.TryGetValue(typeName, out var name))
        {
            name = UniqueDefName(type);
            _defNameByType[typeName] = name;
            var entry = new KeyValuePair<string, LockObject>(name, new LockObject());
            _defs.Add(entry);
            var schema = ObjectSchema(type, node);
            foreach (var member in schema.Members)
            {
                entry.Value.Set(member.Key, member.Value);
            }
        }

        return new LockObject().Set("$ref", new LockString("#/$defs/" + name));
    }

    private string UniqueDefName(ITypeSymbol type)
    {
        var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(DefNameFormat).Replace("?", "-nullable");
        var name = new StringBuilder();
        foreach (var c in display)
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '.')
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[name.Length - 1] != '-')
            {
                name.Append('-');
            }
        }

        var baseName = name.ToString().TrimEnd('-');
        var unique = baseName;
        for (var i = 2; !_usedDefNames.Add(unique); i++)
        {
            unique = baseName + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>
    /// An enum: one <c>const</c> per named value (titled with its C# name when that differs from the JSON), and the
    /// other values the serializer can write (undefined numbers, or combinations of flags as strings).
    /// </summary>
    private static LockObject EnumSchema(INamedTypeSymbol type, JsonKind underlying, bool asStrings)
    {
        var branches = new List<LockNode>();
        var flags = type.GetAttributes().Any(static a => TypeNames.HasMetadataName(a.AttributeClass, "System.FlagsAttribute"));
        var named = new List<(decimal Value, string Name, string Json)>();
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field)
            {
                var json = asStrings ? StringEnumName(field) : field.Name;
                named.Add((Convert.ToDecimal(value, CultureInfo.InvariantCulture), field.Name, json));
            }
        }

        if (asStrings)
        {
            foreach (var (_, name, json) in named.OrderBy(static n => n.Json, StringComparer.Ordinal))
            {
                var branch = new LockObject().Set("const", new LockString(json));
                if (name != json)
                {
                    branch.Set("title", new LockString(name));
                }

                branches.Add(branch);
            }

            if (flags && named.Count > 0)
            {
                var alternatives = string.Join("|", named.Select(static n => EscapeRegex(n.Json)).Distinct().OrderBy(static n => n, StringComparer.Ordinal));
                branches.Add(Typed("string")
                    .Set("pattern", new LockString($"^({alternatives})(, ({alternatives}))+$"))
                    .Set("$comment", new LockString(FlagsComment)));
            }
        }
        else
        {
            foreach (var group in named.GroupBy(static n => n.Value).OrderBy(static g => g.Key))
            {
                branches.Add(new LockObject()
                    .Set("const", LockNumber.Of(group.Key))
                    .Set("title", new LockString(string.Join(" / ", group.Select(static n => n.Name).OrderBy(static n => n, StringComparer.Ordinal)))));
            }
        }

        branches.Add(Integer(underlying).Set("$comment", new LockString(OtherValuesComment)));
        return new LockObject().Set("anyOf", new LockArray(branches));
    }

    private static string StringEnumName(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
        {
            if (TypeNames.HasMetadataName(attribute.AttributeClass, StringEnumMemberName)
                && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
            {
                return name;
            }
        }

        return field.Name;
    }

    private static string EscapeRegex(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if ("\\^$.|?*+()[]{}".IndexOf(c) >= 0)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A member whose JSON a <c>[JsonConverter]</c> writes: JsonStringEnumConverter on an enum writes the names (a
    /// known shape); any other converter's JSON is unknown, so the schema accepts anything and says why.
    /// </summary>
    private LockObject ConverterSchema(string converter, ITypeSymbol? type)
    {
        var plain = converter.Replace("global::", string.Empty);
        var nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }

        if ((plain == StringEnumConverter || plain.StartsWith(StringEnumConverter + "<", StringComparison.Ordinal))
            && type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } enumType)
        {
            var schema = EnumSchema(enumType, JsonShapeCache.SimpleKind(underlying) ?? JsonKind.Int32, asStrings: true);
            return nullable ? WithNull(schema) : schema;
        }

        return new LockObject().Set("$comment", new LockString(ConverterCommentPrefix + plain + ConverterCommentSuffix));
    }

    /// <summary>The converter named by an open schema's comment, or null.</summary>
    public static string? ConverterOf(string? comment)
    {
        if (comment is null || !comment.StartsWith(ConverterCommentPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = comment.IndexOf("))]", StringComparison.Ordinal);
        return end < 0 ? null : comment.Substring(ConverterCommentPrefix.Length, end - ConverterCommentPrefix.Length);
    }

    // Values every schema repeats, shared between trees (built nodes are never changed; only objects and arrays are).
    private static readonly Dictionary<string, LockString> JsonTypes = new[] { "boolean", "integer", "number", "string", "array", "object", "null" }
        .ToDictionary(static t => t, static t => new LockString(t), StringComparer.Ordinal);

    private static readonly Dictionary<JsonKind, (LockNumber Min, LockNumber Max)> Ranges = new[]
        {
            JsonKind.Byte, JsonKind.SByte, JsonKind.Int16, JsonKind.UInt16, JsonKind.Int32, JsonKind.UInt32, JsonKind.Int64, JsonKind.UInt64,
        }
        .ToDictionary(static k => k, static k => RangeOf(k));

    private static LockObject Typed(string type) => new LockObject().Set("type", JsonTypes[type]);

    private static LockObject Integer(JsonKind kind)
    {
        var (min, max) = Ranges.TryGetValue(kind, out var range) ? range : Ranges[JsonKind.Int32];
        return Typed("integer").Set("minimum", min).Set("maximum", max);
    }

    private static (LockNumber Min, LockNumber Max) RangeOf(JsonKind kind)
    {
        var (min, max) = kind switch
        {
            JsonKind.Byte => (byte.MinValue, byte.MaxValue),
            JsonKind.SByte => (sbyte.MinValue, sbyte.MaxValue),
            JsonKind.Int16 => (short.MinValue, short.MaxValue),
            JsonKind.UInt16 => (ushort.MinValue, ushort.MaxValue),
            JsonKind.UInt32 => (uint.MinValue, uint.MaxValue),
            JsonKind.Int64 => (long.MinValue, long.MaxValue),
            JsonKind.UInt64 => (ulong.MinValue, (decimal)ulong.MaxValue),
            _ => ((decimal)int.MinValue, (decimal)int.MaxValue),
        };
        return (LockNumber.Of(min), LockNumber.Of(max));
    }

    /// <summary>The schema that also accepts null.</summary>
    public static LockObject WithNull(LockObject schema)
    {
        if (schema.Members.Count == 0 || schema.Members.All(static m => m.Key is "$comment" or "title" or "description"))
        {
            return schema;
        }

        if (schema["anyOf"] is LockArray branches)
        {
            if (!branches.Items.Any(IsNull))
            {
                branches.Items.Add(Typed("null"));
            }

            return schema;
        }

        if (schema["type"] is LockString single && schema["$ref"] is null)
        {
            schema.Set("type", new LockArray([single, JsonTypes["null"]]));
            return schema;
        }

        return new LockObject().Set("anyOf", new LockArray([schema, Typed("null")]));
    }

    private static bool IsNull(LockNode branch) => branch is LockObject o && o.GetString("type") == "null" && o.Members.Count == 1;

    /// <summary>Whether a reference type may hold null: annotated with '?', or declared where nullable annotations are off.</summary>
    private static bool IsAnnotatedNullable(ITypeSymbol type) => !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;

    /// <summary>The property a model property describes (for converters, whose model has no member type).</summary>
    private static IPropertySymbol? FindProperty(ITypeSymbol type, JsonPropertyModel property)
    {
        var name = property.ClrName.TrimStart('@');
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false } candidate)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
