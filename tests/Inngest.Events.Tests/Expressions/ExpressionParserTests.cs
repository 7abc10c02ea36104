using Inngest.Events.Expressions;
using Xunit;

namespace Inngest.Events.Tests.Expressions;

public sealed class ExpressionParserTests
{
    // Each row: source, and the tree printed with every operation parenthesized.
    public static TheoryData<string, string> Shapes => new()
    {
        // precedence, lowest first: ?: < || < && < relations < + - < * / % < unary < member/index/call
        { "a || b && c", "(a || (b && c))" },
        { "a && b || c", "((a && b) || c)" },
        { "a == b && c != d", "((a == b) && (c != d))" },
        { "a == b || c", "((a == b) || c)" },
        { "a + b < c * d", "((a + b) < (c * d))" },
        { "a + b * c", "(a + (b * c))" },
        { "a * b + c", "((a * b) + c)" },
        { "a - b / c", "(a - (b / c))" },
        { "a % b - c", "((a % b) - c)" },
        { "a + b in c", "((a + b) in c)" },
        { "a in b && c", "((a in b) && c)" },
        { "!a && b", "((!a) && b)" },
        { "!a == b", "((!a) == b)" },
        { "-a * b", "((-a) * b)" },
        { "!a.b", "(!a.b)" },
        { "-a.b[0]", "(-a.b[0])" },
        { "!a.f(1)", "(!a.f(1))" },
        { "a || b ? c && d : e", "((a || b) ? (c && d) : e)" },
        { "(a + b) * c", "((a + b) * c)" },
        { "a * (b + c)", "(a * (b + c))" },
        { "((a))", "a" },

        // associativity: binary operators left, ?: right
        { "a || b || c", "((a || b) || c)" },
        { "a && b && c", "((a && b) && c)" },
        { "a - b - c", "((a - b) - c)" },
        { "a / b / c", "((a / b) / c)" },
        { "a % b * c", "((a % b) * c)" },
        { "a == b == c", "((a == b) == c)" },
        { "a < b < c", "((a < b) < c)" },
        { "a ? b : c ? d : e", "(a ? b : (c ? d : e))" },
        { "(a ? b : c) ? d : e", "((a ? b : c) ? d : e)" },
        { "!!a", "(!(!a))" },
        { "!-a", "(!(-a))" },

        // every operator
        { "a == b", "(a == b)" },
        { "a != b", "(a != b)" },
        { "a < b", "(a < b)" },
        { "a <= b", "(a <= b)" },
        { "a > b", "(a > b)" },
        { "a >= b", "(a >= b)" },
        { "a in b", "(a in b)" },
        { "a + b", "(a + b)" },
        { "a - b", "(a - b)" },
        { "a * b", "(a * b)" },
        { "a / b", "(a / b)" },
        { "a % b", "(a % b)" },
        { "a && b", "(a && b)" },
        { "a || b", "(a || b)" },
        { "!a", "(!a)" },
        { "-a", "(-a)" },
        { "a ? b : c", "(a ? b : c)" },

        // member, index, call
        { "event.data.userId", "event.data.userId" },
        { "event['data'][0]", "event['data'][0]" },
        { "a.b[c.d].e", "a.b[c.d].e" },
        { "a.b(c).d", "a.b(c).d" },
        { "a.f(b, c)", "a.f(b, c)" },
        { "f()", "f()" },
        { "size(a) > 0", "(size(a) > 0)" },
        { "has(event.data.x)", "has(event.data.x)" },
        { "a.exists(x, x > 1)", "a.exists(x, (x > 1))" },
        { "a.map(x, x > 1, x * 2)", "a.map(x, (x > 1), (x * 2))" },
        { "a.if", "a.if" },
        { "_a1.B_2", "_a1.B_2" },

        // negative numbers: a minus right before a number is part of the literal
        { "-1", "-1" },
        { "- 1", "-1" },
        { "1 - 1", "(1 - 1)" },
        { "1-1", "(1 - 1)" },
        { "1 - -1", "(1 - -1)" },
        { "--1", "(-(-1))" },
        { "-(1)", "(-(1))" },
        { "!1", "(!(1))" },
        { "-1.5", "-1.5" },
        { "-9223372036854775808", "-9223372036854775808" },
        { "9223372036854775807", "9223372036854775807" },

        // literals
        { "0", "0" },
        { "0x1F", "31" },
        { "0XfF", "255" },
        { "7u", "7" },
        { "1.5", "1.5" },
        { "1e3", "1000.0" },
        { "1.5e-3", "0.0015" },
        { "2E+2", "200.0" },
        { "1e300", "1E+300" },
        { "0.0", "0.0" },
        { "true", "true" },
        { "false", "false" },
        { "null", "null" },
        { "'single'", "'single'" },
        { "\"double\"", "'double'" },
        { "'it\\'s'", "'it\\'s'" },
        { "\"it's\"", "'it\\'s'" },
        { "'say \"hi\"'", "'say \"hi\"'" },
        { "[1, 'a', null]", "[1, 'a', null]" },
        { "[1, 2, 3,]", "[1, 2, 3]" },
        { "[]", "[]" },
        { "{}", "{}" },
        { "{'a': 1, 'b': [2],}", "{'a': 1, 'b': [2]}" },
        { "{'a': {'b': 1}}.a.b", "{'a': {'b': 1}}.a.b" },

        // layout
        { "  a\t==\r\n1 ", "(a == 1)" },
        { "a // first\n && b // second", "(a && b)" },
    };

    public static TheoryData<string, string> Strings => new()
    {
        { "'plain'", "plain" },
        { "\"plain\"", "plain" },
        { "''", "" },
        { "'it\\'s'", "it's" },
        { "\"\\\"q\\\"\"", "\"q\"" },
        { "'back\\\\slash'", "back\\slash" },
        { "'a\\nb'", "a\nb" },
        { "'a\\tb'", "a\tb" },
        { "'a\\rb'", "a\rb" },
        { "'\\a\\b\\f\\v\\?\\`'", "\a\b\f\v?`" },
        { "'\\u00e9'", "é" },
        { "'\\u00E9t\\u00e9'", "été" },
        { "'\\x41\\X42'", "AB" },
        { "'\\101\\102'", "AB" },
        { "'\\U0001F600'", "😀" },
        { "'😀 héllo'", "😀 héllo" },
        { "'\"'", "\"" },
        { "\"'\"", "'" },
        { "r'raw\\n'", "raw\\n" },
        { "R\"C:\\dir\"", "C:\\dir" },
        { "'''multi\nline 'quoted' '''", "multi\nline 'quoted' " },
        { "\"\"\"x\"\"\"", "x" },
        { "'//not a comment'", "//not a comment" },
    };

    // Each row: source, the zero-based position of the error, and the exact message.
    public static TheoryData<string, int, string> Errors => new()
    {
        { "", 0, "Expected an expression at position 0 but found end of input in: " },
        { "   ", 3, "Expected an expression at position 3 but found end of input in:    " },
        { "event.data.x == (1", 18, "Expected ')' at position 18 but found end of input in: event.data.x == (1" },
        { "a +", 3, "Expected an expression at position 3 but found end of input in: a +" },
        { "a + * b", 4, "Expected an expression at position 4 but found '*' in: a + * b" },
        { "a b", 2, "Expected an operator or end of input at position 2 but found 'b' in: a b" },
        { "a )", 2, "Expected an operator or end of input at position 2 but found ')' in: a )" },
        { "a 'x'", 2, "Expected an operator or end of input at position 2 but found string 'x' in: a 'x'" },
        { "a 12", 2, "Expected an operator or end of input at position 2 but found number 12 in: a 12" },
        { "a.", 2, "Expected a field name after '.' at position 2 but found end of input in: a." },
        { "a.1", 2, "Expected a field name after '.' at position 2 but found number 1 in: a.1" },
        { "a.in", 2, "Expected a field name after '.' at position 2 but found 'in' in: a.in" },
        { "a.'b'", 2, "Expected a field name after '.' at position 2 but found string 'b' in: a.'b'" },
        { "a[1", 3, "Expected ']' at position 3 but found end of input in: a[1" },
        { "f(1, ", 5, "Expected an expression at position 5 but found end of input in: f(1, " },
        { "f(1 2)", 4, "Expected ',' or ')' at position 4 but found number 2 in: f(1 2)" },
        { "f(1,)", 4, "Expected an expression at position 4 but found ')' in: f(1,)" },
        { "[1 2]", 3, "Expected ',' or ']' at position 3 but found number 2 in: [1 2]" },
        { "[1,,2]", 3, "Expected an expression at position 3 but found ',' in: [1,,2]" },
        { "{'a' 1}", 5, "Expected ':' at position 5 but found number 1 in: {'a' 1}" },
        { "{'a': 1 'b': 2}", 8, "Expected ',' or '}' at position 8 but found string 'b' in: {'a': 1 'b': 2}" },
        { "a ? b", 5, "Expected ':' at position 5 but found end of input in: a ? b" },
        { "a ? b ? c : d : e", 6, "Expected ':' at position 6 but found '?' in: a ? b ? c : d : e" },
        { "(a", 2, "Expected ')' at position 2 but found end of input in: (a" },
        { "a = 1", 2, "Unexpected '=' (use '==' to compare) at position 2 in: a = 1" },
        { "a & b", 2, "Unexpected '&' (use '&&' for logical and) at position 2 in: a & b" },
        { "a | b", 2, "Unexpected '|' (use '||' for logical or) at position 2 in: a | b" },
        { "a # b", 2, "Unexpected character '#' at position 2 in: a # b" },
        { "é", 0, "Unexpected character 'é' at position 0 in: é" },
        { "'abc", 0, "Unterminated string literal at position 0 in: 'abc" },
        { "x == \"abc'", 5, "Unterminated string literal at position 5 in: x == \"abc'" },
        { "'a\nb'", 0, "Unterminated string literal (a line break needs '\\n' or a triple-quoted string) at position 0 in: 'a\nb'" },
        { "'''abc''", 0, "Unterminated string literal at position 0 in: '''abc''" },
        { "'a\\qb'", 2, "Invalid escape sequence '\\q' at position 2 in: 'a\\qb'" },
        { "'\\u12'", 1, "Escape sequence needs 4 hexadecimal digits at position 1 in: '\\u12'" },
        { "'\\uD83D'", 1, "Escape sequence is not a valid Unicode code point at position 1 in: '\\uD83D'" },
        { "'\\U00110000'", 1, "Escape sequence is not a valid Unicode code point at position 1 in: '\\U00110000'" },
        { "'\\", 1, "Unterminated escape sequence at position 1 in: '\\" },
        { "b'abc'", 0, "Bytes literals are not supported at position 0 in: b'abc'" },
        { "1e", 1, "Number has an exponent without digits at position 1 in: 1e" },
        { "1e+x", 1, "Number has an exponent without digits at position 1 in: 1e+x" },
        { "12abc", 2, "Unexpected 'a' after a number at position 2 in: 12abc" },
        { "1.5u", 3, "Unexpected 'u' after a number at position 3 in: 1.5u" },
        { "0x", 0, "Hexadecimal literal has no digits at position 0 in: 0x" },
        { "9223372036854775808", 0, "Integer literal is out of the 64-bit range at position 0 in: 9223372036854775808" },
        { "-9223372036854775809", 1, "Integer literal is out of the 64-bit range at position 1 in: -9223372036854775809" },
        { "99999999999999999999", 0, "Integer literal is too large at position 0 in: 99999999999999999999" },
        { "0x1FFFFFFFFFFFFFFFF", 0, "Integer literal is too large at position 0 in: 0x1FFFFFFFFFFFFFFFF" },
        { "1e999", 0, "Floating-point literal is out of range at position 0 in: 1e999" },
        { "if", 0, "'if' is a reserved word and cannot be used as an identifier at position 0 in: if" },
        { "x || var.y", 5, "'var' is a reserved word and cannot be used as an identifier at position 5 in: x || var.y" },
        { "has(a)", 0, "has() takes one field selection, such as has(event.data.x) at position 0 in: has(a)" },
        { "has(a['b'])", 0, "has() takes one field selection, such as has(event.data.x) at position 0 in: has(a['b'])" },
        { "has(a.b, c.d)", 0, "has() takes one field selection, such as has(event.data.x) at position 0 in: has(a.b, c.d)" },
        { "l.exists(1, true)", 2, "exists() takes a variable name and an expression, such as items.exists(x, x > 0) at position 2 in: l.exists(1, true)" },
        { "l.all(x)", 2, "all() takes a variable name and an expression, such as items.all(x, x > 0) at position 2 in: l.all(x)" },
        { "l.filter(x, a, b)", 2, "filter() takes a variable name and an expression, such as items.filter(x, x > 0) at position 2 in: l.filter(x, a, b)" },
        { "l.map(x, a, b, c)", 2, "map() takes a variable name and an expression, such as items.map(x, x > 0) at position 2 in: l.map(x, a, b, c)" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parses_with_CEL_precedence_and_associativity(string source, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(source).ToString());
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Printed_form_parses_back_to_the_same_tree(string source, string printed)
    {
        _ = source;
        var reparsed = ExpressionParser.Parse(printed);

        Assert.Equal(printed, reparsed.ToString());
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Decodes_string_literals(string source, string expected)
    {
        var literal = Assert.IsType<StringLiteralNode>(ExpressionParser.Parse(source));

        Assert.Equal(expected, literal.Value);
        Assert.Equal(0, literal.Position);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-42", -42L)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("-0x8000000000000000", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parses_integer_literals(string source, long expected)
    {
        Assert.Equal(expected, Assert.IsType<IntegerLiteralNode>(ExpressionParser.Parse(source)).Value);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E-2", 0.01)]
    [InlineData("2.5e+1", 25.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void Parses_floating_point_literals(string source, double expected)
    {
        Assert.Equal(expected, Assert.IsType<DoubleLiteralNode>(ExpressionParser.Parse(source)).Value);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_syntax_errors_with_position_and_expectation(string source, int position, string message)
    {
        var exception = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(source));

        Assert.Equal(message, exception.Message);
        Assert.Equal(position, exception.Position);
        Assert.Equal(source, exception.ExpressionSource);
    }

    [Fact]
    public void Expression_Parse_reports_the_same_errors()
    {
        var exception = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse("event.data.x == (1"));

        Assert.Equal(18, exception.Position);
        Assert.IsAssignableFrom<FormatException>(exception);
    }

    [Fact]
    public void Rejects_null_source()
    {
        Assert.Throws<ArgumentNullException>(() => ExpressionParser.Parse(null!));
    }

    [Fact]
    public void Records_the_position_of_each_node()
    {
        var root = Assert.IsType<BinaryNode>(ExpressionParser.Parse("event.data['x'] == -1 && !f(a)"));
        Assert.Equal(ExpressionBinaryOperator.And, root.Operator);
        Assert.Equal(22, root.Position);

        var equal = Assert.IsType<BinaryNode>(root.Left);
        Assert.Equal(16, equal.Position);
        var index = Assert.IsType<IndexNode>(equal.Left);
        Assert.Equal(10, index.Position);
        Assert.Equal(11, Assert.IsType<StringLiteralNode>(index.Index).Position);
        var select = Assert.IsType<SelectNode>(index.Target);
        Assert.Equal(("data", 6), (select.Field, select.Position));
        Assert.Equal(0, Assert.IsType<IdentifierNode>(select.Target).Position);
        Assert.Equal(19, Assert.IsType<IntegerLiteralNode>(equal.Right).Position);

        var not = Assert.IsType<UnaryNode>(root.Right);
        Assert.Equal((ExpressionUnaryOperator.Not, 25), (not.Operator, not.Position));
        var call = Assert.IsType<CallNode>(not.Operand);
        Assert.Equal(("f", 26, 28), (call.Function, call.Position, call.Arguments[0].Position));
        Assert.Null(call.Target);
    }

    [Fact]
    public void Records_positions_of_conditionals_collections_and_receiver_calls()
    {
        var conditional = Assert.IsType<ConditionalNode>(ExpressionParser.Parse("a ? [1] : {'k': s.size()}"));
        Assert.Equal(2, conditional.Position);
        Assert.Equal(4, Assert.IsType<ListNode>(conditional.WhenTrue).Position);

        var map = Assert.IsType<MapNode>(conditional.WhenFalse);
        Assert.Equal(10, map.Position);
        var entry = Assert.Single(map.Entries);
        Assert.Equal(14, entry.Position);
        var call = Assert.IsType<CallNode>(entry.Value);
        Assert.Equal(("size", 18), (call.Function, call.Position));
        Assert.Equal("s", Assert.IsType<IdentifierNode>(call.Target).Name);
        Assert.Empty(call.Arguments);
    }

    [Fact]
    public void Trees_compare_by_value()
    {
        const string Source = "f(a, [1, 'x'], {'k': 2.5}).g(b) ? -c : d[0]";

        var first = ExpressionParser.Parse(Source);
        var second = ExpressionParser.Parse(Source);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ExpressionParser.Parse("f(a, [1, 'y'], {'k': 2.5}).g(b) ? -c : d[0]"));
        Assert.NotEqual(ExpressionParser.Parse("a + b"), ExpressionParser.Parse("a  + b"));
    }

    [Fact]
    public void Limits_nesting_while_parsing()
    {
        var ok = new string('(', ExpressionParser.MaxNesting - 1) + "1" + new string(')', ExpressionParser.MaxNesting - 1);
        Assert.Equal("1", ExpressionParser.Parse(ok).ToString());

        var tooDeep = new string('(', ExpressionParser.MaxNesting) + "1" + new string(')', ExpressionParser.MaxNesting);
        var exception = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(tooDeep));
        Assert.StartsWith($"Expression nests too deeply (more than {ExpressionParser.MaxNesting} levels) at position", exception.Message);

        var nots = new string('!', 10_000) + "a";
        Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(nots));
    }

    [Fact]
    public void Limits_the_depth_of_the_tree()
    {
        var ok = string.Join(" || ", Enumerable.Repeat("a", ExpressionParser.MaxDepth - 1));
        Assert.IsType<BinaryNode>(ExpressionParser.Parse(ok));

        var tooDeep = string.Join(" || ", Enumerable.Repeat("a", 100_000));
        var exception = Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(tooDeep));
        Assert.StartsWith($"Expression is too deep (more than {ExpressionParser.MaxDepth} levels) at position", exception.Message);

        var longPath = "a" + string.Concat(Enumerable.Repeat(".b", 100_000));
        Assert.Throws<ExpressionSyntaxException>(() => ExpressionParser.Parse(longPath));
    }

    [Theory]
    [InlineData("if", true)]
    [InlineData("while", true)]
    [InlineData("event", false)]
    [InlineData("in", false)]
    public void Knows_CEL_reserved_words(string word, bool reserved)
    {
        Assert.Equal(reserved, ExpressionParser.IsReservedWord(word));
    }
}
