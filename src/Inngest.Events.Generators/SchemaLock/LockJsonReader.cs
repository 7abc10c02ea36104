using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// Reads JSON (RFC 8259, nothing more lenient) into <see cref="LockNode"/>s with their offsets. Errors are
/// <see cref="LockFormatException"/>s at the offending character; nesting is limited so that no input can overflow the stack.
/// </summary>
internal sealed class LockJsonReader
{
    private const int MaxDepth = 128;

    private readonly string _text;
    private readonly int _rawDepth;

    // The names seen so far in each skipped object, by depth (reused: a lock skips thousands of small objects).
    private readonly List<List<(int Start, int Length, bool Escaped)>> _skippedNames = new();
    private int _position;

    private LockJsonReader(string text, int rawDepth)
    {
        _text = text;
        _rawDepth = rawDepth;
    }

    public static LockNode Read(string text) => Read(text, int.MaxValue);

    /// <summary>
    /// Reads <paramref name="text"/>, checking all of it, but keeps the values nested <paramref name="rawDepth"/> levels
    /// deep as <see cref="LockRaw"/> spans, to be read when needed (the lock's schemas, most of which are never looked at).
    /// </summary>
    public static LockNode Read(string text, int rawDepth)
    {
        var reader = new LockJsonReader(text, rawDepth);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader._position = 1;
        }

        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._position < text.Length)
        {
            throw new LockFormatException($"unexpected '{Describe(text[reader._position])}' after the end of the JSON value", reader._position);
        }

        return value;
    }

    private LockNode ReadValue(int depth)
    {
        if (_position >= _text.Length)
        {
            throw new LockFormatException("the file ends where a value was expected", _position);
        }

        var start = _position;
        if (depth >= _rawDepth)
        {
            Skip(depth);
            return new LockRaw(_text, start, _position - start);
        }

        LockNode value;
        switch (_text[_position])
        {
            case '{':
                value = ReadObject(depth);
                break;
            case '[':
                value = ReadArray(depth);
                break;
            case '"':
                value = new LockString(ReadString(build: true)!);
                break;
            case 't':
                ReadWord("true");
                value = LockLiteral.Create("true");
                break;
            case 'f':
                ReadWord("false");
                value = LockLiteral.Create("false");
                break;
            case 'n':
                ReadWord("null");
                value = LockLiteral.Create("null");
                break;
            case '-':
            case >= '0' and <= '9':
                value = new LockNumber(ReadNumber());
                break;
            default:
                throw new LockFormatException($"unexpected '{Describe(_text[_position])}' where a value was expected", _position);
        }

        value.Start = start;
        value.Length = _position - start;
        return value;
    }

    private LockObject ReadObject(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new LockFormatException($"the JSON nests deeper than {MaxDepth} levels", _position);
        }

        var result = new LockObject();
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Unexpected("a property name in double quotes");
            }

            var nameStart = _position;
            var name = ReadString(build: true)!;
            if (result.Contains(name))
            {
                throw new LockFormatException($"the property \"{name}\" appears twice in one object", nameStart);
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Unexpected("':'");
            }

            _position++;
            SkipWhitespace();
            result.Set(name, ReadValue(depth + 1));
            result.NameStarts[name] = nameStart;
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == '}')
            {
                return result;
            }

            if (next != ',')
            {
                _position--;
                throw Unexpected("',' or '}'");
            }
        }
    }

    private LockArray ReadArray(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new LockFormatException($"the JSON nests deeper than {MaxDepth} levels", _position);
        }

        var result = new LockArray();
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            result.Items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _position++;
            if (next == ']')
            {
                return result;
            }

            if (next != ',')
            {
                _position--;
                throw Unexpected("',' or ']'");
            }
        }
    }

    /// <summary>Checks a value and moves past it without building it.</summary>
    private void Skip(int depth)
    {
        var c = Peek();
        if (c is '{' or '[')
        {
            if (depth >= MaxDepth)
            {
                throw new LockFormatException($"the JSON nests deeper than {MaxDepth} levels", _position);
            }

            var close = c == '{' ? '}' : ']';
            List<(int Start, int Length, bool Escaped)>? names = null;
            if (close == '}')
            {
                while (_skippedNames.Count <= depth)
                {
                    _skippedNames.Add(new List<(int, int, bool)>());
                }

                names = _skippedNames[depth];
                names.Clear();
            }

            _position++;
            SkipWhitespace();
            if (Peek() == close)
            {
                _position++;
                return;
            }

            while (true)
            {
                SkipWhitespace();
                if (close == '}')
                {
                    if (Peek() != '"')
                    {
                        throw Unexpected("a property name in double quotes");
                    }

                    var nameStart = _position;
                    ReadString(build: false);
                    var name = (nameStart, _position - nameStart, _text.IndexOf('\\', nameStart, _position - nameStart) >= 0);
                    foreach (var other in names!)
                    {
                        if (SameName(other, name))
                        {
                            throw new LockFormatException($"the property \"{NameAt(nameStart)}\" appears twice in one object", nameStart);
                        }
                    }

                    names.Add(name);
                    SkipWhitespace();
                    if (Peek() != ':')
                    {
                        throw Unexpected("':'");
                    }

                    _position++;
                    SkipWhitespace();
                }

                if (_position >= _text.Length)
                {
                    throw new LockFormatException("the file ends where a value was expected", _position);
                }

                Skip(depth + 1);
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == close)
                {
                    return;
                }

                if (next != ',')
                {
                    _position--;
                    throw Unexpected(close == '}' ? "',' or '}'" : "',' or ']'");
                }
            }
        }

        switch (c)
        {
            case '"':
                ReadString(build: false);
                return;
            case 't':
                ReadWord("true");
                return;
            case 'f':
                ReadWord("false");
                return;
            case 'n':
                ReadWord("null");
                return;
            case '-':
            case >= '0' and <= '9':
                SkipNumber();
                return;
            default:
                throw new LockFormatException($"unexpected '{Describe(c)}' where a value was expected", _position);
        }
    }

    /// <summary>
    /// Whether two property names of one skipped object (their quoted text in the file) are the same name: compared as
    /// they are written, and only decoded when one of them has an escape (so that "a" and "\u0061" are one name).
    /// </summary>
    private bool SameName((int Start, int Length, bool Escaped) left, (int Start, int Length, bool Escaped) right)
    {
        if (!left.Escaped && !right.Escaped)
        {
            return left.Length == right.Length && string.CompareOrdinal(_text, left.Start, _text, right.Start, left.Length) == 0;
        }

        return NameAt(left.Start) == NameAt(right.Start);
    }

    /// <summary>The string that starts (with its quote) at <paramref name="start"/>, decoded; the position is kept.</summary>
    private string NameAt(int start)
    {
        var position = _position;
        _position = start;
        var name = ReadString(build: true)!;
        _position = position;
        return name;
    }

    private string? ReadString(bool build)
    {
        _position++;
        var builder = build ? new StringBuilder() : null;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new LockFormatException("the file ends inside a string", _position);
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return builder?.ToString();
            }

            if (c < ' ')
            {
                throw new LockFormatException($"a control character ({Describe(c)}) inside a string must be escaped", _position);
            }

            if (c != '\\')
            {
                builder?.Append(c);
                _position++;
                continue;
            }

            _position++;
            if (_position >= _text.Length)
            {
                throw new LockFormatException("the file ends inside a string", _position);
            }

            var escape = _text[_position];
            _position++;
            switch (escape)
            {
                case '"': builder?.Append('"'); break;
                case '\\': builder?.Append('\\'); break;
                case '/': builder?.Append('/'); break;
                case 'b': builder?.Append('\b'); break;
                case 'f': builder?.Append('\f'); break;
                case 'n': builder?.Append('\n'); break;
                case 'r': builder?.Append('\r'); break;
                case 't': builder?.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new LockFormatException("'\\u' must be followed by four hexadecimal digits", _position - 2);
                    }

                    builder?.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new LockFormatException($"'\\{Describe(escape)}' is not a JSON escape", _position - 2);
            }
        }
    }

    private string ReadNumber()
    {
        var start = _position;
        SkipNumber();
        return _text.Substring(start, _position - start);
    }

    /// <summary>Checks a number and moves past it (a skipped schema's numbers are not copied out of the file).</summary>
    private void SkipNumber()
    {
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (Peek() is >= '1' and <= '9')
        {
            SkipDigits();
        }
        else
        {
            throw Unexpected("a digit");
        }

        if (Peek() == '.')
        {
            _position++;
            if (Peek() is not (>= '0' and <= '9'))
            {
                throw Unexpected("a digit after '.'");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (Peek() is not (>= '0' and <= '9'))
            {
                throw Unexpected("a digit in the exponent");
            }

            SkipDigits();
        }
    }

    private void SkipDigits()
    {
        while (Peek() is >= '0' and <= '9')
        {
            _position++;
        }
    }

    private void ReadWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw new LockFormatException($"unexpected '{Describe(_text[_position])}' where a value was expected", _position);
        }

        _position += word.Length;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private LockFormatException Unexpected(string expected)
        => _position >= _text.Length
            ? new LockFormatException($"the file ends where {expected} was expected", _position)
            : new LockFormatException($"unexpected '{Describe(_text[_position])}' where {expected} was expected", _position);

    private static string Describe(char c)
        => c < ' ' || c == '\u007F' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
}
