using System.Text.Json;

namespace Inngest.Events;

/// <summary>
/// The ids of the events this client had accepted in the last 24 hours, each with the name of the event that first used
/// it and a hash of that event's data, to tell a duplicate (the same event sent again, which Inngest rightly ignores)
/// from another event that reused the id (docs/protocol.md#event-api: an event's id is the idempotency key of the runs
/// it starts for 24 hours, so functions the first event started do not run for the second). Kept in dev mode only,
/// where the warning helps and the memory is small; at most <see cref="Capacity"/> ids, the oldest forgotten first.
/// </summary>
internal sealed class SentEventIds
{
    /// <summary>How many ids are remembered; beyond it the oldest are forgotten.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long an id keeps the runs its event started from being started again (Inngest's documented window).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static readonly byte[] IdProperty = "id"u8.ToArray();
    private static readonly byte[] DataProperty = "data"u8.ToArray();

    private readonly object gate = new();
    private readonly Dictionary<string, FirstUse> firstUses = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> byAge = new();

    /// <summary>
    /// Remembers the id of an accepted event (<paramref name="eventJson"/>, as sent); returns how it differs from the
    /// event that first used the same id within the window (<c>another event, shop/order.placed</c> or <c>an event
    /// with other data</c>), or null when the event has no id, is the first with it, or is the same event sent again.
    /// </summary>
    public Reuse? Record(string name, ReadOnlySpan<byte> eventJson, DateTimeOffset now)
    {
        if (!TryRead(eventJson, out string? id, out int dataHash) || id is null)
        {
            return null;
        }

        lock (gate)
        {
            ForgetExpired(now);
            if (firstUses.TryGetValue(id, out FirstUse first))
            {
                return Difference(first.Name, first.DataHash, name, dataHash) is { } firstUsedBy ? new Reuse(id, firstUsedBy, now - first.At) : null;
            }

            if (byAge.Count >= Capacity)
            {
                firstUses.Remove(byAge.Dequeue().Id);
            }

            firstUses[id] = new FirstUse(name, dataHash, now);
            byAge.Enqueue((id, now));
            return null;
        }
    }

    /// <summary>
    /// How a later event that reuses an id differs from the event that used it first (<c>another event, shop/order.placed</c>,
    /// <c>an event with other data</c>), or null when it is the same event sent again. The client's warning and the
    /// embedded engine's skip message say it the same way.
    /// </summary>
    public static string? Difference(string firstName, int firstDataHash, string laterName, int laterDataHash)
        => !string.Equals(firstName, laterName, StringComparison.Ordinal) ? "another event, " + firstName
            : firstDataHash != laterDataHash ? "an event with other data"
            : null;

    private void ForgetExpired(DateTimeOffset now)
    {
        while (byAge.Count > 0 && now - byAge.Peek().At >= Window)
        {
            firstUses.Remove(byAge.Dequeue().Id);
        }
    }

    /// <summary>Reads the event object's top-level <c>id</c> and a hash of its <c>data</c> as sent.</summary>
    private static bool TryRead(ReadOnlySpan<byte> eventJson, out string? id, out int dataHash)
    {
        id = null;
        dataHash = 0;
        var reader = new Utf8JsonReader(eventJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isId = reader.ValueTextEquals(IdProperty);
            bool isData = !isId && reader.ValueTextEquals(DataProperty);
            if (!reader.Read())
            {
                return false;
            }

            if (isId && reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString();
            }
            else if (isData)
            {
                long start = reader.TokenStartIndex;
                reader.Skip();
                var hash = new HashCode();
                hash.AddBytes(eventJson[(int)start..(int)reader.BytesConsumed]);
                dataHash = hash.ToHashCode();
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private readonly record struct FirstUse(string Name, int DataHash, DateTimeOffset At);

    /// <summary>An id sent again by another event: the id, who used it first, and how long ago.</summary>
    public readonly record struct Reuse(string Id, string FirstUsedBy, TimeSpan Ago);
}
