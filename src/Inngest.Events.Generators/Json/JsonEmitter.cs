using System.Collections.Generic;
using System.Linq;
using System.Text;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// Writes the reader and writer methods of a set of <see cref="JsonTypeModel"/>s: one <c>WriteN</c>/<c>ReadN</c> pair
/// per composite type, with primitives inlined. Index 0 is the root.
/// </summary>
internal sealed class JsonEmitter : ICodeSource
{
    /// <summary>
    /// The emitted code names System.Text.Json and the package's support types through two namespace aliases
    /// (<c>__Stj::Utf8JsonReader</c>, <c>__Inngest::JsonSupport</c>), which <see cref="WriteAliases"/> declares at the
    /// top of every file that holds it (after the namespace line, so that a global alias of the same name cannot clash).
    /// The fully qualified names were about an eighth of the text generated at 500 events; an alias qualifier
    /// (<c>::</c>) looks up aliases only, so no type or member of the user's can hide them.
    /// </summary>
    public const string Stj = "__Stj::";

    /// <inheritdoc cref="Stj"/>
    public const string Inngest = "__Inngest::";

    private const string Support = Inngest + "JsonSupport";
    private const string TokenType = Stj + "JsonTokenType";
    private const string Writer = Stj + "Utf8JsonWriter";
    private const string Reader = Stj + "Utf8JsonReader";

    private readonly EquatableArray<JsonTypeModel> _types;
    private readonly SourceWriter _w;

    public JsonEmitter(EquatableArray<JsonTypeModel> types, SourceWriter writer)
    {
        _types = types;
        _w = writer;
    }

    /// <summary>The alias directives the emitted code needs; written after the file's namespace declaration.</summary>
    public static void WriteAliases(SourceWriter w)
    {
        w.Line("using __Stj = global::System.Text.Json;");
        w.Line("using __Inngest = global::Inngest.Events.SourceGeneration;");
        w.Line();
    }

    /// <summary>Emits the converter class, type info and every method.</summary>
    public void Emit()
    {
        var root = _types[0];
        var rootType = root.TypeName;
        _w.Line($"internal static readonly {Stj}Serialization.Metadata.JsonTypeInfo<{rootType}> TypeInfo = {Support}.CreateTypeInfo<{rootType}>(new Converter());");
        _w.Line();
        if (_types.Any(static t => t.Kind == JsonKind.Object && WritesAny(t.Object!.Properties)))
        {
            _w.Line($"private static {Stj}JsonEncodedText Encode(string name) => {Stj}JsonEncodedText.Encode(name);");
            _w.Line();
        }

        _w.Open($"private sealed class Converter : {Stj}Serialization.JsonConverter<{rootType}>");
        _w.Open($"public override {rootType}{Q(root)} Read(ref {Reader} reader, global::System.Type typeToConvert, {Stj}JsonSerializerOptions options)");
        _w.Open("try");
        _w.Line($"return {ReadExpression(0)};");
        _w.Close();
        _w.Line($"catch (global::System.Exception exception) when ({Support}.NeedsPath(exception)) {{ throw {Support}.WithPath(exception); }}");
        _w.Close();
        _w.Line();
        _w.Line($"public override void Write({Writer} writer, {rootType} value, {Stj}JsonSerializerOptions options) => {WriteStatement(0, "value")}");
        _w.Close();

        foreach (var type in _types)
        {
            switch (type.Kind)
            {
                case JsonKind.Nullable:
                    EmitNullable(type);
                    break;
                case JsonKind.Array:
                case JsonKind.List:
                    EmitList(type);
                    break;
                case JsonKind.Dictionary:
                    EmitDictionary(type);
                    break;
                case JsonKind.Object:
                    EmitObject(type);
                    break;
                case JsonKind.Converter:
                    _w.Line();
                    _w.Line($"private static readonly {Stj}Serialization.JsonConverter<{type.TypeName}> s_converter{type.Index} = {Support}.ResolveConverter<{type.TypeName}>(new {type.Converter}());");
                    break;
            }
        }
    }

    private static string Q(JsonTypeModel type) => type.IsValueType ? string.Empty : "?";

    private static string Bang(bool isValueType) => isValueType ? string.Empty : "!";

    // The kinds of code this emitter writes through SourceWriter.Code (see ICodeSource.Write).
    private const int ReadCode = 0;
    private const int WriteCode = 1;
    private const int AccessCode = 2;
    private const int GuardCode = 3;
    private const int NamesCode = 4;
    private const int WritesValueCode = 5;

    /// <summary>An expression that reads a value of type <paramref name="index"/> at the reader's current token.</summary>
    private Code ReadExpression(int index) => new(this, ReadCode, index);

    /// <summary>
    /// A statement that writes <paramref name="value"/> (<c>item</c>), or <paramref name="property"/> of it when given
    /// (<see cref="Access"/>), of type <paramref name="index"/>.
    /// </summary>
    private Code WriteStatement(int index, string value, JsonPropertyModel? property = null) => new(this, WriteCode, index, value, item: property);

    /// <summary>Member access to <paramref name="property"/> on <paramref name="target"/>, through its declaring type when hidden.</summary>
    private Code Access(JsonPropertyModel property, string target) => new(this, AccessCode, -1, target, item: property);

    void ICodeSource.Write(StringBuilder builder, Code code)
    {
        switch (code.Kind)
        {
            case ReadCode:
                AppendRead(builder, code.Index);
                break;
            case WriteCode:
                AppendWrite(builder, code.Index, code.First!, (JsonPropertyModel?)code.Item);
                break;
            case AccessCode:
                AppendAccess(builder, (JsonPropertyModel)code.Item!, code.First!);
                break;
            case GuardCode:
                AppendGuardConditions(builder, (EquatableArray<JsonPropertyModel>)code.Item!);
                break;
            case NamesCode:
                AppendNames(builder, code.Index, (EquatableArray<JsonPropertyModel>)code.Item!);
                break;
            case WritesValueCode:
                AppendWritesValue(builder, (JsonPropertyModel)code.Item!);
                break;
        }
    }

    private void AppendRead(StringBuilder b, int index)
    {
        var type = _types[index];
        switch (type.Kind)
        {
            case JsonKind.Enum:
                b.Append('(').Append(type.TypeName).Append(')').Append(Support).Append(".ReadEnum").Append(UnderlyingSuffix(type.EnumUnderlying))
                    .Append("(ref reader, ").Append(Literal(type.MessageName)).Append(')');
                return;
            case JsonKind.Converter:
                b.Append(Support).Append(".ReadWithConverter(ref reader, s_converter").Append(index).Append(')');
                return;
        }

        if (type.NumbersFromStrings && IsNumber(type.Kind))
        {
            // [JsonNumberHandling(AllowReadingFromString)]: JsonSupport.ReadInt32OrString and its siblings.
            b.Append(Support).Append(".Read").Append(type.Kind).Append("OrString(ref reader)");
        }
        else if (PrimitiveRead(type.Kind) is { } read)
        {
            b.Append(read);
        }
        else
        {
            b.Append("Read").Append(index).Append("(ref reader)");
        }
    }

    private static string? PrimitiveRead(JsonKind kind) => kind switch
    {
        JsonKind.Boolean => $"{Support}.ReadBoolean(ref reader)",
        JsonKind.Byte => $"{Support}.ReadByte(ref reader)",
        JsonKind.SByte => $"{Support}.ReadSByte(ref reader)",
        JsonKind.Int16 => $"{Support}.ReadInt16(ref reader)",
        JsonKind.UInt16 => $"{Support}.ReadUInt16(ref reader)",
        JsonKind.Int32 => $"{Support}.ReadInt32(ref reader)",
        JsonKind.UInt32 => $"{Support}.ReadUInt32(ref reader)",
        JsonKind.Int64 => $"{Support}.ReadInt64(ref reader)",
        JsonKind.UInt64 => $"{Support}.ReadUInt64(ref reader)",
        JsonKind.Single => $"{Support}.ReadSingle(ref reader)",
        JsonKind.Double => $"{Support}.ReadDouble(ref reader)",
        JsonKind.Decimal => $"{Support}.ReadDecimal(ref reader)",
        JsonKind.Char => $"{Support}.ReadChar(ref reader)",
        JsonKind.String => $"{Support}.ReadString(ref reader)",
        JsonKind.Guid => $"{Support}.ReadGuid(ref reader)",
        JsonKind.DateTime => $"{Support}.ReadDateTime(ref reader)",
        JsonKind.DateTimeOffset => $"{Support}.ReadDateTimeOffset(ref reader)",
        JsonKind.DateOnly => $"{Support}.ReadDateOnly(ref reader)",
        JsonKind.TimeOnly => $"{Support}.ReadTimeOnly(ref reader)",
        JsonKind.TimeSpan => $"{Support}.ReadTimeSpan(ref reader)",
        JsonKind.Uri => $"{Support}.ReadUri(ref reader)",
        JsonKind.JsonElement => $"{Support}.ReadJsonElement(ref reader)",
        JsonKind.Base64Bytes => $"{Support}.ReadBase64(ref reader)",
        _ => null,
    };

    private void AppendWrite(StringBuilder b, int index, string value, JsonPropertyModel? property)
    {
        var type = _types[index];
        switch (type.Kind)
        {
            case JsonKind.Boolean:
                AppendValue(b.Append("writer.WriteBooleanValue("), value, property).Append(");");
                return;
            case var kind when IsNumber(kind):
                AppendValue(b.Append("writer.WriteNumberValue("), value, property).Append(");");
                return;
            case JsonKind.Guid or JsonKind.DateTime or JsonKind.DateTimeOffset:
                AppendValue(b.Append("writer.WriteStringValue("), value, property).Append(");");
                return;
            case JsonKind.JsonElement:
                AppendValue(b, value, property).Append(".WriteTo(writer);");
                return;
            case JsonKind.Enum:
                AppendValue(b.Append("writer.WriteNumberValue((").Append(UnderlyingName(type.EnumUnderlying)).Append(')'), value, property).Append(");");
                return;
            case JsonKind.Converter:
                AppendValue(b.Append(Support).Append(".WriteWithConverter(writer, "), value, property).Append(", s_converter").Append(index).Append(");");
                return;
        }

        var helper = type.Kind switch
        {
            JsonKind.Char => ".WriteChar(writer, ",
            JsonKind.String => ".WriteString(writer, ",
            JsonKind.DateOnly => ".WriteDateOnly(writer, ",
            JsonKind.TimeOnly => ".WriteTimeOnly(writer, ",
            JsonKind.TimeSpan => ".WriteTimeSpan(writer, ",
            JsonKind.Uri => ".WriteUri(writer, ",
            JsonKind.Base64Bytes => ".WriteBase64(writer, ",
            _ => null,
        };
        if (helper is not null)
        {
            AppendValue(b.Append(Support).Append(helper), value, property).Append(");");
        }
        else
        {
            AppendValue(b.Append("Write").Append(index).Append("(writer, "), value, property).Append(");");
        }
    }

    private static StringBuilder AppendValue(StringBuilder b, string value, JsonPropertyModel? property)
    {
        if (property is null)
        {
            return b.Append(value);
        }

        AppendAccess(b, property, value);
        return b;
    }

    /// <summary><c>s_name3_0 = Encode("id"), s_name3_1 = Encode("total")</c> for the written properties of type 3.</summary>
    private static void AppendNames(StringBuilder b, int index, EquatableArray<JsonPropertyModel> properties)
    {
        var first = true;
        for (var p = 0; p < properties.Count; p++)
        {
            if (properties[p].Write == PropertyWriteKind.Always)
            {
                continue;
            }

            if (!first)
            {
                b.Append(", ");
            }

            first = false;
            b.Append("s_name").Append(index).Append('_').Append(p).Append(" = Encode(").Append(Literal(properties[p].JsonName)).Append(')');
        }
    }

    private static void AppendAccess(StringBuilder b, JsonPropertyModel property, string target)
    {
        if (property.AccessType is null)
        {
            b.Append(target).Append('.').Append(property.ClrName);
        }
        else
        {
            b.Append("((").Append(property.AccessType).Append(')').Append(target).Append(").").Append(property.ClrName);
        }
    }

    /// <summary>Whether an object writes any of its properties (and so needs their names).</summary>
    private static bool WritesAny(EquatableArray<JsonPropertyModel> properties) => properties.Any(static p => p.Write != PropertyWriteKind.Always);

    private static bool IsNumber(JsonKind kind) => JsonShapeCache.IsNumber(kind);

    private static string UnderlyingSuffix(JsonKind kind) => kind switch
    {
        JsonKind.Byte => "Byte",
        JsonKind.SByte => "SByte",
        JsonKind.Int16 => "Int16",
        JsonKind.UInt16 => "UInt16",
        JsonKind.UInt32 => "UInt32",
        JsonKind.Int64 => "Int64",
        JsonKind.UInt64 => "UInt64",
        _ => "Int32",
    };

    private static string UnderlyingName(JsonKind kind) => kind switch
    {
        JsonKind.Byte => "byte",
        JsonKind.SByte => "sbyte",
        JsonKind.Int16 => "short",
        JsonKind.UInt16 => "ushort",
        JsonKind.UInt32 => "uint",
        JsonKind.Int64 => "long",
        JsonKind.UInt64 => "ulong",
        _ => "int",
    };

    private static string Literal(string text) => Literals.Quote(text);

    private void Header(JsonTypeModel type)
    {
        _w.Line();
        _w.Line($"// {type.DisplayName}");
    }

    private void EmitNullable(JsonTypeModel type)
    {
        var inner = _types[type.Element];
        Header(type);
        _w.Line($"private static {type.TypeName} Read{type.Index}(ref {Reader} reader) => reader.TokenType == {TokenType}.Null ? null : {ReadExpression(inner.Index)};");
        _w.Line();
        _w.Open($"private static void Write{type.Index}({Writer} writer, {type.TypeName} value)");
        _w.Line($"if (value.HasValue) {WriteStatement(inner.Index, "value.GetValueOrDefault()")}");
        _w.Line("else writer.WriteNullValue();");
        _w.Close();
    }

    private void EmitList(JsonTypeModel type)
    {
        var element = _types[type.Element];
        var list = $"global::System.Collections.Generic.List<{type.ElementTypeName}>";
        var result = type.Kind == JsonKind.Array ? $"{type.ElementTypeName}[]" : list;
        Header(type);
        _w.Open($"private static {result}? Read{type.Index}(ref {Reader} reader)");
        _w.Line($"if ({Support}.IsNull(ref reader, {TokenType}.StartArray, {Literal(type.MessageName)})) return null;");
        _w.Line($"var list = new {list}();");
        _w.Line("var index = -1;");
        _w.Open("try");
        _w.Line($"while ({Support}.NextItem(ref reader, ref index)) list.Add({ReadExpression(element.Index)}{Bang(element.IsValueType)});");
        _w.Close();
        _w.Line($"catch (global::System.Exception exception) when ({Support}.AddIndex(exception, index)) {{ throw; }}");
        _w.Line(type.Kind == JsonKind.Array ? "return list.ToArray();" : "return list;");
        _w.Close();
        _w.Line();
        _w.Open($"private static void Write{type.Index}({Writer} writer, {type.TypeName}? value)");
        _w.Line($"if ({Support}.WriteNull(writer, value)) return;");
        _w.Line("writer.WriteStartArray();");
        _w.Open("foreach (var item in value)");
        if (ElementDepthCheck(type) is { } check)
        {
            _w.Line(check);
        }

        _w.Line($"{WriteStatement(element.Index, "item")}");
        _w.Close();
        _w.Line();
        _w.Line("writer.WriteEndArray();");
        _w.Close();
    }

    private void EmitDictionary(JsonTypeModel type)
    {
        var value = _types[type.Element];
        var dictionary = $"global::System.Collections.Generic.Dictionary<string, {type.ElementTypeName}>";
        Header(type);
        _w.Open($"private static {dictionary}? Read{type.Index}(ref {Reader} reader)");
        _w.Line($"if ({Support}.IsNull(ref reader, {TokenType}.StartObject, {Literal(type.MessageName)})) return null;");
        _w.Line($"var dictionary = new {dictionary}();");
        _w.Line("string? key = null;");
        _w.Open("try");
        _w.Line($"while ({Support}.NextEntry(ref reader, out key)) dictionary[key] = {ReadExpression(value.Index)}{Bang(value.IsValueType)};");
        _w.Close();
        _w.Line($"catch (global::System.Exception exception) when ({Support}.AddProperty(exception, key)) {{ throw; }}");
        _w.Line("return dictionary;");
        _w.Close();
        _w.Line();
        _w.Open($"private static void Write{type.Index}({Writer} writer, {type.TypeName}? value)");
        _w.Line($"if ({Support}.WriteNull(writer, value)) return;");
        _w.Line("writer.WriteStartObject();");
        _w.Open("foreach (var pair in value)");
        if (ElementDepthCheck(type) is { } check)
        {
            _w.Line(check);
        }

        _w.Line("writer.WritePropertyName(pair.Key);");
        _w.Line($"{WriteStatement(value.Index, "pair.Value")}");
        _w.Close();
        _w.Line();
        _w.Line("writer.WriteEndObject();");
        _w.Close();
    }

    private void EmitObject(JsonTypeModel type)
    {
        var model = type.Object!;
        var properties = model.Properties;
        var i = type.Index;
        Header(type);

        // The names of the written properties, in one declaration, and per-property converters. Each name is a field
        // of its own, not an element of one array: the JIT reads a static readonly field of an initialized class as a
        // constant, while an array element costs a load and a bounds check per property written (about a tenth of
        // the time to write 100 small objects, measured in table 3).
        if (WritesAny(properties))
        {
            _w.Line($"private static readonly {Stj}JsonEncodedText {new Code(this, NamesCode, i, item: properties)};");
        }

        for (var p = 0; p < properties.Count; p++)
        {
            var property = properties[p];
            if (property.Converter is not null)
            {
                var resolve = property.ConverterNullableUnderlying is { } underlying
                    ? $"ResolveNullableConverter<{underlying}>"
                    : $"ResolveConverter<{property.PropertyType}>";
                _w.Line($"private static readonly {Stj}Serialization.JsonConverter<{property.PropertyType}> s_converter{i}_{p} = {Support}.{resolve}(new {property.Converter}());");
            }
        }

        var readable = Enumerable.Range(0, properties.Count).Where(p => properties[p].Read != PropertyReadKind.None).ToList();
        if (readable.Count > 0)
        {
            var names = string.Join(", ", readable.Select(p => Literal(properties[p].JsonName)));
            _w.Line($"private static readonly {Inngest}JsonPropertyNames s_properties{i} = new({names});");
        }

        EmitObjectWrite(type);
        EmitObjectRead(type, readable);
    }

    private void EmitObjectWrite(JsonTypeModel type)
    {
        var properties = type.Object!.Properties;
        var i = type.Index;
        _w.Line();
        _w.Open($"private static void Write{i}({Writer} writer, {type.TypeName}{Q(type)} value)");
        if (!type.IsValueType)
        {
            _w.Line($"if ({Support}.WriteNull(writer, value)) return;");
        }

        EmitStartObject(properties);
        for (var p = 0; p < properties.Count; p++)
        {
            var property = properties[p];
            switch (property.Write)
            {
                case PropertyWriteKind.Always:
                    continue;
                case PropertyWriteKind.WhenNotNull when CanBeNull(property):
                case PropertyWriteKind.WhenNotDefault:
                    _w.Open($"if ({new Code(this, WritesValueCode, -1, item: property)})");
                    break;
                default:
                    WriteProperty(i, p, property);
                    continue;
            }

            WriteProperty(i, p, property);
            _w.Close();
        }

        _w.Line("writer.WriteEndObject();");
        _w.Close();
    }

    /// <summary>
    /// Writes property <paramref name="p"/>'s name and value: in one call for the values <c>Utf8JsonWriter</c> has such
    /// a call for (the same text as writing the name, then the value), in two for the others.
    /// </summary>
    private void WriteProperty(int i, int p, JsonPropertyModel property)
    {
        if (property.Converter is not null)
        {
            _w.Line($"writer.WritePropertyName(s_name{i}_{p});");
            _w.Line($"{Support}.WriteWithConverter(writer, {Access(property, "value")}, s_converter{i}_{p});");
            return;
        }

        var type = _types[property.Type];
        var call = type.Kind switch
        {
            JsonKind.Boolean => "WriteBoolean",
            JsonKind.Enum => "WriteNumber",
            var kind when IsNumber(kind) => "WriteNumber",
            JsonKind.String or JsonKind.Guid or JsonKind.DateTime or JsonKind.DateTimeOffset => "WriteString",
            _ => null,
        };
        if (call is null)
        {
            _w.Line($"writer.WritePropertyName(s_name{i}_{p});");
            _w.Line($"{WriteStatement(property.Type, "value", property)}");
        }
        else if (type.Kind == JsonKind.Enum)
        {
            _w.Line($"writer.{call}(s_name{i}_{p}, ({UnderlyingName(type.EnumUnderlying)}){Access(property, "value")});");
        }
        else
        {
            _w.Line($"writer.{call}(s_name{i}_{p}, {Access(property, "value")});");
        }
    }

    /// <summary>
    /// System.Text.Json refuses to write any value, other than a null property, at its maximum depth (it reports a
    /// possible cycle). An object at that depth fails as soon as one of its properties writes a value; deeper
    /// containers never start, since their parent fails first. <c>JsonSupport.StartObject</c> starts the object and
    /// checks its depth when some property is always written.
    /// </summary>
    private void EmitStartObject(EquatableArray<JsonPropertyModel> properties)
    {
        var conditions = 0;
        foreach (var property in properties)
        {
            if (property.Write == PropertyWriteKind.Always)
            {
                continue;
            }

            if (property.Write != PropertyWriteKind.WhenNotDefault && !CanBeNull(property))
            {
                _w.Line($"{Support}.StartObject(writer);");
                return;
            }

            conditions++;
        }

        _w.Line("writer.WriteStartObject();");
        if (conditions > 0)
        {
            _w.Line($"if (writer.CurrentDepth >= {Support}.MaxDepth && ({new Code(this, GuardCode, -1, item: properties)})) throw {Support}.DepthExceeded();");
        }
    }

    /// <summary>The conditions under which an object's properties write a value, joined by <c>||</c>.</summary>
    private void AppendGuardConditions(StringBuilder b, EquatableArray<JsonPropertyModel> properties)
    {
        var first = true;
        foreach (var property in properties)
        {
            if (property.Write == PropertyWriteKind.Always)
            {
                continue;
            }

            if (!first)
            {
                b.Append(" || ");
            }

            first = false;
            AppendWritesValue(b, property);
        }
    }

    /// <summary>
    /// When a property that is not always written writes a value: when it is not the default (WhenWritingDefault), else
    /// when it is not null (WhenWritingNull, and a null property, which even the maximum depth lets through).
    /// </summary>
    private static void AppendWritesValue(StringBuilder b, JsonPropertyModel property)
    {
        if (property.Write == PropertyWriteKind.WhenNotDefault)
        {
            b.Append("!global::System.Collections.Generic.EqualityComparer<").Append(property.PropertyType).Append(">.Default.Equals(");
            AppendAccess(b, property, "value");
            b.Append(", default!)");
        }
        else
        {
            AppendAccess(b, property, "value");
            b.Append(" is not null");
        }
    }

    /// <summary>
    /// The depth check before each element of a collection, or null. System.Text.Json checks every element, except
    /// in its fast path for <c>List&lt;T&gt;</c>, arrays and <c>Dictionary&lt;string, T&gt;</c> whose elements have a
    /// built-in converter that is not for a number (numbers take the slow path under web defaults' number handling).
    /// </summary>
    private string? ElementDepthCheck(JsonTypeModel collection)
    {
        var concrete = collection.Kind == JsonKind.Array
            || collection.TypeName.StartsWith("global::System.Collections.Generic.List<", System.StringComparison.Ordinal)
            || collection.TypeName.StartsWith("global::System.Collections.Generic.Dictionary<", System.StringComparison.Ordinal);
        var element = _types[collection.Element];
        if (element.Kind == JsonKind.Nullable)
        {
            element = _types[element.Element];
        }

        if (!concrete)
        {
            return $"{Support}.CheckDepth(writer);";
        }

        return element.Kind switch
        {
            JsonKind.Converter => $"{Support}.CheckDepth(writer, s_converter{element.Index});",
            JsonKind.Boolean or JsonKind.Char or JsonKind.String or JsonKind.Guid or JsonKind.DateTime or JsonKind.DateTimeOffset
                or JsonKind.DateOnly or JsonKind.TimeOnly or JsonKind.TimeSpan or JsonKind.Uri or JsonKind.JsonElement
                or JsonKind.Base64Bytes or JsonKind.Enum => null,
            _ => $"{Support}.CheckDepth(writer);",
        };
    }

    private bool CanBeNull(JsonPropertyModel property)
        => !property.PropertyIsValueType || IsNullableValue(property) || property.ConverterNullableUnderlying is not null;

    /// <summary>Whether reading must remember that the JSON had the property (to set it, or to check it is there).</summary>
    private static bool NeedsPresence(JsonPropertyModel property)
        => property.IsRequired || property.Read is PropertyReadKind.Setter or PropertyReadKind.InitAccessor;

    private bool IsNullableValue(JsonPropertyModel property)
        => property.Type >= 0 && _types[property.Type].Kind == JsonKind.Nullable;

    private void EmitObjectRead(JsonTypeModel type, List<int> readable)
    {
        var model = type.Object!;
        var properties = model.Properties;
        var i = type.Index;
        _w.Line();
        _w.Open($"private static {type.TypeName}{Q(type)} Read{i}(ref {Reader} reader)");
        if (!model.HasConstructor)
        {
            _w.Line($"throw {Support}.NoConstructor({Literal(type.MessageName)});");
            _w.Close();
            return;
        }

        _w.Line(type.IsValueType
            ? $"{Support}.Expect(ref reader, {TokenType}.StartObject, {Literal(type.MessageName)});"
            : $"if ({Support}.IsNull(ref reader, {TokenType}.StartObject, {Literal(type.MessageName)})) return null;");

        // One local and one presence flag per readable property; constructor parameters start at their defaults.
        var defaults = new Dictionary<int, string>();
        foreach (var argument in model.ConstructorArguments)
        {
            if (argument.Property >= 0)
            {
                defaults[argument.Property] = argument.DefaultValue;
            }
        }

        foreach (var p in readable)
        {
            var property = properties[p];
            var initial = defaults.TryGetValue(p, out var d) ? d : "default";
            _w.Line($"{property.PropertyType}{(property.PropertyIsValueType ? string.Empty : "?")} v{p} = {initial};");
            if (NeedsPresence(property))
            {
                _w.Line($"var has{p} = false;");
            }
        }

        _w.Line("string? property = null;");
        _w.Open("try");
        if (readable.Count == 0)
        {
            _w.Line($"while ({Inngest}JsonPropertyNames.None.Next(ref reader, out _, out property)) reader.Skip();");
        }
        else
        {
            _w.Open($"while (s_properties{i}.Next(ref reader, out var match, out property))");
            _w.Open("switch (match)");
            for (var m = 0; m < readable.Count; m++)
            {
                var p = readable[m];
                var property = properties[p];
                var presence = NeedsPresence(property) ? $" has{p} = true;" : string.Empty;
                if (property.Converter is not null)
                {
                    _w.Line($"case {m}: v{p} = {Support}.ReadWithConverter(ref reader, s_converter{i}_{p});{presence} break;");
                }
                else
                {
                    _w.Line($"case {m}: v{p} = {ReadExpression(property.Type)};{presence} break;");
                }
            }

            _w.Line("default: reader.Skip(); break;");
            _w.Close();
            _w.Close();
        }

        _w.Close();
        _w.Line($"catch (global::System.Exception exception) when ({Support}.AddProperty(exception, property)) {{ throw; }}");
        _w.Line();

        var required = readable.Where(p => properties[p].IsRequired).ToList();
        if (required.Count > 0)
        {
            _w.Open($"if ({string.Join(" || ", required.Select(p => $"!has{p}"))})");
            var missing = string.Join(", ", required.Select(p => $"has{p} ? null : {Literal(properties[p].JsonName)}"));
            _w.Line($"throw {Support}.MissingRequired({Literal(type.MessageName)}, {missing});");
            _w.Close();
        }

        var arguments = string.Join(", ", model.ConstructorArguments.Select(a => a.Property >= 0
            ? $"v{a.Property}{Bang(properties[a.Property].PropertyIsValueType)}"
            : a.DefaultValue));
        var initializers = readable.Where(p => properties[p].Read == PropertyReadKind.Initializer).ToList();
        if (initializers.Count == 0 && !readable.Any(p => properties[p].Read is PropertyReadKind.Setter or PropertyReadKind.InitAccessor))
        {
            _w.Line($"return new {type.TypeName}({arguments});");
            _w.Close();
            return;
        }

        if (initializers.Count == 0)
        {
            _w.Line($"var result = new {type.TypeName}({arguments});");
        }
        else
        {
            _w.Line($"var result = new {type.TypeName}({arguments})");
            _w.Line("{");
            _w.Indent++;
            foreach (var p in initializers)
            {
                _w.Line($"{properties[p].ClrName} = v{p}{Bang(properties[p].PropertyIsValueType)},");
            }

            _w.Indent--;
            _w.Line("};");
        }

        foreach (var p in readable)
        {
            var property = properties[p];
            if (property.Read == PropertyReadKind.Setter)
            {
                _w.Line($"if (has{p}) {Access(property, "result")} = v{p}{Bang(property.PropertyIsValueType)};");
            }
            else if (property.Read == PropertyReadKind.InitAccessor)
            {
                var value = $"v{p}{Bang(property.PropertyIsValueType)}";
                _w.Line(property.Init!.Style switch
                {
                    InitAccessorStyle.With => $"if (has{p}) result = result with {{ {property.ClrName} = {value} }};",
                    InitAccessorStyle.GenericUnsafeAccessor => $"if (has{p}) Init{i}_{p}<{property.Init.TypeArguments}>.Set(result, {value});",
                    _ => $"if (has{p}) Init{i}_{p}({(type.IsValueType ? "ref " : string.Empty)}result, {value});",
                });
            }
        }

        _w.Line("return result;");
        _w.Close();

        // Init-only setters can be called only from object initializers; an UnsafeAccessor reaches them without
        // reflection, so a value missing from the JSON keeps the property's own initial value, as System.Text.Json does.
        foreach (var p in readable)
        {
            var property = properties[p];
            if (property.Init?.Style == InitAccessorStyle.UnsafeAccessor)
            {
                _w.Line();
                InitAccessorAttribute(property);
                var target = property.DeclaringIsValueType ? $"ref {property.DeclaringType}" : property.DeclaringType;
                _w.Line($"private static extern void Init{i}_{p}({target} target, {property.PropertyType} value);");
            }
            else if (property.Init?.Style == InitAccessorStyle.GenericUnsafeAccessor)
            {
                // An UnsafeAccessor for a member of a generic type must be declared in a generic type of its own.
                _w.Line();
                _w.Open($"private static class Init{i}_{p}<{property.Init.TypeParameters}>");
                InitAccessorAttribute(property);
                _w.Line($"public static extern void Set({property.Init.TargetDefinition} target, {property.Init.ValueType} value);");
                _w.Close();
            }
        }
    }

    private void InitAccessorAttribute(JsonPropertyModel property)
        => _w.Line($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = {Literal(property.SetterName)})]");
}
