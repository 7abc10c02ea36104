namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// The generic cell rate algorithm Inngest uses for <c>throttle</c> and <c>rateLimit</c>: a key remembers a theoretical
/// arrival time (TAT); each admission moves it one emission interval (period ÷ limit) later, and a request is admitted
/// while the TAT stays within <c>capacity</c> intervals of now. <c>capacity</c> requests pass at once after a quiet
/// period, then one per interval.
/// </summary>
internal static class Gcra
{
    /// <summary>Admits a request at <paramref name="now"/> (UTC ticks) and advances <paramref name="tat"/>, or tells when it would be admitted.</summary>
    /// <param name="tat">The key's theoretical arrival time; 0 when the key is new.</param>
    /// <param name="now">The time of the request.</param>
    /// <param name="emission">The emission interval.</param>
    /// <param name="capacity">How many requests may pass at once.</param>
    /// <param name="allowAt">When the request would be admitted (<paramref name="now"/> when it is).</param>
    public static bool TryTake(ref long tat, long now, long emission, int capacity, out long allowAt)
    {
        var next = Math.Max(tat, now) + emission;
        allowAt = next - (capacity * emission);
        if (allowAt <= now)
        {
            tat = next;
            allowAt = now;
            return true;
        }

        return false;
    }
}
