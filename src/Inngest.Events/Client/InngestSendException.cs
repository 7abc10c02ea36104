using System.Net;

namespace Inngest.Events;

/// <summary>
/// Inngest did not accept every event of a send call: it answered with an error status, or the request could not be
/// completed even after retries. Events that were accepted before the failure are listed with their ids in
/// <see cref="AcceptedIds"/> and <see cref="AcceptedIndexes"/>; the rest are in <see cref="NotAcceptedIndexes"/>.
/// </summary>
/// <remarks>
/// Inngest ingests a batch in order and stops at the first bad event, so the events before it were ingested and must not
/// be sent again blindly. Resend only <see cref="NotAcceptedIndexes"/>, and give events an <see cref="InngestEvent.Id"/>
/// so that a resend of an event whose fate is unknown (after a network error) is deduplicated.
/// </remarks>
public sealed class InngestSendException : InngestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, with the accepted and the not accepted events.</param>
    /// <param name="statusCode">The HTTP status of the failed request, or <see langword="null"/> when no response came.</param>
    /// <param name="serverError">The error message in the response body, if any.</param>
    /// <param name="acceptedIndexes">The positions in the send call of the accepted events.</param>
    /// <param name="acceptedIds">The ids Inngest assigned to the accepted events, matching <paramref name="acceptedIndexes"/>.</param>
    /// <param name="notAcceptedIndexes">The positions in the send call of the events that were not accepted.</param>
    /// <param name="innerException">The underlying error, e.g. the network error.</param>
    public InngestSendException(
        string message,
        HttpStatusCode? statusCode,
        string? serverError,
        IReadOnlyList<int> acceptedIndexes,
        IReadOnlyList<string> acceptedIds,
        IReadOnlyList<int> notAcceptedIndexes,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(acceptedIndexes);
        ArgumentNullException.ThrowIfNull(acceptedIds);
        ArgumentNullException.ThrowIfNull(notAcceptedIndexes);
        if (acceptedIds.Count != acceptedIndexes.Count)
        {
            throw new ArgumentException("There must be one accepted id per accepted index.", nameof(acceptedIds));
        }

        StatusCode = statusCode;
        ServerError = serverError;
        AcceptedIndexes = acceptedIndexes;
        AcceptedIds = acceptedIds;
        NotAcceptedIndexes = notAcceptedIndexes;
    }

    /// <summary>The HTTP status of the failed request, or <see langword="null"/> when no response came (network error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The error message Inngest gave, e.g. <c>Event key not found</c>, or <see langword="null"/>.</summary>
    public string? ServerError { get; }

    /// <summary>The positions in the send call of the events Inngest accepted before the failure.</summary>
    public IReadOnlyList<int> AcceptedIndexes { get; }

    /// <summary>The ids Inngest assigned to the accepted events; <c>AcceptedIds[k]</c> belongs to <c>AcceptedIndexes[k]</c>.</summary>
    public IReadOnlyList<string> AcceptedIds { get; }

    /// <summary>The positions in the send call of the events that were not accepted (or whose acceptance is unknown).</summary>
    public IReadOnlyList<int> NotAcceptedIndexes { get; }
}
