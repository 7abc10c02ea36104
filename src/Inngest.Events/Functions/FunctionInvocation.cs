using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events;

/// <summary>
/// Everything a <see cref="FunctionHandler"/> gets for one call: the triggering event(s), step tools, context and
/// services. Generated handlers turn it into the user method's parameters.
/// </summary>
public sealed class FunctionInvocation
{
    private readonly IJsonTypeInfoResolver? _types;

    internal FunctionInvocation(JsonElement evt, IReadOnlyList<JsonElement> events, IStepTools steps, FunctionContext context, IServiceProvider services, IJsonTypeInfoResolver? types, CancellationToken cancellationToken)
    {
        Event = evt;
        Events = events;
        Steps = steps;
        Context = context;
        Services = services;
        _types = types;
        CancellationToken = cancellationToken;
    }

    /// <summary>The first triggering event, as received.</summary>
    public JsonElement Event { get; }

    /// <summary>All triggering events, as received.</summary>
    public IReadOnlyList<JsonElement> Events { get; }

    /// <summary>The step tools of this call.</summary>
    public IStepTools Steps { get; }

    /// <summary>The run's context.</summary>
    public FunctionContext Context { get; }

    /// <summary>Services for the call (a scope of the app's container).</summary>
    public IServiceProvider Services { get; }

    /// <summary>Cancelled when the call is abandoned.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The triggering event as a typed envelope.</summary>
    public Event<T> GetEvent<T>()
        where T : IEventData<T> => EventReader.Read<T>(Event);

    /// <summary>
    /// All triggering events as typed envelopes, in the order received: every event of a batch (<c>[BatchEvents]</c>),
    /// otherwise the one event. A new array on each call, so a generated handler can pass it as an
    /// <c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c> or an <c>Event&lt;T&gt;[]</c> parameter.
    /// </summary>
    public Event<T>[] GetEvents<T>()
        where T : IEventData<T>
    {
        var events = new Event<T>[Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = EventReader.Read<T>(Events[i]);
        }

        return events;
    }

    /// <summary>Serializes the function's result with the generated metadata.</summary>
    public ReadOnlyMemory<byte> SerializeResult<T>(T value)
        => JsonSerializer.SerializeToUtf8Bytes(value, StepTypeInfos.Get<T>(_types, "(function result)"));

    /// <summary>The result of a function that returns nothing: <c>null</c>.</summary>
    public static ReadOnlyMemory<byte> NoResult { get; } = "null"u8.ToArray();
}
