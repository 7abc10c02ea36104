using Microsoft.Extensions.Logging;

namespace Inngest.Events;

/// <summary>The client's log messages. The event key is a credential and never logged.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "Sending {EventCount} event(s) to {EventApiBaseUrl} in {RequestCount} request(s)")]
    public static partial void Sending(ILogger logger, int eventCount, Uri eventApiBaseUrl, int requestCount);

    [LoggerMessage(2, LogLevel.Warning, "Retrying an event send (retry {Retry} of {MaxRetries}) in {Delay}: {Reason}")]
    public static partial void Retrying(ILogger logger, int retry, int maxRetries, TimeSpan delay, string reason);

    [LoggerMessage(3, LogLevel.Warning, "An event send was cancelled after Inngest accepted {AcceptedCount} of {EventCount} event(s), with ids {AcceptedIds}")]
    public static partial void CancelledAfterPartialSend(ILogger logger, int acceptedCount, int eventCount, string acceptedIds);

    [LoggerMessage(4, LogLevel.Warning, "Event '{EventName}' was sent with id '{EventId}', first used {Ago} ago by {FirstUsedBy}: Inngest takes an event's id as the idempotency key of the runs it starts for 24 hours, so a function that the first event started will not run for this one. Make the id say which event it is (INNG3002)")]
    public static partial void EventIdReused(ILogger logger, string eventName, string eventId, string ago, string firstUsedBy);
}
