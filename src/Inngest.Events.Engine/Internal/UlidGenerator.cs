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

    /// <summary>
    /// The internal id Inngest derives for the event at <paramref name="index"/> of a request whose
    /// <c>x-inngest-event-id-seed</c> is <paramref name="seed"/> (<c>"{unixMillis},{base64 of 10 bytes}"</c>): the seed's
    /// time and entropy, with the index added to the entropy's last 4 bytes (big-endian, wrapping). Null when the seed
    /// cannot be read.
    /// </summary>
    public static string? FromSeed(string seed, int index)
    {
        var comma = seed.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0
            || !long.TryParse(seed.AsSpan(0, comma), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds == 0 || milliseconds > 0xFFFF_FFFF_FFFFL)
        {
            return null;
        }

        Span<byte> entropy = stackalloc byte[16];
        if (!Convert.TryFromBase64String(seed[(comma + 1)..], entropy, out var written) || written != 10)
        {
            return null;
        }

        var tail = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(entropy[6..10]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(entropy[6..10], unchecked(tail + (uint)index));
        return Ulid.NewUlid(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), entropy[..10]).ToString();
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
