namespace Inngest.Events;

/// <summary>The event API rule an event broke; see <see cref="InngestEventValidationException.Rule"/>.</summary>
public enum EventValidationRule
{
    /// <summary>The event name is empty.</summary>
    EmptyName,

    /// <summary>The event name starts with <c>inngest/</c> (in any case), which Inngest reserves for its own events.</summary>
    ReservedName,

    /// <summary>The event's <c>ts</c> is before 1980-01-01 or after 2100-01-01 (UTC).</summary>
    TimestampOutOfRange,

    /// <summary>The serialized event is larger than <see cref="InngestOptions.MaxEventSizeBytes"/>.</summary>
    TooLarge,
}
