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
        var builder = new StringBuilder();
        Write(builder, node, indent);
        return finalNewline ? builder.Append('\n').ToString() : builder.ToString();
    }

    private static void Write(StringBuilder builder, LockNode node, int indent)
    {
        switch (node)
        {
            case LockObject obj:
                if (obj.Members.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{\n");
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    Indent(builder, indent + 1);
                    WriteString(builder, obj.Members[i].Key);
                    builder.Append(": ");
                    Write(builder, obj.Members[i].Value, indent + 1);
                    builder.Append(i + 1 < obj.Members.Count ? ",\n" : "\n");
                }

                Indent(builder, indent);
                builder.Append('}');
                return;
            case LockArray array when array.Items.All(static i => i is not (LockObject or LockArray)):
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, array.Items[i], indent);
                }

                builder.Append(']');
                return;
            case LockArray array:
                builder.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Indent(builder, indent + 1);
                    Write(builder, array.Items[i], indent + 1);
                    builder.Append(i + 1 < array.Items.Count ? ",\n" : "\n");
                }

                Indent(builder, indent);
                builder.Append(']');
                return;
            case LockString s:
                WriteString(builder, s.Value);
                return;
            case LockNumber n:
                builder.Append(n.Text);
                return;
            case LockLiteral l:
                builder.Append(l.Text);
                return;
            case LockRaw raw:
                Write(builder, raw.Node, indent);
                return;
        }
    }

    private static void Indent(StringBuilder builder, int indent) => builder.Append(' ', indent * 2);

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    // Control characters, and surrogates without their pair (which UTF-8 cannot hold), are escaped.
                    var lonely = char.IsHighSurrogate(c) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
                    if (c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029' || lonely)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
