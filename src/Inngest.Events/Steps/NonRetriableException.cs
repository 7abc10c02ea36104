namespace Inngest.Events;

/// <summary>
/// Thrown by a step or a function to fail it at once, without retries: the error is permanent (bad input, a
/// resource that no longer exists).
/// </summary>
public class NonRetriableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonRetriableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
