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
    private readonly Dictionary<(string Function, string Key), DateTimeOffset> _seen = [];
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<StoredKey> keys)
    {
        foreach (var key in keys)
        {
            if (key.Id.Kind == KeyKind.Idempotency)
            {
                _seen[(key.Id.Scope, key.Id.Key)] = key.At;
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
        => _seen.TryGetValue((compositeId, key), out var seen) && now - seen < _context.Options.IdempotencyWindow;

    public void Claim(string compositeId, string key, DateTimeOffset now)
    {
        Prune(now);
        _seen[(compositeId, key)] = now;
        _context.Changes.KeySet(new StoredKey(new StoredKeyId(KeyKind.Idempotency, compositeId, key), now, now + _context.Options.IdempotencyWindow));
    }

    private void Prune(DateTimeOffset now)
    {
        if (_seen.Count < 4096 || _seen.Count % 1024 != 0)
        {
            return;
        }

        foreach (var (key, seen) in _seen.ToArray())
        {
            if (now - seen >= _context.Options.IdempotencyWindow)
            {
                _seen.Remove(key);
                _context.Changes.KeyDeleted(new StoredKeyId(KeyKind.Idempotency, key.Function, key.Key));
            }
        }
    }
}
