using System.Security.Cryptography;

namespace Inngest.Events.Engine.Internal;

/// <summary>
/// Makes ULIDs whose time part comes from the engine's <see cref="TimeProvider"/>, monotonic within a millisecond
/// (the random part is incremented), so ids sort in the order they were made even under a fake clock.
/// </summary>
internal sealed class UlidGenerator(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly byte[] _random = new byte[10];
    private long _lastMilliseconds = long.MinValue;

    public string Next()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                RandomNumberGenerator.Fill(_random);
                _random[0] &= 0x7F; // headroom for increments within the millisecond
            }
            else
            {
                Increment(_random);
            }

            return Ulid.NewUlid(DateTimeOffset.FromUnixTimeMilliseconds(_lastMilliseconds), _random).ToString();
        }
    }

    private static void Increment(byte[] bytes)
    {
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (++bytes[i] != 0)
            {
                return;
            }
        }
    }
}
