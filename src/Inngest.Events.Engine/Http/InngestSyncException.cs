namespace Inngest.Events.Engine;

/// <summary>
/// An app could not be synced with the engine: its register request is invalid, it conflicts with functions already
/// registered, or the app did not answer the sync. <see cref="StatusCode"/> is what the register endpoint answers.
/// </summary>
public sealed class InngestSyncException : InngestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status that describes the failure: 400 for an invalid request, 401, or 500/502 otherwise.</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public InngestSyncException(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status that describes the failure.</summary>
    public int StatusCode { get; }
}
