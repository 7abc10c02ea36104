using System.Text.Json.Serialization;

namespace Inngest.Events;

/// <summary>
/// Serialization of the system-event parts that are not events themselves (the events have their generated
/// <see cref="IEventData{TSelf}.JsonTypeInfo"/>): the same attributes decide the JSON, without reflection.
/// </summary>
[JsonSerializable(typeof(FunctionError))]
[JsonSerializable(typeof(FunctionInvokedMetadata))]
internal sealed partial class SystemEventJson : JsonSerializerContext;
