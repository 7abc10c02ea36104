using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// A small indenting text writer for generated sources. Its buffer comes from a per-thread pool and goes back with
/// <see cref="ToStringAndFree"/>: after the first few files on a thread the builder is one chunk as large as the
/// largest file written there (up to <see cref="MaxPooledCapacity"/>), so writing a file allocates its text once
/// instead of growing a builder chunk by chunk. An interpolated string passed to <see cref="Line(ref LineHandler)"/> or
/// <see cref="Open(ref LineHandler)"/> is written straight into that buffer (<see cref="LineHandler"/>), so a line
/// costs no string of its own: at hundreds of events the lines' strings were half of what emitting allocated.
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
        // One rule for every line, plain or interpolated: the handler's.
        var line = new LineHandler(text.Length, 0, this);
        line.AppendLiteral(text);
        line.End();
        return this;
    }

    /// <summary>Writes an interpolated line (or lines) as <see cref="Line(string)"/> does, without building its string first.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler text)
    {
        text.End();
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary><see cref="Open(string)"/> with an interpolated header written straight into the buffer.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        header.End();
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

    /// <summary>
    /// Appends an interpolated line to the writer's buffer as it is formatted, with the same result as formatting it
    /// to a string (invariant culture) and passing that to <see cref="Line(string)"/>: each '\n' in the literal parts or
    /// the values starts a new indented line, trailing '\r's are dropped and blank lines stay empty.
    /// </summary>
    [InterpolatedStringHandler]
    public struct LineHandler
    {
        private readonly StringBuilder _builder;
        private readonly int _indent;
        private int _lineStart;
        private int _contentStart;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer.Builder;
            _indent = writer._indent;
            _lineStart = 0;
            _contentStart = 0;
            StartLine();
        }

        public void AppendLiteral(string value) => Append(value);

        public void AppendFormatted(string? value) => Append(value);

        public void AppendFormatted(int value)
        {
            // Digits are the same in every culture; only a negative sign is not (the runtime formats into the buffer).
            if (value >= 0)
            {
                _builder.Append(value);
            }
            else
            {
                Append(value.ToString(CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Writes a piece of code through its source, without a string of its own (it holds no line break).</summary>
        public void AppendFormatted(Code code) => code.Source.Write(_builder, code);

        public void AppendFormatted<T>(T value) => Append(value is IFormattable formattable
            ? formattable.ToString(null, CultureInfo.InvariantCulture)
            : value?.ToString());

        public void AppendFormatted<T>(T value, string? format) => Append(value is IFormattable formattable
            ? formattable.ToString(format, CultureInfo.InvariantCulture)
            : value?.ToString());

        internal void End() => EndLine();

        private void Append(string? value)
        {
            if (value is null)
            {
                return;
            }

            var start = 0;
            while (true)
            {
                var end = value.IndexOf('\n', start);
                if (end < 0)
                {
                    _builder.Append(value, start, value.Length - start);
                    return;
                }

                _builder.Append(value, start, end - start);
                EndLine();
                StartLine();
                start = end + 1;
            }
        }

        /// <summary>Indents a new line; <see cref="EndLine"/> takes the indentation back if the line stays blank.</summary>
        private void StartLine()
        {
            _lineStart = _builder.Length;
            _builder.Append(' ', _indent * 4);
            _contentStart = _builder.Length;
        }

        private void EndLine()
        {
            var length = _builder.Length;
            while (length > _contentStart && _builder[length - 1] == '\r')
            {
                length--;
            }

            _builder.Length = length == _contentStart ? _lineStart : length;
            _builder.Append('\n');
        }
    }
}

/// <summary>Writes the pieces of code it makes (<see cref="Code"/>) straight into a line's buffer.</summary>
internal interface ICodeSource
{
    void Write(StringBuilder builder, Code code);
}

/// <summary>
/// A piece of code that its <see cref="Source"/> writes when a <see cref="SourceWriter.LineHandler"/> reaches it in an
/// interpolated line: an expression made of a few names and numbers costs no string of its own. What the other fields
/// mean is the source's business.
/// </summary>
internal readonly struct Code
{
    public Code(ICodeSource source, int kind, int index, string? first = null, object? item = null)
    {
        Source = source;
        Kind = kind;
        Index = index;
        First = first;
        Item = item;
    }

    public ICodeSource Source { get; }

    public int Kind { get; }

    public int Index { get; }

    public string? First { get; }

    public object? Item { get; }
}
