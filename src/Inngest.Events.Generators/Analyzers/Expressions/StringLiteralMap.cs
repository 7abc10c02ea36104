using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>
/// Maps offsets in the value of a C# string literal (regular, verbatim or raw) to the source characters that wrote
/// them, so that a problem the expression parser finds at offset 12 is reported under the exact character in the
/// editor, escapes and raw-string indentation included. For anything else (a constant, a concatenation, an
/// interpolation) <see cref="Create"/> gives null and the caller reports on the whole argument.
/// </summary>
internal sealed class StringLiteralMap
{
    // _starts[i] is the source position where value character i begins; _starts[value.Length] is where the closing
    // delimiter begins.
    private readonly int[] _starts;

    private StringLiteralMap(int[] starts)
    {
        _starts = starts;
    }

    /// <summary>The map for <paramref name="syntax"/> when it is a string literal whose value is <paramref name="value"/>; otherwise null.</summary>
    public static StringLiteralMap? Create(SyntaxNode? syntax, string value)
    {
        if (syntax is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        var token = literal.Token;
        var text = token.Text;
        var starts = new List<int>(value.Length + 1);
        var decoded = new StringBuilder(value.Length);
        bool ok;
        if (token.IsKind(SyntaxKind.StringLiteralToken))
        {
            ok = text.StartsWith("@", System.StringComparison.Ordinal)
                ? DecodeVerbatim(text, starts, decoded)
                : DecodeRegular(text, starts, decoded);
        }
        else if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
        {
            ok = DecodeSingleLineRaw(text, starts, decoded);
        }
        else if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            ok = DecodeMultiLineRaw(text, starts, decoded);
        }
        else
        {
            ok = false;
        }

        // Anything this decoder does not understand exactly is reported on the whole literal instead.
        if (!ok || starts.Count != value.Length + 1 || decoded.ToString() != value)
        {
            return null;
        }

        var absolute = new int[starts.Count];
        for (var i = 0; i < absolute.Length; i++)
        {
            absolute[i] = token.SpanStart + starts[i];
        }

        return new StringLiteralMap(absolute);
    }

    /// <summary>
    /// The source span of value characters <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/>;
    /// an empty range (such as "end of input") covers the closing delimiter's first character.
    /// </summary>
    public TextSpan Span(int start, int length)
    {
        var last = _starts.Length - 1;
        start = start < 0 ? 0 : start > last ? last : start;
        var end = start + (length < 0 ? 0 : length);
        end = end > last ? last : end;
        return end > start
            ? TextSpan.FromBounds(_starts[start], _starts[end])
            : new TextSpan(_starts[start], 1);
    }

    private static bool DecodeRegular(string text, List<int> starts, StringBuilder decoded)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return false;
        }

        var end = text.Length - 1;
        var i = 1;
        while (i < end)
        {
            var start = i;
            if (text[i] != '\\')
            {
                starts.Add(start);
                decoded.Append(text[i++]);
                continue;
            }

            if (i + 1 >= end)
            {
                return false;
            }

            var c = text[i + 1];
            i += 2;
            switch (c)
            {
                case '\'': Add('\''); break;
                case '"': Add('"'); break;
                case '\\': Add('\\'); break;
                case '0': Add('\0'); break;
                case 'a': Add('\a'); break;
                case 'b': Add('\b'); break;
                case 'e': Add('\u001b'); break;
                case 'f': Add('\f'); break;
                case 'n': Add('\n'); break;
                case 'r': Add('\r'); break;
                case 't': Add('\t'); break;
                case 'v': Add('\v'); break;
                case 'u':
                case 'U':
                case 'x':
                    var max = c == 'u' ? 4 : c == 'U' ? 8 : 4;
                    var digits = 0;
                    while (digits < max && i + digits < end && IsHex(text[i + digits]))
                    {
                        digits++;
                    }

                    if (digits == 0 || (c != 'x' && digits != max)
                        || !int.TryParse(text.Substring(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || code < 0 || code > 0x10FFFF)
                    {
                        return false;
                    }

                    i += digits;
                    if (code >= 0x10000)
                    {
                        var pair = char.ConvertFromUtf32(code);
                        Add(pair[0]);
                        Add(pair[1]);
                    }
                    else
                    {
                        Add((char)code);
                    }

                    break;
                default:
                    return false;
            }

            void Add(char value)
            {
                starts.Add(start);
                decoded.Append(value);
            }
        }

        starts.Add(end);
        return true;
    }

    private static bool DecodeVerbatim(string text, List<int> starts, StringBuilder decoded)
    {
        var open = text.IndexOf('"');
        if (open < 0 || text.Length < open + 2 || text[text.Length - 1] != '"')
        {
            return false;
        }

        var end = text.Length - 1;
        var i = open + 1;
        while (i < end)
        {
            starts.Add(i);
            decoded.Append(text[i]);
            i += text[i] == '"' ? 2 : 1;
        }

        starts.Add(end);
        return true;
    }

    private static bool DecodeSingleLineRaw(string text, List<int> starts, StringBuilder decoded)
    {
        var quotes = CountQuotes(text, 0);
        if (quotes < 3 || text.Length < 2 * quotes)
        {
            return false;
        }

        for (var i = quotes; i < text.Length - quotes; i++)
        {
            starts.Add(i);
            decoded.Append(text[i]);
        }

        starts.Add(text.Length - quotes);
        return true;
    }

    private static bool DecodeMultiLineRaw(string text, List<int> starts, StringBuilder decoded)
    {
        var quotes = CountQuotes(text, 0);
        var lines = new List<(int Start, int End, int BreakEnd)>();
        var position = 0;
        while (position <= text.Length)
        {
            var lineEnd = position;
            while (lineEnd < text.Length && text[lineEnd] != '\r' && text[lineEnd] != '\n')
            {
                lineEnd++;
            }

            var breakEnd = lineEnd;
            if (breakEnd < text.Length && text[breakEnd] == '\r')
            {
                breakEnd++;
            }

            if (breakEnd < text.Length && text[breakEnd] == '\n')
            {
                breakEnd++;
            }

            lines.Add((position, lineEnd, breakEnd));
            if (breakEnd == lineEnd)
            {
                break;
            }

            position = breakEnd;
        }

        if (quotes < 3 || lines.Count < 3)
        {
            return false;
        }

        // The closing line is the indentation followed by the closing quotes; that indentation is removed from every line.
        var closing = lines[lines.Count - 1];
        var indentation = 0;
        while (closing.Start + indentation < closing.End && (text[closing.Start + indentation] == ' ' || text[closing.Start + indentation] == '\t'))
        {
            indentation++;
        }

        for (var l = 1; l < lines.Count - 1; l++)
        {
            var line = lines[l];
            var contentStart = line.Start + indentation;
            var whitespaceOnly = true;
            for (var i = line.Start; i < line.End; i++)
            {
                whitespaceOnly &= text[i] == ' ' || text[i] == '\t';
            }

            if (!whitespaceOnly)
            {
                if (contentStart > line.End)
                {
                    return false;
                }

                for (var i = contentStart; i < line.End; i++)
                {
                    starts.Add(i);
                    decoded.Append(text[i]);
                }
            }

            if (l < lines.Count - 2)
            {
                for (var i = line.End; i < line.BreakEnd; i++)
                {
                    starts.Add(i);
                    decoded.Append(text[i]);
                }
            }
        }

        starts.Add(closing.Start + indentation);
        return true;
    }

    private static int CountQuotes(string text, int start)
    {
        var count = 0;
        while (start + count < text.Length && text[start + count] == '"')
        {
            count++;
        }

        return count;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
