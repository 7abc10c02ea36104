using System;
using System.Text;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// A small indenting text writer for generated sources. Its buffer comes from a per-thread pool and goes back with
/// <see cref="ToStringAndFree"/>: after the first few files on a thread the builder is one chunk as large as the
/// largest file written there (up to <see cref="MaxPooledCapacity"/>), so writing a file allocates its text once
/// instead of growing a builder chunk by chunk.
/// </summary>
internal sealed class SourceWriter
{
    // A builder that grew past this (a huge file, such as a large project's function registry) is dropped rather
    // than kept, and the next writer starts small again: new writers are never sized by an outlier.
    private const int MaxPooledCapacity = 256 * 1024;

    private const int InitialCapacity = 16 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_pooled;

    private StringBuilder? _builder;
    private int _indent;

    public SourceWriter()
    {
        _builder = t_pooled ?? new StringBuilder(InitialCapacity);
        t_pooled = null;
    }

    public int Indent
    {
        get => _indent;
        set => _indent = value < 0 ? 0 : value;
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The writer's text was already taken.");

    /// <summary>Writes one or more lines (split on '\n') at the current indentation; blank lines stay empty.</summary>
    public SourceWriter Line(string text = "")
    {
        var builder = Builder;
        if (text.Length == 0)
        {
            builder.Append('\n');
            return this;
        }

        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                AppendLine(builder, text, start, text.Length);
                return this;
            }

            AppendLine(builder, text, start, end);
            start = end + 1;
        }
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line(suffix.Length == 0 ? "}" : "}" + suffix);
    }

    /// <summary>The text written so far; the writer can go on.</summary>
    public override string ToString() => Builder.ToString();

    /// <summary>The text written; the buffer goes back to this thread's pool and the writer cannot be used again.</summary>
    public string ToStringAndFree()
    {
        var builder = Builder;
        var text = builder.ToString();
        _builder = null;
        if (builder.Capacity <= MaxPooledCapacity)
        {
            builder.Clear();
            t_pooled = builder;
        }

        return text;
    }

    /// <summary>One line of <paramref name="text"/> (<paramref name="start"/> to <paramref name="end"/>), as <c>Split('\n')</c> then <c>TrimEnd('\r')</c> would give it.</summary>
    private void AppendLine(StringBuilder builder, string text, int start, int end)
    {
        while (end > start && text[end - 1] == '\r')
        {
            end--;
        }

        if (end > start)
        {
            builder.Append(' ', _indent * 4).Append(text, start, end - start);
        }

        builder.Append('\n');
    }
}
