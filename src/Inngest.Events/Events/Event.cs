using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events;

/// <summary>
/// The envelope of an Inngest event: its typed <see cref="Data"/> plus the optional <see cref="InngestEvent.Id"/>
/// (dedup), <see cref="InngestEvent.Ts"/> (when it happened; unix milliseconds on the wire) and
/// <see cref="InngestEvent.V"/> (schema version). The name comes from the data type's <see cref="EventAttribute"/>.
/// </summary>
/// <typeparam name="TData">An <see cref="EventAttribute"/> type.</typeparam>
public sealed record Event<TData> : InngestEvent where TData : IEventData<TData>
{
    /// <summary>Creates an envelope for <paramref name="data"/>.</summary>
    public Event(TData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    /// <summary>The event name, <c>TData.EventName</c>.</summary>
    public override string Name => TData.EventName;

    /// <summary>The event's data.</summary>
    public TData Data { get; init; }

    internal override string? EffectiveId => Id ?? TData.CreateDefaultId(Data);

    internal override string? EffectiveVersion => V ?? TData.EventVersion;

    internal override void WriteData(Utf8JsonWriter writer)
    {
        var info = TData.JsonTypeInfo;

        // The generated type info wraps a value converter; calling it directly skips what JsonSerializer adds around a
        // root value (a write state, and a Flush of the writer after every event of a batch). Any other type info (a
        // hand-written IEventData over a JsonSerializerContext, say) goes through JsonSerializer as before.
        if (info.Kind == JsonTypeInfoKind.None && info.Converter is JsonConverter<TData> converter)
        {
            converter.Write(writer, Data, info.Options);
        }
        else
        {
            JsonSerializer.Serialize(writer, Data, info);
        }
    }
}
