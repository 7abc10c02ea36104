using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Ingestion;

/// <summary>
/// Takes events in (docs/protocol.md#the-embedded-engine): gives each an internal id and its normalized payload,
/// stores it, lets it cancel runs and resume waits, and hands it to <see cref="RunAdmission"/> for each function it
/// triggers. Owns the <c>x-inngest-event-id-seed</c> ids already ingested. Guarded by the engine's lock.
/// </summary>
internal sealed class EventIngestor(EngineParts parts)
{
    /// <summary>How long an id derived from a seed is remembered: as long as an event id dedups runs.</summary>
    private readonly Dictionary<string, DateTimeOffset> _seeds = new(StringComparer.Ordinal);
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<StoredKey> keys)
    {
        foreach (var key in keys)
        {
            if (key.Id.Kind == KeyKind.EventSeed)
            {
                _seeds[key.Id.Key] = key.At;
            }
        }
    }

    /// <summary>
    /// Claims an internal id derived from an event-id seed; false when an event was already ingested under it (a
    /// client's retry of the same request) within the idempotency window.
    /// </summary>
    public bool TryClaimSeed(string internalId)
    {
        var now = _context.Now;
        var window = _context.Options.IdempotencyWindow;
        if (_seeds.TryGetValue(internalId, out var seen) && now - seen < window)
        {
            return false;
        }

        if (_seeds.Count >= 4096 && _seeds.Count % 1024 == 0)
        {
            foreach (var (id, at) in _seeds.ToArray())
            {
                if (now - at >= window)
                {
                    _seeds.Remove(id);
                    _context.Changes.KeyDeleted(new StoredKeyId(KeyKind.EventSeed, string.Empty, id));
                }
            }
        }

        _seeds[internalId] = now;
        _context.Changes.KeySet(new StoredKey(new StoredKeyId(KeyKind.EventSeed, string.Empty, internalId), now, now + window));
        return true;
    }

    /// <summary>
    /// Stores an event and lets it act: cancel runs, resume waits, and (with <paramref name="fanOut"/>) start the
    /// functions it triggers.
    /// </summary>
    public EventRecord Ingest(ParsedEvent parsed, bool fanOut, string? seededId = null)
    {
        var now = _context.Now;
        var internalId = seededId ?? _context.Ids.Next();
        var id = string.IsNullOrEmpty(parsed.Id) ? internalId : parsed.Id;
        var ts = parsed.Ts ?? now.ToUnixTimeMilliseconds();
        var payload = JsonValues.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", parsed.Name);
            writer.WritePropertyName("data");
            parsed.Data.WriteTo(writer);
            writer.WriteString("id", id);
            writer.WriteNumber("ts", ts);
            writer.WritePropertyName("user");
            parsed.User.WriteTo(writer);
            if (parsed.V is not null)
            {
                writer.WriteString("v", parsed.V);
            }

            writer.WriteEndObject();
        });
        var record = new EventRecord(internalId, parsed.Name, id, payload, now);
        _context.Changes.EventAdded(record);
        var sequence = ++_context.EventSequence;

        parts.Finalizer.CancelRunsOn(record, sequence, now);
        parts.Interpreter.ResumeWaits(record, sequence, now);
        if (fanOut)
        {
            var due = DateTimeOffset.FromUnixTimeMilliseconds(ts);
            foreach (var function in parts.Apps.Functions)
            {
                if (Triggers(function, record))
                {
                    parts.Admission.OnEvent(function, record, sequence, due > now ? due : now);
                }
            }
        }

        _context.Signal();
        return record;
    }

    public EventRecord IngestSystemEvent(string name, string? id, long? ts, JsonElement data, bool fanOut)
        => Ingest(new ParsedEvent(name, data, id, ts, JsonValues.EmptyObject, null), fanOut);

    private bool Triggers(InngestFunctionDefinition function, EventRecord evt)
    {
        foreach (var trigger in function.Triggers)
        {
            if (trigger.Event is null || !string.Equals(trigger.Event, evt.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (trigger.Expression is null || _context.IsTruthy(trigger.Expression, evt.Payload, null, $"trigger of function '{function.Id}'"))
            {
                return true;
            }
        }

        return false;
    }
}
