using System.Buffers;
using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Validates the events of a send call and serializes each exactly once, back to back with commas between them,
/// into one buffer: <c>{"name":..,"data":{..},"id":..,"ts":..,"v":..}</c> with unset fields left out.
/// </summary>
internal static class EventBatchWriter
{
    /// <summary>Validates and serializes <paramref name="events"/>.</summary>
    /// <exception cref="InngestEventValidationException">The first event that breaks a rule.</exception>
    public static SerializedEvents Write(IReadOnlyList<InngestEvent> events, int maxEventSizeBytes)
    {
        // Cheap rules first, for every event, so a bad name late in a big batch is reported before any serialization.
        var names = new string[events.Count];
        for (int i = 0; i < events.Count; i++)
        {
            InngestEvent evt = events[i] ?? throw new ArgumentException($"The event at index {i} is null.", nameof(events));
            names[i] = evt.Name ?? string.Empty;
            Validate(i, names[i], evt.Ts);
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, events.Count * 128));
        var starts = new int[events.Count];
        var lengths = new int[events.Count];
        using var writer = new Utf8JsonWriter(buffer);
        for (int i = 0; i < events.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            starts[i] = buffer.WrittenCount;
            WriteEvent(writer, events[i], names[i]);
            writer.Flush();
            writer.Reset();
            lengths[i] = buffer.WrittenCount - starts[i];
            if (lengths[i] > maxEventSizeBytes)
            {
                throw Invalid(
                    i,
                    names[i],
                    EventValidationRule.TooLarge,
                    $"it is {lengths[i]} bytes serialized, more than InngestOptions.MaxEventSizeBytes ({maxEventSizeBytes} bytes). " +
                    "Inngest rejects events over its plan's limit (256 KiB on the free plan, 3 MiB on paid plans); " +
                    "store large payloads elsewhere and send a reference to them");
            }
        }

        return new SerializedEvents(buffer, names, starts, lengths);
    }

    private static void Validate(int index, string name, DateTimeOffset? ts)
    {
        if (name.Length == 0)
        {
            throw Invalid(index, name, EventValidationRule.EmptyName, "its name is empty");
        }

        if (EventRules.IsReserved(name))
        {
            throw Invalid(
                index,
                name,
                EventValidationRule.ReservedName,
                $"names starting with '{EventRules.ReservedPrefix}' are reserved for Inngest's own events; use your own prefix, e.g. 'app/...'");
        }

        if (ts is DateTimeOffset t && !EventRules.IsInRange(t))
        {
            throw Invalid(
                index,
                name,
                EventValidationRule.TimestampOutOfRange,
                $"its ts {t.UtcDateTime:O} is outside the range Inngest accepts, {EventRules.TimestampRange}");
        }
    }

    private static InngestEventValidationException Invalid(int index, string name, EventValidationRule rule, string reason) =>
        new(index, name, rule, $"Event #{index} ('{name}') cannot be sent: {reason}. Nothing was sent.");

    private static void WriteEvent(Utf8JsonWriter writer, InngestEvent evt, string name)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, name);
        writer.WritePropertyName("data"u8);
        evt.WriteData(writer);
        if (evt.EffectiveId is { } id)
        {
            writer.WriteString("id"u8, id);
        }

        if (evt.Ts is { } ts)
        {
            writer.WriteNumber("ts"u8, ts.ToUnixTimeMilliseconds());
        }

        if (evt.EffectiveVersion is { } version)
        {
            writer.WriteString("v"u8, version);
        }

        writer.WriteEndObject();
    }
}
