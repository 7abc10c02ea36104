using System;

namespace Inngest.Events.Protocol;

/// <summary>
/// The event API's rules for an event (docs/protocol.md#event-api), checked by the client before it sends, by the
/// engine and the dev server when they ingest, and by the analyzers at compile time.
/// </summary>
/// <remarks>Also compiled into the analyzers (netstandard2.0).</remarks>
internal static class EventRules
{
    /// <summary>The prefix of Inngest's own events, which nobody else may send (in any case).</summary>
    public const string ReservedPrefix = "inngest/";

    /// <summary>The longest event name a function may trigger on.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The most events one request to the event API may carry.</summary>
    public const int MaxEventsPerRequest = 5000;

    /// <summary>The largest event self-hosted Inngest and Inngest's paid plans accept: 3 MiB.</summary>
    public const int MaxEventSizeBytes = 3 * 1024 * 1024;

    /// <summary>The timestamps the event API accepts, as text.</summary>
    public const string TimestampRange = "1980-01-01 to 2100-01-01 UTC";

    /// <summary>The earliest <c>ts</c> the event API accepts.</summary>
    public static readonly DateTimeOffset MinTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest <c>ts</c> the event API accepts.</summary>
    public static readonly DateTimeOffset MaxTimestamp = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The property of an event's data that holds Inngest's own fields; the event API drops it from what senders send.</summary>
    public const string InternalDataProperty = "_inngest";

    /// <summary>Whether <paramref name="name"/> is in Inngest's reserved namespace.</summary>
    public static bool IsReserved(string name) => name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the event API accepts <paramref name="ts"/>.</summary>
    public static bool IsInRange(DateTimeOffset ts) => ts >= MinTimestamp && ts <= MaxTimestamp;

    /// <summary>Whether the event API accepts a <c>ts</c> of <paramref name="unixMilliseconds"/>.</summary>
    public static bool IsInRange(long unixMilliseconds)
        => unixMilliseconds >= MinTimestamp.ToUnixTimeMilliseconds() && unixMilliseconds <= MaxTimestamp.ToUnixTimeMilliseconds();

    /// <summary>The Inngest server's error for an event without a name.</summary>
    public const string EmptyNameError = "event name is empty";

    /// <summary>The Inngest server's error for an event in the reserved namespace.</summary>
    public static string ReservedNameError(string name) => "event name is reserved for internal use: " + name;

    /// <summary>The Inngest server's error for a request with more than <see cref="MaxEventsPerRequest"/> events.</summary>
    public static readonly string TooManyEventsError = $"Cannot have more than {MaxEventsPerRequest} events in a batch";
}
