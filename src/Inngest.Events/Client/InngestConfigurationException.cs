namespace Inngest.Events;

/// <summary>
/// The client's configuration cannot work: a required setting is missing (such as the event key in cloud mode) or a
/// setting or environment variable has an invalid value. The message says which and how to set it.
/// </summary>
public sealed class InngestConfigurationException : InngestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing or invalid and how to set it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public InngestConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
