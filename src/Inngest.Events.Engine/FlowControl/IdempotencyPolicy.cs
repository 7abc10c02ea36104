using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Store;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// Idempotency (docs/protocol.md#flow-control, #the-embedded-engine): a function runs once per key within
/// <see cref="InngestEngineOptions.IdempotencyWindow"/> (24 hours). The key is the event's <c>id</c>, or the value of
/// the function's <c>idempotency</c> expression; a batch or a debounce is keyed by its own id. Guarded by the engine's lock.
/// </summary>
internal sealed class IdempotencyPolicy(EngineParts parts)
{
    private readonly Dictionary<(string Function, string Key), Claimed> _seen = [];
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<StoredKey> keys)
    {
        foreach (var key in keys)
        {
            if (key.Id.Kind == KeyKind.Idempotency)
            {
                _seen[(key.Id.Scope, key.Id.Key)] = new Claimed(key.At, null, 0);
            }
        }
    }

    public string KeyOf(InngestFunctionDefinition function, EventRecord trigger)
    {
        if (function.Config.Idempotency is not { } expression)
        {
            return trigger.Id;
        }

        try
        {
            return _context.Expressions.EvaluateKey(expression, trigger.Payload);
        }
        catch (Exception exception) when (exception is InngestException or FormatException)
        {
            _context.Logger.LogWarning(exception, "The idempotency expression of function '{FunctionId}' is invalid; using the event id.", function.Id);
            return trigger.Id;
        }
    }

    public bool IsTaken(string compositeId, string key, DateTimeOffset now)
        => _seen.TryGetValue((compositeId, key), out var seen) && now - seen.At < _context.Options.IdempotencyWindow;

    /// <summary>
    /// Takes <paramref name="key"/> for the function; <paramref name="byEvent"/> is the event whose own id the key is
    /// (null for an <c>idempotency</c> expression's value or a batch or debounce id).
    /// </summary>
    public void Claim(string compositeId, string key, DateTimeOffset now, EventRecord? byEvent = null)
    {
        Prune(now);
        _seen[(compositeId, key)] = byEvent is null ? new Claimed(now, null, 0) : new Claimed(now, byEvent.Name, DataHash(byEvent));

        _context.Changes.KeySet(new StoredKey(new StoredKeyId(KeyKind.Idempotency, compositeId, key), now, now + _context.Options.IdempotencyWindow));
    }

    /// <summary>
    /// How <paramref name="later"/>, skipped because its id is taken, differs from the event that took the id: another
    /// event's name, or the same name with other data (a new occurrence, not the same event sent twice); null when it is
    /// the same or the engine does not know.
    /// </summary>
    public string? Difference(string compositeId, string key, EventRecord later)
    {
        if (!_seen.TryGetValue((compositeId, key), out var first) || first.EventName is null)
        {
            return null;
        }

        return SentEventIds.Difference(first.EventName, first.DataHash, later.Name, DataHash(later));
    }

    private static int DataHash(EventRecord evt)
        => evt.Payload.TryGetProperty("data", out var data) ? StringComparer.Ordinal.GetHashCode(data.GetRawText()) : 0;

    private void Prune(DateTimeOffset now)
    {
        if (_seen.Count < 4096 || _seen.Count % 1024 != 0)
        {
            return;
        }

        foreach (var (key, seen) in _seen.ToArray())
        {
            if (now - seen.At >= _context.Options.IdempotencyWindow)
            {
                _seen.Remove(key);
                _context.Changes.KeyDeleted(new StoredKeyId(KeyKind.Idempotency, key.Function, key.Key));
            }
        }
    }

    /// <summary>
    /// When a key was taken and, when it is an event's own id, by which event: its name and a hash of its data as sent,
    /// to tell a real duplicate (the same event sent again) from another event that reused the id. Keys loaded after a
    /// restart have no event (it is not stored), so a duplicate is still skipped, without the comparison.
    /// </summary>
    private readonly record struct Claimed(DateTimeOffset At, string? EventName, int DataHash);
}
