using System.Globalization;
using System.Linq;
using System.Text;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// Writes <see cref="LockNode"/>s the one way the lock file is written: two-space indents, one member per line,
/// arrays of plain values on one line, '\n' line ends and a final newline, non-ASCII text as itself. The same values
/// always give the same bytes.
/// </summary>
internal static class LockJsonWriter
{
    public static string Write(LockNode node) => Write(node, 0, finalNewline: true);

    /// <summary>A value as it is written at <paramref name="indent"/> levels inside a document.</summary>
    public static string Write(LockNode node, int indent, bool finalNewline)
    {
        var sink = new BuilderSink(new StringBuilder());
        Write(ref sink, node, indent);
        return finalNewline ? sink.Builder.Append('\n').ToString() : sink.Builder.ToString();
    }

    /// <summary>
    /// Whether <paramref name="node"/>, written at <paramref name="indent"/> levels inside a document, is exactly the
    /// <paramref name="length"/> characters of <paramref name="text"/> at <paramref name="start"/>: the text
    /// <see cref="Write(LockNode, int, bool)"/> would give (same code), compared while it is written, with nothing
    /// allocated and stopping at the first difference.
    /// </summary>
    public static bool Matches(LockNode node, int indent, string text, int start, int length)
    {
        var sink = new MatchSink(text, start, start + length);
        Write(ref sink, node, indent);
        return sink.Matched;
    }

    private static void Write<TSink>(ref TSink sink, LockNode node, int indent)
        where TSink : struct, ISink
    {
        if (sink.Differs)
        {
            return;
        }

        switch (node)
        {
            case LockObject obj:
                if (obj.Members.Count == 0)
                {
                    sink.Append("{}");
                    return;
                }

                sink.Append("{\n");
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    sink.Append(' ', (indent + 1) * 2);
                    WriteString(ref sink, obj.Members[i].Key);
                    sink.Append(": ");
                    Write(ref sink, obj.Members[i].Value, indent + 1);
                    sink.Append(i + 1 < obj.Members.Count ? ",\n" : "\n");
                }

                sink.Append(' ', indent * 2);
                sink.Append('}');
                return;
            case LockArray array when IsFlat(array):
                sink.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sink.Append(", ");
                    }

                    Write(ref sink, array.Items[i], indent);
                }

                sink.Append(']');
                return;
            case LockArray array:
                sink.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    sink.Append(' ', (indent + 1) * 2);
                    Write(ref sink, array.Items[i], indent + 1);
                    sink.Append(i + 1 < array.Items.Count ? ",\n" : "\n");
                }

                sink.Append(' ', indent * 2);
                sink.Append(']');
                return;
            case LockString s:
                WriteString(ref sink, s.Value);
                return;
            case LockNumber n:
                sink.Append(n.Text);
                return;
            case LockLiteral l:
                sink.Append(l.Text);
                return;
            case LockRaw raw:
                Write(ref sink, raw.Node, indent);
                return;
        }
    }

    /// <summary>Whether an array holds only plain values (written on one line).</summary>
    private static bool IsFlat(LockArray array)
    {
        foreach (var item in array.Items)
        {
            if (item is LockObject or LockArray)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteString<TSink>(ref TSink sink, string value)
        where TSink : struct, ISink
    {
        sink.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sink.Append("\\\""); break;
                case '\\': sink.Append("\\\\"); break;
                case '\n': sink.Append("\\n"); break;
                case '\r': sink.Append("\\r"); break;
                case '\t': sink.Append("\\t"); break;
                case '\b': sink.Append("\\b"); break;
                case '\f': sink.Append("\\f"); break;
                default:
                    // Control characters, and surrogates without their pair (which UTF-8 cannot hold), are escaped.
                    var lonely = char.IsHighSurrogate(c) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
                    if (c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029' || lonely)
                    {
                        sink.Append("\\u");
                        sink.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sink.Append(c);
                    }

                    break;
            }
        }

        sink.Append('"');
    }

    /// <summary>Where written text goes: a builder, or a comparison with text already written.</summary>
    private interface ISink
    {
        /// <summary>Whether the text written so far already differs (then nothing more needs writing).</summary>
        bool Differs { get; }

        void Append(char c);

        void Append(char c, int count);

        void Append(string text);
    }

    private readonly struct BuilderSink(StringBuilder builder) : ISink
    {
        public StringBuilder Builder { get; } = builder;

        public bool Differs => false;

        public void Append(char c) => Builder.Append(c);

        public void Append(char c, int count) => Builder.Append(c, count);

        public void Append(string text) => Builder.Append(text);
    }

    private struct MatchSink(string text, int position, int end) : ISink
    {
        private int _position = position;

        public bool Differs { get; private set; }

        /// <summary>Whether everything written was the text, and all of it.</summary>
        public readonly bool Matched => !Differs && _position == end;

        public void Append(char c)
        {
            if (Differs || _position >= end || text[_position] != c)
            {
                Differs = true;
                return;
            }

            _position++;
        }

        public void Append(char c, int count)
        {
            if (Differs || count > end - _position)
            {
                Differs = true;
                return;
            }

            for (var i = 0; i < count; i++)
            {
                if (text[_position + i] != c)
                {
                    Differs = true;
                    return;
                }
            }

            _position += count;
        }

        public void Append(string value)
        {
            if (Differs || value.Length > end - _position || string.CompareOrdinal(text, _position, value, 0, value.Length) != 0)
            {
                Differs = true;
                return;
            }

            _position += value.Length;
        }
    }
}
