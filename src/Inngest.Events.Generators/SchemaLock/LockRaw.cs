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

    /// <summary>Whether the value's text in the file is <paramref name="text"/>, compared in place (no copy of it is made).</summary>
    public bool TextEquals(string text)
        => _text is not null ? _text == text : text.Length == Length && string.CompareOrdinal(_file, Start, text, 0, Length) == 0;

    /// <summary>The value read (offsets relative to <see cref="Text"/>).</summary>
    public LockNode Node => _node ??= LockJsonReader.Read(Text);
}
