using Inngest.Events.Expressions;
using Xunit;

namespace Inngest.Events.Tests.Expressions;

public sealed class ExpressionTextTests
{
    [Theory]
    [InlineData("pro", "'pro'")]
    [InlineData("", "''")]
    [InlineData("it's", "'it\\'s'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("line\nbreak\r\ttab", "'line\\nbreak\\r\\ttab'")]
    [InlineData("\u0001\u007f", "'\\u0001\\u007f'")]
    [InlineData("héllo 😀", "'héllo 😀'")]
    public void Quotes_strings_with_escapes(string value, string expected)
    {
        Assert.Equal(expected, ExpressionText.Quote(value));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("it's a \"quote\" \\ and \\' both")]
    [InlineData("\0\a\b\f\n\r\t\v\u001f\u007f")]
    [InlineData("' || true || '")]
    [InlineData("😀\u2028\uFFFF")]
    public void Quoted_strings_parse_back_to_the_same_text(string value)
    {
        var literal = Assert.IsType<StringLiteralNode>(ExpressionParser.Parse(ExpressionText.Quote(value)));

        Assert.Equal(value, literal.Value);
    }

    [Fact]
    public void An_injected_quote_stays_inside_the_literal()
    {
        var source = "event.data.plan == " + ExpressionText.Quote("x' || true || 'y");

        Assert.False(Expression.Parse(source).EvaluateBool(ExpressionTestData.Bindings));
    }

    [Fact]
    public void Rejects_unpaired_surrogates()
    {
        var exception = Assert.Throws<ArgumentException>(() => ExpressionText.Quote("a\ud800b"));

        Assert.Contains("U+D800", exception.Message);
    }

    [Fact]
    public void Builds_paths_with_indexing_for_names_that_are_not_identifiers()
    {
        var path = ExpressionText.Path("event.data", new[] { "user", "first-name", "in", "if", "_x1", "1st", "a'b" });

        Assert.Equal("event.data.user['first-name']['in']['if']._x1['1st']['a\\'b']", path);
        Assert.IsType<IndexNode>(ExpressionParser.Parse(path));
    }

    [Theory]
    [InlineData("userId", "event.data.userId == async.data.userId")]
    [InlineData("customer.id", "event.data.customer.id == async.data.customer.id")]
    [InlineData("odd-key", "event.data['odd-key'] == async.data['odd-key']")]
    public void Builds_the_match_condition_from_a_dotted_path(string path, string expected)
    {
        Assert.Equal(expected, ExpressionText.DataFieldsEqual(path));
        Assert.IsType<BinaryNode>(ExpressionParser.Parse(expected));
    }

    [Fact]
    public void Builds_the_match_condition_from_segments_that_contain_dots()
    {
        Assert.Equal(
            "event.data['a.b'].c == async.data['a.b'].c",
            ExpressionText.DataFieldsEqual(new[] { "a.b", "c" }));
    }

    [Fact]
    public void The_match_condition_compares_the_two_events()
    {
        var condition = Expression.Parse(ExpressionText.DataFieldsEqual(new[] { "odd-key" }));
        var trigger = ExpressionTestData.Parse("""{ "data": { "odd-key": "dash" } }""");

        Assert.True(condition.EvaluateBool(new ExpressionBindings(ExpressionTestData.Event, trigger)));
        Assert.False(condition.EvaluateBool(new ExpressionBindings(ExpressionTestData.Event, ExpressionTestData.Async)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData(".a")]
    public void Rejects_empty_path_segments(string path)
    {
        Assert.Throws<ArgumentException>(() => ExpressionText.DataFieldsEqual(path));
    }

    [Fact]
    public void Rejects_an_empty_path()
    {
        Assert.Throws<ArgumentException>(() => ExpressionText.DataFieldsEqual(Array.Empty<string>()));
    }

    [Theory]
    [InlineData("userId", true)]
    [InlineData("_x1", true)]
    [InlineData("if", false)]
    [InlineData("true", false)]
    [InlineData("first-name", false)]
    [InlineData("1st", false)]
    [InlineData("", false)]
    [InlineData("é", false)]
    public void Knows_which_names_can_be_selected_with_a_dot(string name, bool expected)
    {
        Assert.Equal(expected, ExpressionText.IsFieldName(name));
    }
}
