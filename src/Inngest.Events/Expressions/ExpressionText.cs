using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Inngest.Events.Expressions;

/// <summary>
/// Builds expression source text safely: quoted string literals and field paths that survive any property name.
/// Used to translate typed C# (such as a <c>WaitForEventAsync</c> match on a property) into an Inngest expression.
/// </summary>
public static class ExpressionText
{
    /// <summary>
    /// Formats <paramref name="value"/> as a single-quoted string literal, escaping backslashes, quotes and control
    /// characters, so that parsing the result gives back exactly <paramref name="value"/>.
    /// </summary>
    /// <param name="value">The text to quote.</param>
    /// <returns>For example <c>'it\'s'</c> for <c>it's</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains an unpaired surrogate, which no expression string can hold.</exception>
    public static string Quote(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    /// <summary>
    /// Formats a path of JSON property names below <paramref name="root"/> as field selections, falling back to
    /// indexing for names that are not plain identifiers: <c>event.data.user['first-name']</c>.
    /// </summary>
    /// <param name="root">The root, such as <c>event.data</c> or <c>async.data</c>; it is written as given.</param>
    /// <param name="path">The property names, outermost first, exactly as they appear in the JSON.</param>
    /// <returns>The path as source text.</returns>
    internal static string Path(string root, IReadOnlyList<string> path)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var builder = new StringBuilder(root);
        for (var i = 0; i < path.Count; i++)
        {
            var name = path[i] ?? throw new ArgumentException("A property name in the path is null.", nameof(path));
            if (IsFieldName(name))
            {
                builder.Append('.').Append(name);
            }
            else
            {
                builder.Append('[');
                AppendQuoted(builder, name);
                builder.Append(']');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Builds the condition that a property of the waited-for (or cancelling) event's data equals the same property
    /// of the triggering event's data: <c>event.data.userId == async.data.userId</c>. This is what the Inngest SDKs'
    /// legacy <c>match</c> option means.
    /// </summary>
    /// <param name="dataPath">The JSON property names below <c>data</c>, outermost first; at least one.</param>
    /// <returns>The expression source text.</returns>
    internal static string DataFieldsEqual(IReadOnlyList<string> dataPath)
    {
        if (dataPath is null)
        {
            throw new ArgumentNullException(nameof(dataPath));
        }

        if (dataPath.Count == 0)
        {
            throw new ArgumentException("The data path needs at least one property name.", nameof(dataPath));
        }

        return Path("event.data", dataPath) + " == " + Path("async.data", dataPath);
    }

    /// <summary>
    /// Builds <c>event.data.&lt;path&gt; == async.data.&lt;path&gt;</c> from a dotted path of JSON property names
    /// below <c>data</c>, such as <c>userId</c> or <c>customer.id</c>.
    /// </summary>
    /// <param name="dottedDataPath">The path below <c>data</c>, with segments separated by dots.</param>
    /// <returns>The expression source text.</returns>
    internal static string DataFieldsEqual(string dottedDataPath)
    {
        if (dottedDataPath is null)
        {
            throw new ArgumentNullException(nameof(dottedDataPath));
        }

        var segments = dottedDataPath.Split('.');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                throw new ArgumentException($"The data path '{dottedDataPath}' has an empty segment.", nameof(dottedDataPath));
            }
        }

        return DataFieldsEqual(segments);
    }

    /// <summary>
    /// Whether <paramref name="name"/> can be written as a field selection (<c>.name</c>): an identifier that is not
    /// a keyword or a word CEL reserves.
    /// </summary>
    /// <param name="name">A property name.</param>
    /// <returns>True for names such as <c>userId</c> and <c>_x1</c>; false for <c>first-name</c>, <c>1st</c>, <c>in</c> or <c>if</c>.</returns>
    internal static bool IsFieldName(string name)
    {
        if (string.IsNullOrEmpty(name) || !ExpressionLexer.IsIdentifierStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!ExpressionLexer.IsIdentifierPart(name[i]))
            {
                return false;
            }
        }

        return ExpressionLexer.KeywordKind(name) == ExpressionTokenKind.Identifier && !ExpressionParser.IsReservedWord(name);
    }

    internal static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('\'');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\'':
                    builder.Append("\\'");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new ArgumentException(
                            $"The text has an unpaired surrogate (U+{(int)c:X4}) at index {i}; expression strings hold only whole code points.",
                            nameof(value));
                    }
                    else if (c < ' ' || c == '\u007F')
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

        builder.Append('\'');
    }
}
