namespace Inngest.Events.Engine.Store;

/// <summary>A remembered key. It can be dropped once <see cref="ExpiresAt"/> has passed.</summary>
/// <param name="Id">Kind, scope and key.</param>
/// <param name="At">When it was set.</param>
/// <param name="ExpiresAt">When it stops mattering.</param>
/// <param name="Value">A number that goes with it (the GCRA keys: the theoretical arrival time in UTC ticks).</param>
internal sealed record StoredKey(StoredKeyId Id, DateTimeOffset At, DateTimeOffset ExpiresAt, long Value = 0);
