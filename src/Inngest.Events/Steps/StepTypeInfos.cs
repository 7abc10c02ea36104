using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inngest.Events.SourceGeneration;

namespace Inngest.Events;

/// <summary>
/// Finds the JSON metadata of a step's result type without reflection: common framework types here, everything
/// else from the generated registry (the generator reads the <c>RunAsync&lt;T&gt;</c> and <c>InvokeAsync</c> calls of
/// every method with an <c>IStepTools</c> parameter, field or property).
/// </summary>
internal static class StepTypeInfos
{
    private static readonly Dictionary<Type, JsonTypeInfo> BuiltIn = CreateBuiltIn();

    /// <summary>
    /// The framework types, and <see cref="Nullable{T}"/> of each value type among them (the generator's
    /// <c>RuntimeStepTypes</c> lists the same, and emits no metadata for them).
    /// </summary>
    private static Dictionary<Type, JsonTypeInfo> CreateBuiltIn()
    {
        var types = new Dictionary<Type, JsonTypeInfo>
        {
            [typeof(string)] = Create(JsonMetadataServices.StringConverter),
            [typeof(Uri)] = Create(JsonMetadataServices.UriConverter),
        };
        AddValue(types, JsonMetadataServices.BooleanConverter);
        AddValue(types, JsonMetadataServices.Int32Converter);
        AddValue(types, JsonMetadataServices.Int64Converter);
        AddValue(types, JsonMetadataServices.Int16Converter);
        AddValue(types, JsonMetadataServices.ByteConverter);
        AddValue(types, JsonMetadataServices.UInt32Converter);
        AddValue(types, JsonMetadataServices.UInt64Converter);
        AddValue(types, JsonMetadataServices.SingleConverter);
        AddValue(types, JsonMetadataServices.DoubleConverter);
        AddValue(types, JsonMetadataServices.DecimalConverter);
        AddValue(types, JsonMetadataServices.GuidConverter);
        AddValue(types, JsonMetadataServices.DateTimeConverter);
        AddValue(types, JsonMetadataServices.DateTimeOffsetConverter);
        AddValue(types, JsonMetadataServices.TimeSpanConverter);
        AddValue(types, JsonMetadataServices.JsonElementConverter);
        return types;
    }

    private static void AddValue<T>(Dictionary<Type, JsonTypeInfo> types, System.Text.Json.Serialization.JsonConverter<T> converter)
        where T : struct
    {
        var info = Create(converter);
        types[typeof(T)] = info;
        types[typeof(T?)] = Create(new NullableValueConverter<T>(info));
    }

    private static JsonTypeInfo<T> Create<T>(System.Text.Json.Serialization.JsonConverter<T> converter)
        => JsonSupport.CreateTypeInfo(converter);

    public static JsonTypeInfo<T> Get<T>(IJsonTypeInfoResolver? resolver, string stepId)
    {
        if (BuiltIn.TryGetValue(typeof(T), out var info) || (resolver?.GetTypeInfo(typeof(T), JsonSupport.Options) is { } found && (info = found) is not null))
        {
            return (JsonTypeInfo<T>)info;
        }

        throw new InvalidOperationException(
            $"No JSON serializer is known for '{typeof(T)}', the result type of step '{stepId}'. The Inngest.Events generator emits one for every type used " +
            "at the RunAsync<T> and InvokeAsync<..., T> calls of methods that take an IStepTools parameter (or whose type has an IStepTools field or property), " +
            "and for function returns, in an assembly with [InngestFunction] methods; make sure the call is in such a method of such an assembly, " +
            "or use an [Event] type or a framework primitive.");
    }

    public static JsonElement ToElement<T>(T value, JsonTypeInfo<T> info)
        => JsonSerializer.SerializeToElement(value, info);
}
