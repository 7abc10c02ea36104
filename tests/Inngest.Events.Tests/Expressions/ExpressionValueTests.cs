using Inngest.Events.Expressions;
using Xunit;
using static Inngest.Events.Tests.Expressions.ExpressionTestData;

namespace Inngest.Events.Tests.Expressions;

public sealed class ExpressionValueTests
{
    // Each row: an expression, and its result formatted as a key (ToString).
    [Theory]
    [InlineData("event.data.plan", "pro")]
    [InlineData("event.data.amount", "42")]
    [InlineData("event.data.price", "9.5")]
    [InlineData("1.0", "1")]
    [InlineData("1e21", "1e+21")]
    [InlineData("0.0000001", "1e-07")]
    [InlineData("-1.5e-300", "-1.5e-300")]
    [InlineData("event.data.flag", "true")]
    [InlineData("event.data.missing", "null")]
    [InlineData("event.data.tags", "[\"a\",\"b\",\"vip\"]")]
    [InlineData("{'a': 1}", "{\"a\":1}")]
    [InlineData("event.data.userId + '-' + event.data.plan", "u_123-pro")]
    public void Formats_values_as_keys(string source, string expected)
    {
        Assert.Equal(expected, Evaluate(source).ToString());
    }

    // System.Text.Json's relaxed encoder still escapes characters outside the Basic Multilingual Plane.
    [Theory]
    [InlineData("event.data.unicode", "\"héllo \\uD83D\\uDE00\"")]
    [InlineData("'a+b <c> & \"d\"'", "\"a+b <c> & \\\"d\\\"\"")]
    [InlineData("['é', 'x\\ny']", "[\"é\",\"x\\ny\"]")]
    public void Writes_JSON_escaping_only_what_JSON_requires(string source, string expected)
    {
        Assert.Equal(expected, Evaluate(source).ToJsonString());
    }

    [Fact]
    public void Reads_typed_values_back()
    {
        Assert.True(Evaluate("event.data.flag").TryGetBoolean(out var flag) && flag);
        Assert.True(Evaluate("event.data.amount").TryGetInt64(out var amount) && amount == 42);
        Assert.False(Evaluate("event.data.price").TryGetInt64(out _));
        Assert.True(Evaluate("event.data.price").TryGetDouble(out var price) && price == 9.5);
        Assert.True(Evaluate("event.data.amount").TryGetDouble(out var widened) && widened == 42.0);
        Assert.True(Evaluate("event.data.plan").TryGetString(out var plan) && plan == "pro");
        Assert.False(Evaluate("event.data.amount").TryGetString(out _));
        Assert.True(Evaluate("event.data.missing").IsNull);
    }

    [Fact]
    public void Factories_make_the_expected_kinds()
    {
        Assert.Equal(ExpressionValueKind.Null, default(ExpressionValue).Kind);
        Assert.Equal(ExpressionValueKind.Null, ExpressionValue.FromString(null).Kind);
        Assert.Equal(ExpressionValueKind.Boolean, ExpressionValue.FromBoolean(true).Kind);
        Assert.Equal(ExpressionValueKind.Integer, ExpressionValue.FromInt64(1).Kind);
        Assert.Equal(ExpressionValueKind.Double, ExpressionValue.FromDouble(1).Kind);
        Assert.Equal(ExpressionValueKind.String, ExpressionValue.FromString("").Kind);
        Assert.Equal(ExpressionValueKind.Null, ExpressionValue.FromJson(default).Kind);
        Assert.Equal(ExpressionValueKind.Map, ExpressionValue.FromJson(Event).Kind);
        Assert.Equal("{\"a\":[1,true,null]}", ExpressionValue.FromJson(Parse("""{ "a" : [ 1, true, null ] }""")).ToJsonString());
        Assert.Equal("null", ExpressionValue.FromDouble(double.NaN).ToJsonString());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Truthiness_of_booleans(bool value, bool truthy)
    {
        Assert.Equal(truthy, ExpressionValue.FromBoolean(value).IsTruthy);
        Assert.Equal(truthy, (value ? ExpressionValue.True : ExpressionValue.False).IsTruthy);
    }

    [Fact]
    public void Truthiness_of_other_values()
    {
        Assert.False(ExpressionValue.Null.IsTruthy);
        Assert.False(ExpressionValue.FromInt64(0).IsTruthy);
        Assert.True(ExpressionValue.FromInt64(-1).IsTruthy);
        Assert.False(ExpressionValue.FromDouble(0.0).IsTruthy);
        Assert.False(ExpressionValue.FromDouble(-0.0).IsTruthy);
        Assert.False(ExpressionValue.FromDouble(double.NaN).IsTruthy);
        Assert.True(ExpressionValue.FromDouble(0.1).IsTruthy);
        Assert.False(ExpressionValue.FromString("").IsTruthy);
        Assert.True(ExpressionValue.FromString(" ").IsTruthy);
        Assert.False(ExpressionValue.FromJson(Parse("\"\"")).IsTruthy);
        Assert.True(ExpressionValue.FromJson(Parse("\"x\"")).IsTruthy);
        Assert.True(ExpressionValue.FromJson(Parse("[]")).IsTruthy);
        Assert.True(ExpressionValue.FromJson(Parse("{}")).IsTruthy);
    }
}
