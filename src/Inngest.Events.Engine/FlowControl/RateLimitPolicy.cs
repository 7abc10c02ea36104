using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>rateLimit</c>: a hard limit on how many runs a function starts per period, per key; events over it start no run
/// and are recorded as skipped ("Rate limiting", inngest.com/docs/guides/rate-limiting). As on Inngest's server
/// (<c>pkg/execution/ratelimit</c>), it is a GCRA with an emission interval of period ÷ limit and a burst of
/// limit ÷ 10: <c>limit/10 + 1</c> runs may start at once, then one per interval. Guarded by the engine's lock.
/// </summary>
internal sealed class RateLimitPolicy(EngineParts parts)
{
    private readonly Dictionary<(string Function, string Key), long> _tat = [];
    private readonly EngineContext _context = parts.Context;

    public void Load(IEnumerable<StoredKey> keys)
    {
        foreach (var key in keys)
        {
            if (key.Id.Kind == KeyKind.RateLimit)
            {
                _tat[(key.Id.Scope, key.Id.Key)] = key.Value;
            }
        }
    }

    /// <summary>Whether <paramref name="evt"/> may start a run; when not, records it as skipped.</summary>
    public bool TryAdmit(InngestFunctionDefinition function, string compositeId, EventRecord evt)
    {
        var config = function.Config.RateLimit!;
        var key = config.Key is null ? string.Empty : _context.EvaluateKey(config.Key, evt.Payload, $"rateLimit key of function '{function.Id}'") ?? string.Empty;
        var period = EngineContext.Duration(config.Period) ?? TimeSpan.FromSeconds(1);
        var limit = Math.Max(1, config.Limit);
        var now = _context.Now;
        var tat = _tat.GetValueOrDefault((compositeId, key));
        if (Gcra.TryTake(ref tat, now.UtcTicks, period.Ticks / limit, (limit / 10) + 1, out _))
        {
            Prune(now);
            _tat[(compositeId, key)] = tat;
            var until = new DateTimeOffset(tat, TimeSpan.Zero);
            _context.Changes.KeySet(new StoredKey(new StoredKeyId(KeyKind.RateLimit, compositeId, key), now, until, tat));
            return true;
        }

        _context.Skip(function, compositeId, evt, SkipReason.RateLimit, key,
            $"skipped: rateLimit{(key.Length == 0 ? string.Empty : $" key={key}")} ({limit} per {config.Period})");
        return false;
    }

    private void Prune(DateTimeOffset now)
    {
        if (_tat.Count < 4096 || _tat.Count % 1024 != 0)
        {
            return;
        }

        foreach (var (key, tat) in _tat.ToArray())
        {
            if (tat < now.UtcTicks)
            {
                _tat.Remove(key);
                _context.Changes.KeyDeleted(new StoredKeyId(KeyKind.RateLimit, key.Function, key.Key));
            }
        }
    }
}
