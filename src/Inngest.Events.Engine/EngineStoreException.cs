namespace Inngest.Events.Engine;

/// <summary>
/// The engine's store cannot be used: its file is in use by another engine, is not an engine database, was written by a
/// newer version, is corrupt or cannot be read or written. The message says which file, what is wrong and what to do.
/// </summary>
public sealed class EngineStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EngineStoreException(string message, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The full path of the store's file.</summary>
    public string Path { get; }
}
