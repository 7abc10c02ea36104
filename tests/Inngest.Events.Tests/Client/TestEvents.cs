// Event types for the client tests. Ordinary ones are [Event] records. The rest implement IEventData<T> by hand, with
// a System.Text.Json source-generated context: CountedThing because it needs a counting converter, and ReservedThing
// and NamelessThing because their names are ones the analyzers are meant to reject at compile time, while these tests
// check that the client rejects them at run time too.
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events.Tests.Client;

/// <summary>A plain event: no version, no id template.</summary>
[Event("test/thing.happened")]
internal sealed partial record ThingHappened(string ThingId, int Count);

/// <summary>An event with a version and a dedup-id template.</summary>
[Event("test/thing.versioned", Version = "2024-01-01.1", Id = "thing-{ThingId}")]
internal sealed partial record VersionedThing(string ThingId);

/// <summary>An event whose size the test controls through <see cref="Payload"/>.</summary>
[Event("test/blob.stored")]
internal sealed partial record BlobStored(string Payload)
{
    /// <summary>An event whose serialized envelope is exactly <paramref name="size"/> bytes.</summary>
    public static Event<BlobStored> OfSize(int size)
    {
        // {"name":"test/blob.stored","data":{"payload":""}} is 49 bytes before the payload.
        const int overhead = 49;
        return new Event<BlobStored>(new BlobStored(new string('x', size - overhead)));
    }
}

/// <summary>An event that counts how often it is serialized.</summary>
[JsonConverter(typeof(CountedThingConverter))]
internal sealed record CountedThing(int Number, SerializationCounter Counter) : IEventData<CountedThing>
{
    public static string EventName => "test/thing.counted";

    public static JsonTypeInfo<CountedThing> JsonTypeInfo => TestEventsJsonContext.Default.CountedThing;

    public static string? EventVersion => null;

    public static string? CreateDefaultId(CountedThing data) => null;
}

internal sealed class SerializationCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}

internal sealed class CountedThingConverter : JsonConverter<CountedThing>
{
    public override CountedThing Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, CountedThing value, JsonSerializerOptions options)
    {
        value.Counter.Increment();
        writer.WriteStartObject();
        writer.WriteNumber("number", value.Number);
        writer.WriteEndObject();
    }
}

/// <summary>An event in Inngest's reserved namespace, in mixed case (the check ignores case).</summary>
internal sealed record ReservedThing(int Number) : IEventData<ReservedThing>
{
    public static string EventName => "Inngest/function.finished";

    public static JsonTypeInfo<ReservedThing> JsonTypeInfo => TestEventsJsonContext.Default.ReservedThing;

    public static string? EventVersion => null;

    public static string? CreateDefaultId(ReservedThing data) => null;
}

/// <summary>An event with an empty name.</summary>
internal sealed record NamelessThing(int Number) : IEventData<NamelessThing>
{
    public static string EventName => string.Empty;

    public static JsonTypeInfo<NamelessThing> JsonTypeInfo => TestEventsJsonContext.Default.NamelessThing;

    public static string? EventVersion => null;

    public static string? CreateDefaultId(NamelessThing data) => null;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CountedThing))]
[JsonSerializable(typeof(ReservedThing))]
[JsonSerializable(typeof(NamelessThing))]
internal sealed partial class TestEventsJsonContext : JsonSerializerContext;
