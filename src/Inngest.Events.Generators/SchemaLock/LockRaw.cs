namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// A value of the lock file checked but not yet read: its text, read into nodes on first use. The lock's schemas are
/// kept this way, because a build whose events all match their lock only compares texts.
/// </summary>
internal sealed class LockRaw : LockNode
{
    private readonly string _file;
    private string? _text;
    private LockNode? _node;

    public LockRaw(string file, int start, int length)
    {
        _file = file;
        Start = start;
        Length = length;
    }

    public override string Kind => _file[Start] switch
    {
        '{' => "an object",
        '[' => "an array",
        '"' => "a string",
        't' or 'f' => "a boolean",
        'n' => "null",
        _ => "a number",
    };

    /// <summary>The value's text as it is in the file.</summary>
    public string Text => _text ??= _file.Substring(Start, Length);

    /// <summary>
    /// Whether the value's text in the file is exactly what the lock's writer writes for <paramref name="node"/> at
    /// <paramref name="indent"/> levels, compared in place while writing (neither text is copied).
    /// </summary>
    public bool Matches(LockNode node, int indent) => LockJsonWriter.Matches(node, indent, _file, Start, Length);

    /// <summary>The value read (offsets relative to <see cref="Text"/>).</summary>
    public LockNode Node => _node ??= LockJsonReader.Read(Text);
}
