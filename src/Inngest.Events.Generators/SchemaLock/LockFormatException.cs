using System;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>The lock file is not valid JSON, or not a lock: what is wrong and at which offset.</summary>
internal sealed class LockFormatException(string message, int position) : Exception(message)
{
    /// <summary>Offset in the file's text of the character the problem was found at.</summary>
    public int Position { get; } = position;
}
