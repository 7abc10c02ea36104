using System.Net;
using System.Text;

namespace Inngest.Events;

/// <summary>Builds <see cref="InngestSendException"/>s whose message says what failed, why, and which events were accepted.</summary>
internal static class SendFailure
{
    private const int MaxListedIds = 20;

    /// <summary>The failure of a request that got a response with an error status (or an unusable success body).</summary>
    public static InngestSendException FromResponse(
        SerializedEvents events,
        IReadOnlyList<string> acceptedIds,
        HttpStatusCode status,
        string? serverError)
    {
        string statusText = $"{(int)status} {StatusName(status)}";
        string reason = serverError ?? DefaultMessage(status);
        var message = new StringBuilder()
            .Append("Inngest did not accept the events: ").Append(statusText).Append(": ").Append(reason.TrimEnd('.')).Append('.');
        if (Hint(status) is { } hint)
        {
            message.Append(' ').Append(hint);
        }

        return Create(message, events, acceptedIds, status, serverError, innerException: null);
    }

    /// <summary>The failure of a request that got no usable response, even after retries.</summary>
    public static InngestSendException FromException(SerializedEvents events, IReadOnlyList<string> acceptedIds, Exception exception)
    {
        var message = new StringBuilder()
            .Append("Sending events to Inngest failed without a response, after retries: ").Append(exception.Message.TrimEnd('.')).Append('.')
            .Append(" Inngest may or may not have ingested the events of the failed request; give events an Id so that resending them is deduplicated.");
        return Create(message, events, acceptedIds, null, null, exception);
    }

    /// <summary>Why an event API status happens, after the messages of the JavaScript SDK.</summary>
    public static string DefaultMessage(HttpStatusCode status) => (int)status switch
    {
        400 => "Cannot process event payload",
        401 => "Event key not found",
        403 => "Forbidden",
        404 => "Event key not found",
        409 or 412 => "Event transformation failed",
        413 => "Event payload too large",
        429 => "Too many requests",
        500 => "Internal server error",
        >= 500 => "Inngest is unavailable",
        _ => "Unexpected response",
    };

    private static string? Hint(HttpStatusCode status) => (int)status switch
    {
        401 or 404 => "Check that InngestOptions.EventKey (or INNGEST_EVENT_KEY) is an event key of this Inngest environment, not a signing key, and that InngestOptions.Env (INNGEST_ENV) names the right branch environment.",
        403 => "The event key may be disabled or restricted from sending these events.",
        413 => "Lower InngestOptions.MaxEventSizeBytes and MaxRequestBodyBytes to your plan's limits (256 KiB events on the free plan).",
        429 => "Inngest rate-limited the sends and retries did not get through; send less often or in bigger batches.",
        503 => "A self-hosted Inngest answers 503 when it has no event keys configured; otherwise retries did not get through.",
        >= 500 => "Retries did not get through.",
        _ => null,
    };

    private static string StatusName(HttpStatusCode status) => (int)status switch
    {
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        _ => Enum.IsDefined(status) ? SplitWords(status.ToString()) : "Status",
    };

    private static string SplitWords(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static InngestSendException Create(
        StringBuilder message,
        SerializedEvents events,
        IReadOnlyList<string> acceptedIds,
        HttpStatusCode? status,
        string? serverError,
        Exception? innerException)
    {
        // Inngest ingests in order and the client stops at the first failed request, so the accepted events are a prefix.
        int accepted = acceptedIds.Count;
        int[] acceptedIndexes = Enumerable.Range(0, accepted).ToArray();
        int[] notAcceptedIndexes = Enumerable.Range(accepted, events.Count - accepted).ToArray();

        message.Append(' ');
        if (accepted == 0)
        {
            message.Append("No event was accepted");
        }
        else
        {
            message.Append("Accepted ").Append(accepted).Append(" of ").Append(events.Count).Append(" event(s): ");
            for (int i = 0; i < Math.Min(accepted, MaxListedIds); i++)
            {
                message.Append(i == 0 ? string.Empty : ", ").Append('#').Append(i).Append(" '").Append(events.GetName(i)).Append("' → ").Append(acceptedIds[i]);
            }

            if (accepted > MaxListedIds)
            {
                message.Append(", and ").Append(accepted - MaxListedIds).Append(" more (all in AcceptedIds)");
            }

            message.Append(". Not accepted");
        }

        message.Append(": ").Append(FormatIndexes(accepted, events.Count));
        if (accepted < events.Count && events.Count > 1)
        {
            message.Append(" (the first is #").Append(accepted).Append(" '").Append(events.GetName(accepted)).Append("')");
        }

        message.Append('.');
        if (accepted > 0)
        {
            message.Append(" Resend only the events that were not accepted.");
        }

        return new InngestSendException(message.ToString(), status, serverError, acceptedIndexes, acceptedIds, notAcceptedIndexes, innerException);
    }

    private static string FormatIndexes(int start, int end) => (end - start) switch
    {
        0 => "none",
        1 => $"#{start}",
        _ => $"#{start} to #{end - 1}",
    };
}
