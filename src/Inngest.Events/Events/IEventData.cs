using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events;

/// <summary>
/// Implemented by the source generator on every <see cref="EventAttribute"/> type: the event's name, version,
/// default dedup id and a JSON serializer written as plain <c>Utf8JsonWriter</c>/<c>Utf8JsonReader</c> code.
/// </summary>
/// <typeparam name="TSelf">The event data type itself.</typeparam>
public interface IEventData<TSelf> where TSelf : IEventData<TSelf>
{
    /// <summary>The Inngest event name, from <see cref="EventAttribute.Name"/>.</summary>
    static abstract string EventName { get; }

    /// <summary>
    /// Serialization metadata whose converter is generated code. <c>JsonSerializer.Serialize(value, JsonTypeInfo)</c>
    /// writes exactly what System.Text.Json writes with <c>JsonSerializerDefaults.Web</c>; reading is the same with
    /// strict numbers (a JSON string is not read as a number unless the member or type has
    /// <c>[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]</c>).
    /// </summary>
    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    /// <summary>The event's schema version (<see cref="EventAttribute.Version"/>), or <see langword="null"/>.</summary>
    static abstract string? EventVersion { get; }

    /// <summary>
    /// The dedup id made from <see cref="EventAttribute.Id"/> for <paramref name="data"/>, or <see langword="null"/>
    /// when the type declares no template.
    /// </summary>
    static abstract string? CreateDefaultId(TSelf data);
}
