using System.Collections.Generic;
using System.Linq;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// Writes the reader and writer methods of a set of <see cref="JsonTypeModel"/>s: one <c>WriteN</c>/<c>ReadN</c> pair
/// per composite type, with primitives inlined. Index 0 is the root.
/// </summary>
internal sealed class JsonEmitter
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
        _w.Open($"private sealed class Converter : {Stj}Serialization.JsonConverter<{rootType}>");
        _w.Open($"public override {rootType}{Q(root)} Read(ref {Reader} reader, global::System.Type typeToConvert, {Stj}JsonSerializerOptions options)");
        _w.Open("try");
        _w.Line($"return {ReadExpression(0)};");
        _w.Close();
        _w.Open($"catch (global::System.Exception exception) when ({Support}.NeedsPath(exception))");
        _w.Line($"throw {Support}.WithPath(exception);");
        _w.Close();
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

    /// <summary>An expression that reads a value of type <paramref name="index"/> at the reader's current token.</summary>
    private string ReadExpression(int index)
    {
        var type = _types[index];
        return type.Kind switch
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
            JsonKind.Enum => $"({type.TypeName}){Support}.ReadEnum{type.EnumUnderlying}(ref reader, {Literal(type.MessageName)})",
            JsonKind.Converter => $"{Support}.ReadWithConverter(ref reader, s_converter{index})",
            _ => $"Read{index}(ref reader)",
        };
    }

    /// <summary>A statement that writes <paramref name="value"/>, of type <paramref name="index"/>.</summary>
    private string WriteStatement(int index, string value)
    {
        var type = _types[index];
        return type.Kind switch
        {
            JsonKind.Boolean => $"writer.WriteBooleanValue({value});",
            JsonKind.Byte or JsonKind.SByte or JsonKind.Int16 or JsonKind.UInt16 or JsonKind.Int32 or JsonKind.UInt32
                or JsonKind.Int64 or JsonKind.UInt64 or JsonKind.Single or JsonKind.Double or JsonKind.Decimal => $"writer.WriteNumberValue({value});",
            JsonKind.Char => $"{Support}.WriteChar(writer, {value});",
            JsonKind.String => $"{Support}.WriteString(writer, {value});",
            JsonKind.Guid or JsonKind.DateTime or JsonKind.DateTimeOffset => $"writer.WriteStringValue({value});",
            JsonKind.DateOnly => $"{Support}.WriteDateOnly(writer, {value});",
            JsonKind.TimeOnly => $"{Support}.WriteTimeOnly(writer, {value});",
            JsonKind.TimeSpan => $"{Support}.WriteTimeSpan(writer, {value});",
            JsonKind.Uri => $"{Support}.WriteUri(writer, {value});",
            JsonKind.JsonElement => $"{value}.WriteTo(writer);",
            JsonKind.Base64Bytes => $"{Support}.WriteBase64(writer, {value});",
            JsonKind.Enum => $"writer.WriteNumberValue(({UnderlyingName(type.EnumUnderlying)}){value});",
            JsonKind.Converter => $"{Support}.WriteWithConverter(writer, {value}, s_converter{index});",
            _ => $"Write{index}(writer, {value});",
        };
    }

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
        _w.Open("if (value.HasValue)");
        _w.Line(WriteStatement(inner.Index, "value.GetValueOrDefault()"));
        _w.Close();
        _w.Open("else");
        _w.Line("writer.WriteNullValue();");
        _w.Close();
        _w.Close();
    }

    private void EmitList(JsonTypeModel type)
    {
        var element = _types[type.Element];
        var list = $"global::System.Collections.Generic.List<{type.ElementTypeName}>";
        var result = type.Kind == JsonKind.Array ? $"{type.ElementTypeName}[]" : list;
        Header(type);
        _w.Open($"private static {result}? Read{type.Index}(ref {Reader} reader)");
        _w.Open($"if (reader.TokenType == {TokenType}.Null)");
        _w.Line("return null;");
        _w.Close();
        _w.Line();
        _w.Line($"{Support}.Expect(ref reader, {TokenType}.StartArray, {Literal(type.MessageName)});");
        _w.Line($"var list = new {list}();");
        _w.Line("var index = -1;");
        _w.Open("try");
        _w.Open("while (true)");

        // As in System.Text.Json's paths, the index is the number of elements read so far, even between elements.
        _w.Line("index++;");
        _w.Line($"{Support}.Next(ref reader);");
        _w.Open($"if (reader.TokenType == {TokenType}.EndArray)");
        _w.Line("break;");
        _w.Close();
        _w.Line();
        _w.Line($"list.Add({ReadExpression(element.Index)}{Bang(element.IsValueType)});");
        _w.Close();
        _w.Close();
        _w.Open($"catch (global::System.Exception exception) when ({Support}.AddIndex(exception, index))");
        _w.Line("throw;");
        _w.Close();
        _w.Line();
        _w.Line(type.Kind == JsonKind.Array ? "return list.ToArray();" : "return list;");
        _w.Close();
        _w.Line();
        _w.Open($"private static void Write{type.Index}({Writer} writer, {type.TypeName}? value)");
        _w.Open("if (value is null)");
        _w.Line("writer.WriteNullValue();");
        _w.Line("return;");
        _w.Close();
        _w.Line();
        _w.Line("writer.WriteStartArray();");
        _w.Open("foreach (var item in value)");
        if (ElementDepthCheck(type) is { } check)
        {
            _w.Line(check);
        }

        _w.Line(WriteStatement(element.Index, "item"));
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
        _w.Open($"if (reader.TokenType == {TokenType}.Null)");
        _w.Line("return null;");
        _w.Close();
        _w.Line();
        _w.Line($"{Support}.Expect(ref reader, {TokenType}.StartObject, {Literal(type.MessageName)});");
        _w.Line($"var dictionary = new {dictionary}();");
        _w.Line("string? key = null;");
        _w.Open("try");
        _w.Open("while (true)");
        _w.Line("key = null;");
        _w.Line($"{Support}.Next(ref reader);");
        _w.Open($"if (reader.TokenType == {TokenType}.EndObject)");
        _w.Line("break;");
        _w.Close();
        _w.Line();
        _w.Line("key = reader.GetString()!;");
        _w.Line($"{Support}.Next(ref reader);");
        _w.Line($"dictionary[key] = {ReadExpression(value.Index)}{Bang(value.IsValueType)};");
        _w.Close();
        _w.Close();
        _w.Open($"catch (global::System.Exception exception) when ({Support}.AddProperty(exception, key))");
        _w.Line("throw;");
        _w.Close();
        _w.Line();
        _w.Line("return dictionary;");
        _w.Close();
        _w.Line();
        _w.Open($"private static void Write{type.Index}({Writer} writer, {type.TypeName}? value)");
        _w.Open("if (value is null)");
        _w.Line("writer.WriteNullValue();");
        _w.Line("return;");
        _w.Close();
        _w.Line();
        _w.Line("writer.WriteStartObject();");
        _w.Open("foreach (var pair in value)");
        if (ElementDepthCheck(type) is { } check)
        {
            _w.Line(check);
        }

        _w.Line("writer.WritePropertyName(pair.Key);");
        _w.Line(WriteStatement(value.Index, "pair.Value"));
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

        // Names and per-property converters.
        for (var p = 0; p < properties.Count; p++)
        {
            var property = properties[p];
            if (property.Write != PropertyWriteKind.Always)
            {
                _w.Line($"private static readonly {Stj}JsonEncodedText s_name{i}_{p} = {Stj}JsonEncodedText.Encode({Literal(property.JsonName)});");
            }

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
            _w.Open("if (value is null)");
            _w.Line("writer.WriteNullValue();");
            _w.Line("return;");
            _w.Close();
            _w.Line();
        }

        _w.Line("writer.WriteStartObject();");
        EmitDepthGuard(properties);
        for (var p = 0; p < properties.Count; p++)
        {
            var property = properties[p];
            var access = Access(property, "value");
            var write = property.Converter is not null
                ? $"{Support}.WriteWithConverter(writer, {access}, s_converter{i}_{p});"
                : WriteStatement(property.Type, access);
            switch (property.Write)
            {
                case PropertyWriteKind.Always:
                    continue;
                case PropertyWriteKind.WhenNotNull when CanBeNull(property):
                    _w.Open($"if ({access} is not null)");
                    break;
                case PropertyWriteKind.WhenNotDefault:
                    _w.Open($"if ({NotDefault(property, access)})");
                    break;
                default:
                    _w.Line($"writer.WritePropertyName(s_name{i}_{p});");
                    _w.Line(write);
                    continue;
            }

            _w.Line($"writer.WritePropertyName(s_name{i}_{p});");
            _w.Line(write);
            _w.Close();
        }

        _w.Line("writer.WriteEndObject();");
        _w.Close();
    }

    /// <summary>
    /// System.Text.Json refuses to write any value, other than a null property, at its maximum depth (it reports a
    /// possible cycle). An object at that depth fails as soon as one of its properties writes a value; deeper
    /// containers never start, since their parent fails first.
    /// </summary>
    private void EmitDepthGuard(EquatableArray<JsonPropertyModel> properties)
    {
        var conditions = new List<string>();
        foreach (var property in properties)
        {
            var access = Access(property, "value");
            if (property.Write == PropertyWriteKind.Always)
            {
                continue;
            }

            conditions.Add(property.Write == PropertyWriteKind.WhenNotDefault
                ? NotDefault(property, access)
                : CanBeNull(property) ? $"{access} is not null" : "true");
        }

        if (conditions.Count == 0)
        {
            return;
        }

        var guard = conditions.Contains("true")
            ? $"writer.CurrentDepth >= {Support}.MaxDepth"
            : $"writer.CurrentDepth >= {Support}.MaxDepth && ({string.Join(" || ", conditions)})";
        _w.Open($"if ({guard})");
        _w.Line($"throw {Support}.DepthExceeded();");
        _w.Close();
        _w.Line();
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

    /// <summary>Member access to <paramref name="property"/> on <paramref name="target"/>, through its declaring type when hidden.</summary>
    private static string Access(JsonPropertyModel property, string target)
        => property.AccessType is null ? $"{target}.{property.ClrName}" : $"(({property.AccessType}){target}).{property.ClrName}";

    private static string NotDefault(JsonPropertyModel property, string access)
        => $"!global::System.Collections.Generic.EqualityComparer<{property.PropertyType}>.Default.Equals({access}, default!)";

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

        if (!type.IsValueType)
        {
            _w.Open($"if (reader.TokenType == {TokenType}.Null)");
            _w.Line("return null;");
            _w.Close();
            _w.Line();
        }

        _w.Line($"{Support}.Expect(ref reader, {TokenType}.StartObject, {Literal(type.MessageName)});");

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
        _w.Open("while (true)");
        _w.Line("property = null;");
        _w.Line($"{Support}.Next(ref reader);");
        _w.Open($"if (reader.TokenType == {TokenType}.EndObject)");
        _w.Line("break;");
        _w.Close();
        _w.Line();
        if (readable.Count == 0)
        {
            _w.Line($"property = {Support}.PropertyName(ref reader);");
            _w.Line($"{Support}.Next(ref reader);");
            _w.Line("reader.Skip();");
        }
        else
        {
            _w.Line($"var match = s_properties{i}.Match(ref reader, out property);");
            _w.Line($"{Support}.Next(ref reader);");
            _w.Open("switch (match)");
            for (var m = 0; m < readable.Count; m++)
            {
                var p = readable[m];
                var property = properties[p];
                var read = property.Converter is not null
                    ? $"{Support}.ReadWithConverter(ref reader, s_converter{i}_{p})"
                    : ReadExpression(property.Type);
                _w.Line($"case {m}:");
                _w.Indent++;
                _w.Line($"v{p} = {read};");
                if (NeedsPresence(property))
                {
                    _w.Line($"has{p} = true;");
                }

                _w.Line("break;");
                _w.Indent--;
            }

            _w.Line("default:");
            _w.Indent++;
            _w.Line("reader.Skip();");
            _w.Line("break;");
            _w.Indent--;
            _w.Close();
        }

        _w.Close();
        _w.Close();
        _w.Open($"catch (global::System.Exception exception) when ({Support}.AddProperty(exception, property))");
        _w.Line("throw;");
        _w.Close();

        var required = readable.Where(p => properties[p].IsRequired).ToList();
        if (required.Count > 0)
        {
            _w.Line();
            _w.Open($"if ({string.Join(" || ", required.Select(p => $"!has{p}"))})");
            var missing = string.Join(", ", required.Select(p => $"has{p} ? null : {Literal(properties[p].JsonName)}"));
            _w.Line($"throw {Support}.MissingRequired({Literal(type.MessageName)}, {missing});");
            _w.Close();
        }

        _w.Line();
        var arguments = string.Join(", ", model.ConstructorArguments.Select(a => a.Property >= 0
            ? $"v{a.Property}{Bang(properties[a.Property].PropertyIsValueType)}"
            : a.DefaultValue));
        var initializers = readable.Where(p => properties[p].Read == PropertyReadKind.Initializer).ToList();
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
                _w.Open($"if (has{p})");
                _w.Line($"{Access(property, "result")} = v{p}{Bang(property.PropertyIsValueType)};");
                _w.Close();
            }
            else if (property.Read == PropertyReadKind.InitAccessor)
            {
                var value = $"v{p}{Bang(property.PropertyIsValueType)}";
                _w.Open($"if (has{p})");
                _w.Line(property.Init!.Style switch
                {
                    InitAccessorStyle.With => $"result = result with {{ {property.ClrName} = {value} }};",
                    InitAccessorStyle.GenericUnsafeAccessor => $"Init{i}_{p}<{property.Init.TypeArguments}>.Set(result, {value});",
                    _ => $"Init{i}_{p}({(type.IsValueType ? "ref " : string.Empty)}result, {value});",
                });
                _w.Close();
            }
        }

        _w.Line();
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
