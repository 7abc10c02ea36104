namespace Inngest.Events.Engine.History;

/// <summary>A document is not a run history this version can read: what is wrong, and where (a JSON path, and the file when read from one).</summary>
public sealed class RunHistoryFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="path">The JSON path of the offending value (<c>$.steps[2].hash</c>), or <c>$</c> for the document.</param>
    /// <param name="innerException">The parser's exception, for malformed JSON.</param>
    public RunHistoryFormatException(string message, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The JSON path of the offending value.</summary>
    public string Path { get; }
}
