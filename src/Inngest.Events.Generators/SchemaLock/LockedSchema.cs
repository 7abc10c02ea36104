namespace Inngest.Events.Generators.SchemaLock;

/// <summary>One version's schema in the lock: its text as the file has it, and the schema read from it when needed.</summary>
internal sealed class LockedSchema(LockRaw raw)
{
    /// <summary>How deep a version's schema sits in the lock (root, events, event, versions, schema).</summary>
    public const int Depth = 4;

    /// <summary>The schema's text in the file.</summary>
    public string Text => raw.Text;

    /// <summary>Whether the schema's text in the file is exactly what the update would write for <paramref name="schema"/>.</summary>
    public bool Matches(LockObject schema) => raw.Matches(schema, Depth);

    /// <summary>The schema.</summary>
    public LockObject Node => (LockObject)raw.Node;

    /// <summary>Where the schema starts in the file.</summary>
    public int Start => raw.Start;
}
