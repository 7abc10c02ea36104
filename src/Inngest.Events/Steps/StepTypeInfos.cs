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
    private static readonly Dictionary<Type, JsonTypeInfo> BuiltIn = new()
    {
        [typeof(string)] = Create(JsonMetadataServices.StringConverter),
        [typeof(bool)] = Create(JsonMetadataServices.BooleanConverter),
        [typeof(int)] = Create(JsonMetadataServices.Int32Converter),
        [typeof(long)] = Create(JsonMetadataServices.Int64Converter),
        [typeof(short)] = Create(JsonMetadataServices.Int16Converter),
        [typeof(byte)] = Create(JsonMetadataServices.ByteConverter),
        [typeof(uint)] = Create(JsonMetadataServices.UInt32Converter),
        [typeof(ulong)] = Create(JsonMetadataServices.UInt64Converter),
        [typeof(float)] = Create(JsonMetadataServices.SingleConverter),
        [typeof(double)] = Create(JsonMetadataServices.DoubleConverter),
        [typeof(decimal)] = Create(JsonMetadataServices.DecimalConverter),
        [typeof(Guid)] = Create(JsonMetadataServices.GuidConverter),
        [typeof(DateTime)] = Create(JsonMetadataServices.DateTimeConverter),
        [typeof(DateTimeOffset)] = Create(JsonMetadataServices.DateTimeOffsetConverter),
        [typeof(TimeSpan)] = Create(JsonMetadataServices.TimeSpanConverter),
        [typeof(JsonElement)] = Create(JsonMetadataServices.JsonElementConverter),
        [typeof(Uri)] = Create(JsonMetadataServices.UriConverter),
    };

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
