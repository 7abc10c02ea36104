using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Inngest.Events.Expressions;

/// <summary>
/// Splits expression source into tokens: CEL's lexical grammar (identifiers, keywords, decimal and hex integers,
/// floats, quoted, triple-quoted and raw strings, <c>//</c> comments), without bytes literals.
/// </summary>
internal sealed class ExpressionLexer
{
    private readonly string _source;
    private readonly List<ExpressionToken> _tokens = new();
    private int _position;

    private ExpressionLexer(string source)
    {
        _source = source;
    }

    /// <summary>Tokenizes the whole source; the last token is always <see cref="ExpressionTokenKind.End"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">The source has a character or literal that is not valid.</exception>
    public static List<ExpressionToken> Tokenize(string source)
    {
        var lexer = new ExpressionLexer(source);
        lexer.Run();
        return lexer._tokens;
    }

    public static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    /// <summary>The keyword token kind for <paramref name="name"/>, or <see cref="ExpressionTokenKind.Identifier"/>.</summary>
    public static ExpressionTokenKind KeywordKind(string name) => name switch
    {
        "true" => ExpressionTokenKind.True,
        "false" => ExpressionTokenKind.False,
        "null" => ExpressionTokenKind.Null,
        "in" => ExpressionTokenKind.In,
        _ => ExpressionTokenKind.Identifier,
    };

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private char Peek(int offset = 0)
    {
        var index = _position + offset;
        return index < _source.Length ? _source[index] : '\0';
    }

    private bool HasMore(int offset = 0) => _position + offset < _source.Length;

    private ExpressionSyntaxException Error(int position, string problem) =>
        ExpressionSyntaxException.At(_source, position, problem);

    private void Add(ExpressionTokenKind kind, int start, int length) =>
        _tokens.Add(new ExpressionToken(kind, start, length));

    private void Run()
    {
        while (true)
        {
            SkipWhitespaceAndComments();
            if (!HasMore())
            {
                Add(ExpressionTokenKind.End, _source.Length, 0);
                return;
            }

            var start = _position;
            var c = _source[_position];
            if (IsDigit(c))
            {
                LexNumber();
                continue;
            }

            if (c == '\'' || c == '"')
            {
                LexString(start, raw: false);
                continue;
            }

            if ((c == 'r' || c == 'R') && (Peek(1) == '\'' || Peek(1) == '"'))
            {
                _position++;
                LexString(start, raw: true);
                continue;
            }

            if ((c == 'b' || c == 'B') && (Peek(1) == '\'' || Peek(1) == '"'))
            {
                throw Error(start, "Bytes literals are not supported");
            }

            if (IsIdentifierStart(c))
            {
                LexIdentifier();
                continue;
            }

            LexPunctuation(start, c);
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (HasMore())
        {
            var c = _source[_position];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (HasMore() && _source[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void LexPunctuation(int start, char c)
    {
        var next = Peek(1);
        ExpressionTokenKind kind;
        var length = 1;
        switch (c)
        {
            case '(': kind = ExpressionTokenKind.LeftParen; break;
            case ')': kind = ExpressionTokenKind.RightParen; break;
            case '[': kind = ExpressionTokenKind.LeftBracket; break;
            case ']': kind = ExpressionTokenKind.RightBracket; break;
            case '{': kind = ExpressionTokenKind.LeftBrace; break;
            case '}': kind = ExpressionTokenKind.RightBrace; break;
            case '.': kind = ExpressionTokenKind.Dot; break;
            case ',': kind = ExpressionTokenKind.Comma; break;
            case ':': kind = ExpressionTokenKind.Colon; break;
            case '?': kind = ExpressionTokenKind.Question; break;
            case '+': kind = ExpressionTokenKind.Plus; break;
            case '-': kind = ExpressionTokenKind.Minus; break;
            case '*': kind = ExpressionTokenKind.Star; break;
            case '/': kind = ExpressionTokenKind.Slash; break;
            case '%': kind = ExpressionTokenKind.Percent; break;
            case '!':
                (kind, length) = next == '=' ? (ExpressionTokenKind.BangEqual, 2) : (ExpressionTokenKind.Bang, 1);
                break;
            case '<':
                (kind, length) = next == '=' ? (ExpressionTokenKind.LessEqual, 2) : (ExpressionTokenKind.Less, 1);
                break;
            case '>':
                (kind, length) = next == '=' ? (ExpressionTokenKind.GreaterEqual, 2) : (ExpressionTokenKind.Greater, 1);
                break;
            case '=':
                if (next != '=')
                {
                    throw Error(start, "Unexpected '=' (use '==' to compare)");
                }

                (kind, length) = (ExpressionTokenKind.EqualEqual, 2);
                break;
            case '&':
                if (next != '&')
                {
                    throw Error(start, "Unexpected '&' (use '&&' for logical and)");
                }

                (kind, length) = (ExpressionTokenKind.AndAnd, 2);
                break;
            case '|':
                if (next != '|')
                {
                    throw Error(start, "Unexpected '|' (use '||' for logical or)");
                }

                (kind, length) = (ExpressionTokenKind.OrOr, 2);
                break;
            default:
                throw Error(start, $"Unexpected character {DescribeChar(c)}");
        }

        _position += length;
        Add(kind, start, length);
    }

    private static string DescribeChar(char c) =>
        c < ' ' || c == '\u007F' || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";

    private void LexIdentifier()
    {
        var start = _position;
        while (HasMore() && IsIdentifierPart(_source[_position]))
        {
            _position++;
        }

        var name = _source.Substring(start, _position - start);
        var kind = KeywordKind(name);
        _tokens.Add(new ExpressionToken(kind, start, name.Length, kind == ExpressionTokenKind.Identifier ? name : null));
    }

    private void LexNumber()
    {
        var start = _position;
        if (_source[_position] == '0' && (Peek(1) == 'x' || Peek(1) == 'X'))
        {
            _position += 2;
            var digitsStart = _position;
            ulong hex = 0;
            while (HasMore() && IsHexDigit(_source[_position]))
            {
                if (hex > (ulong.MaxValue >> 4))
                {
                    throw Error(start, "Integer literal is too large");
                }

                hex = (hex << 4) | (uint)HexValue(_source[_position]);
                _position++;
            }

            if (_position == digitsStart)
            {
                throw Error(start, "Hexadecimal literal has no digits");
            }

            EndInteger(start, hex);
            return;
        }

        while (HasMore() && IsDigit(_source[_position]))
        {
            _position++;
        }

        var isDouble = false;
        if (Peek() == '.' && IsDigit(Peek(1)))
        {
            isDouble = true;
            _position++;
            while (HasMore() && IsDigit(_source[_position]))
            {
                _position++;
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            var exponentStart = _position;
            _position++;
            if (Peek() == '+' || Peek() == '-')
            {
                _position++;
            }

            if (!IsDigit(Peek()))
            {
                throw Error(exponentStart, "Number has an exponent without digits");
            }

            while (HasMore() && IsDigit(_source[_position]))
            {
                _position++;
            }

            isDouble = true;
        }

        var text = _source.Substring(start, _position - start);
        if (isDouble)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || double.IsInfinity(value))
            {
                throw Error(start, "Floating-point literal is out of range");
            }

            RejectTrailingLetters();
            _tokens.Add(new ExpressionToken(ExpressionTokenKind.Double, start, _position - start, Double: value));
            return;
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
        {
            throw Error(start, "Integer literal is too large");
        }

        EndInteger(start, integer);
    }

    private void EndInteger(int start, ulong magnitude)
    {
        // CEL's unsigned suffix; values here are all 64-bit signed, so it is accepted and ignored.
        if (Peek() == 'u' || Peek() == 'U')
        {
            _position++;
        }

        RejectTrailingLetters();
        _tokens.Add(new ExpressionToken(ExpressionTokenKind.Integer, start, _position - start, Integer: magnitude));
    }

    private void RejectTrailingLetters()
    {
        if (HasMore() && IsIdentifierPart(_source[_position]))
        {
            throw Error(_position, $"Unexpected {DescribeChar(_source[_position])} after a number");
        }
    }

    private void LexString(int start, bool raw)
    {
        var quote = _source[_position];
        var triple = Peek(1) == quote && Peek(2) == quote;
        _position += triple ? 3 : 1;
        var builder = new StringBuilder();
        while (true)
        {
            if (!HasMore())
            {
                throw Error(start, "Unterminated string literal");
            }

            var c = _source[_position];
            if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote)))
            {
                _position += triple ? 3 : 1;
                break;
            }

            if (!triple && (c == '\n' || c == '\r'))
            {
                throw Error(start, "Unterminated string literal (a line break needs '\\n' or a triple-quoted string)");
            }

            if (c == '\\' && !raw)
            {
                ReadEscape(builder);
                continue;
            }

            builder.Append(c);
            _position++;
        }

        _tokens.Add(new ExpressionToken(ExpressionTokenKind.String, start, _position - start, builder.ToString()));
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = _position;
        _position++;
        if (!HasMore())
        {
            throw Error(escapeStart, "Unterminated escape sequence");
        }

        var c = _source[_position++];
        switch (c)
        {
            case '\\': builder.Append('\\'); return;
            case '\'': builder.Append('\''); return;
            case '"': builder.Append('"'); return;
            case '`': builder.Append('`'); return;
            case '?': builder.Append('?'); return;
            case 'a': builder.Append('\a'); return;
            case 'b': builder.Append('\b'); return;
            case 'f': builder.Append('\f'); return;
            case 'n': builder.Append('\n'); return;
            case 'r': builder.Append('\r'); return;
            case 't': builder.Append('\t'); return;
            case 'v': builder.Append('\v'); return;
            case 'x':
            case 'X':
                AppendCodePoint(builder, ReadHex(escapeStart, 2), escapeStart);
                return;
            case 'u':
                AppendCodePoint(builder, ReadHex(escapeStart, 4), escapeStart);
                return;
            case 'U':
                AppendCodePoint(builder, ReadHex(escapeStart, 8), escapeStart);
                return;
            default:
                if (c >= '0' && c <= '3' && Peek() >= '0' && Peek() <= '7' && Peek(1) >= '0' && Peek(1) <= '7')
                {
                    var value = ((c - '0') << 6) | ((Peek() - '0') << 3) | (Peek(1) - '0');
                    _position += 2;
                    builder.Append((char)value);
                    return;
                }

                throw Error(escapeStart, $"Invalid escape sequence '\\{c}'");
        }
    }

    private int ReadHex(int escapeStart, int digits)
    {
        var value = 0L;
        for (var i = 0; i < digits; i++)
        {
            if (!IsHexDigit(Peek()))
            {
                throw Error(escapeStart, $"Escape sequence needs {digits} hexadecimal digits");
            }

            value = (value << 4) | (uint)HexValue(_source[_position++]);
        }

        return value > 0x10FFFF ? -1 : (int)value;
    }

    private void AppendCodePoint(StringBuilder builder, int codePoint, int escapeStart)
    {
        if (codePoint < 0 || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            throw Error(escapeStart, "Escape sequence is not a valid Unicode code point");
        }

        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
