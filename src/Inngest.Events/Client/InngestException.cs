namespace Inngest.Events;

/// <summary>The base of the exceptions the Inngest client throws, so that one <c>catch</c> can handle them all.</summary>
public abstract class InngestException : Exception
{
    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    protected InngestException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
