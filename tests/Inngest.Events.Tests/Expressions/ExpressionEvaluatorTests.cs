using Inngest.Events.Expressions;
using Xunit;
using static Inngest.Events.Tests.Expressions.ExpressionTestData;

namespace Inngest.Events.Tests.Expressions;

public sealed class ExpressionEvaluatorTests
{
    // Each row: an expression, and its result as JSON written with single quotes.
    public static TheoryData<string, string> Equality => new()
    {
        { "event.data.plan == 'pro'", "true" },
        { "event.data.plan == \"pro\"", "true" },
        { "event.data.plan != 'pro'", "false" },
        { "event.data.plan == 'Pro'", "false" },
        { "event.data.userId == async.data.userId", "true" },
        { "event.data.plan == async.data.plan", "false" },
        { "event.data.amount == async.data.amount", "true" },
        { "event.data.tags == async.data.tags", "true" },
        { "event.data.upper == uppercase(event.data.plan)", "true" },
        { "1 == 1.0", "true" },
        { "1 != 1.0", "false" },
        { "0 == -0.0", "true" },
        { "event.data.onePointZero == 1", "true" },
        { "event.data.big == 9007199254740993", "true" },
        { "event.data.big == 9007199254740992.0", "false" },
        { "9007199254740993 > 9007199254740992.0", "true" },
        { "event.data.missing == null", "true" },
        { "event.data.nothing == null", "true" },
        { "null == null", "true" },
        { "null != null", "false" },
        { "null == 0", "false" },
        { "null == ''", "false" },
        { "null == false", "false" },
        { "event.data.missing != 'x'", "true" },
        { "event.data.plan == 1", "false" },
        { "'1' == 1", "false" },
        { "true == 1", "false" },
        { "event.data.flag == true", "true" },
        { "[1, 2] == [1, 2.0]", "true" },
        { "[1] == [1, 2]", "false" },
        { "[1, 'a'] == [1, 'b']", "false" },
        { "{'a': 1} == {'a': 1.0}", "true" },
        { "{'a': 1} == {'b': 1}", "false" },
        { "{'a': 1} == {'a': 1, 'b': 2}", "false" },
        { "event.data.tags == ['a', 'b', 'vip']", "true" },
        { "event.data.nested == {'deep': {'value': 'found'}}", "true" },
        { "event.data.nested == {'deep': {'value': 'lost'}}", "false" },
        { "event.data.items[1] == {'qty': 3, 'sku': 'y'}", "true" },
        { "double('NaN') == double('NaN')", "false" },
        { "double('NaN') != double('NaN')", "true" },
    };

    public static TheoryData<string, string> Ordering => new()
    {
        { "event.data.amount > 10", "true" },
        { "event.data.amount >= 42", "true" },
        { "event.data.amount < 42", "false" },
        { "event.data.amount <= 41.5", "false" },
        { "event.data.price < event.data.amount", "true" },
        { "vars.limit < event.data.amount", "true" },
        { "1 < 1.5", "true" },
        { "2.5 > 2", "true" },
        { "-1 < 0", "true" },
        { "'a' < 'b'", "true" },
        { "'B' < 'a'", "true" },
        { "'abc' <= 'abc'", "true" },
        { "'b' >= 'abc'", "true" },
        { "event.data.plan > 'free'", "true" },
        { "false < true", "true" },
        { "event.data.plan < 1", "false" },
        { "event.data.plan > 1", "false" },
        { "event.data.plan >= 1", "false" },
        { "1 <= 'a'", "false" },
        { "event.data.missing < 1", "false" },
        { "event.data.missing >= 1", "false" },
        { "null <= null", "false" },
        { "[1] < [2]", "false" },
        { "double('NaN') < 1", "false" },
        { "double('NaN') >= 1", "false" },
        { "9223372036854775807 < 9223372036854775808.0", "true" },
        { "-9223372036854775808 <= -9223372036854775808.0", "true" },
        { "-9223372036854775808 > -9223372036854777856.0", "true" },
    };

    public static TheoryData<string, string> Arithmetic => new()
    {
        { "1 + 2", "3" },
        { "1 + 2.5", "3.5" },
        { "2 + 3 * 4", "14" },
        { "(2 + 3) * 4", "20" },
        { "10 - 4 - 3", "3" },
        { "100 / 10 / 5", "2" },
        { "7 / 2", "3" },
        { "-7 / 2", "-3" },
        { "7.0 / 2", "3.5" },
        { "7 / 2.0", "3.5" },
        { "7 % 3", "1" },
        { "-7 % 3", "-1" },
        { "7.5 % 2", "1.5" },
        { "event.data.amount * 2", "84" },
        { "event.data.price * 2", "19" },
        { "event.data.amount - event.data.price", "32.5" },
        { "-event.data.amount", "-42" },
        { "-event.data.price", "-9.5" },
        { "--event.data.amount", "42" },
        { "'a' + 'b'", "'ab'" },
        { "'n' + 1", "'n1'" },
        { "1 + 'n'", "'1n'" },
        { "'v' + 1.5", "'v1.5'" },
        { "'v' + 1.0", "'v1'" },
        { "'e' + 1e21", "'e1e+21'" },
        { "event.data.plan + '-' + event.data.seats", "'pro-5'" },
        { "event.data.userId + ':' + event.data.price", "'u_123:9.5'" },
        { "[1] + [2, 3]", "[1,2,3]" },
        { "event.data.tags + ['z']", "['a','b','vip','z']" },
        { "1 / 0", "null" },
        { "1.0 / 0", "null" },
        { "1 / 0.0", "null" },
        { "1 % 0", "null" },
        { "1.5 % 0", "null" },
        { "9223372036854775807 + 1", "null" },
        { "-9223372036854775808 - 1", "null" },
        { "9223372036854775807 * 2", "null" },
        { "-9223372036854775808 / -1", "null" },
        { "-9223372036854775808 % -1", "0" },
        { "-(-9223372036854775808)", "null" },
        { "9223372036854775807 + 1.0", "9.223372036854776E+18" },
        { "true + 1", "null" },
        { "null + 1", "null" },
        { "'a' + null", "null" },
        { "'a' + true", "null" },
        { "'a' - 'b'", "null" },
        { "event.data.missing * 2", "null" },
        { "-'a'", "null" },
        { "-null", "null" },
    };

    public static TheoryData<string, string> Logic => new()
    {
        { "true && true", "true" },
        { "true && false", "false" },
        { "false || true", "true" },
        { "false || false", "false" },
        { "!true", "false" },
        { "!event.data.zero", "true" },
        { "!event.data.empty", "true" },
        { "!event.data.missing", "true" },
        { "!event.data.nothing", "true" },
        { "!event.data.off", "true" },
        { "!0.0", "true" },
        { "!double('NaN')", "true" },
        { "!event.data.tags", "false" },
        { "![]", "false" },
        { "!{}", "false" },
        { "!!event.data.plan", "true" },
        { "!!event.data.price", "true" },
        { "event.data.plan && event.data.amount", "true" },
        { "event.data.zero || event.data.empty", "false" },
        { "event.data.missing || 'x'", "true" },
        { "event.data.plan == 'pro' && event.data.amount > 10", "true" },
        { "event.data.plan == 'free' || event.data.amount > 100", "false" },
        { "event.data.flag ? 'yes' : 'no'", "'yes'" },
        { "event.data.zero ? 'yes' : 'no'", "'no'" },
        { "event.data.empty ? 1 : 2", "2" },
        { "event.data.plan ? 1 : 2", "1" },
        { "event.data.missing ? 1 : event.data.nothing ? 2 : 3", "3" },
        { "event.data.amount > 40 ? event.data.plan : event.data.missing", "'pro'" },
        { "false && nope()", "false" },
        { "true || nope()", "true" },
        { "true ? 1 : nope()", "1" },
        { "false ? nope() : 2", "2" },
    };

    public static TheoryData<string, string> Access => new()
    {
        { "event.data.plan", "'pro'" },
        { "event.name", "'billing/invoice.paid'" },
        { "event.ts", "1700000000000" },
        { "event.user.email", "'a@b.c'" },
        { "async.data.plan", "'free'" },
        { "vars.limit", "10" },
        { "event.data.nested", "{'deep':{'value':'found'}}" },
        { "event.data.nested.deep.value", "'found'" },
        { "event['data']['nested']['deep'].value", "'found'" },
        { "event.data['odd-key']", "'dash'" },
        { "event.data.tags[0]", "'a'" },
        { "event.data.tags[2]", "'vip'" },
        { "event.data.tags[3]", "null" },
        { "event.data.tags[-1]", "null" },
        { "event.data.tags[1.0]", "'b'" },
        { "event.data.tags[1.5]", "null" },
        { "event.data.tags['0']", "null" },
        { "event.data.items[1].qty", "3" },
        { "event.data.items[event.data.zero].sku", "'x'" },
        { "event.data.items[size(event.data.items) - 1].sku", "'y'" },
        { "event.data[event.data.plan == 'pro' ? 'plan' : 'userId']", "'pro'" },
        { "event.data.missing", "null" },
        { "event.data.missing.deeper[0]['x']", "null" },
        { "event.data.plan.length", "null" },
        { "event.data.plan[0]", "null" },
        { "event.data.amount.x", "null" },
        { "event.data.nothing.x", "null" },
        { "event.data[0]", "null" },
        { "unknownRoot", "null" },
        { "unknownRoot.x[1]", "null" },
        { "vars.missing", "null" },
        { "{'a': 1}.a", "1" },
        { "{'a': 1}['a']", "1" },
        { "{'a': 1}.b", "null" },
        { "[10, 20][1]", "20" },
        { "[1, 'a', null, true, 1.5]", "[1,'a',null,true,1.5]" },
        { "{'a': 1, 'b': [true], 'c': {}}", "{'a':1,'b':[true],'c':{}}" },
        { "{'k' + '1': event.data.plan}", "{'k1':'pro'}" },
    };

    public static TheoryData<string, string> Membership => new()
    {
        { "'vip' in event.data.tags", "true" },
        { "'z' in event.data.tags", "false" },
        { "event.data.plan in ['free', 'pro']", "true" },
        { "event.data.plan in ['free', 'team']", "false" },
        { "1 in [1.0, 2]", "true" },
        { "1.0 in [1, 2]", "true" },
        { "null in [1, null]", "true" },
        { "event.data.missing in ['a']", "false" },
        { "[1] in [[1], [2]]", "true" },
        { "'plan' in event.data", "true" },
        { "'nothing' in event.data", "true" },
        { "'missing' in event.data", "false" },
        { "event.data.plan in {'pro': 1}", "true" },
        { "'a' in {'a': 1}", "true" },
        { "1 in {'1': 1}", "false" },
        { "'a' in 'abc'", "false" },
        { "1 in event.data.missing", "false" },
        { "'a' in event.data.tags && !('b' in async.data.missing)", "true" },
        { "async.data.plan in event.data.tags", "false" },
    };

    public static TheoryData<string, string> Functions => new()
    {
        { "size(event.data.tags)", "3" },
        { "event.data.tags.size()", "3" },
        { "size(event.data.plan)", "3" },
        { "size(event.data.unicode)", "7" },
        { "size(event.data.nested)", "1" },
        { "size(event.data)", "20" },
        { "size('')", "0" },
        { "size([])", "0" },
        { "size({'a': 1, 'b': 2})", "2" },
        { "size(event.data.missing)", "null" },
        { "size(1)", "null" },
        { "event.data.plan.startsWith('pr')", "true" },
        { "event.data.plan.startsWith('ro')", "false" },
        { "event.data.plan.endsWith('ro')", "true" },
        { "event.data.plan.contains('r')", "true" },
        { "event.data.plan.contains('R')", "false" },
        { "event.data.userId.startsWith(async.data.userId)", "true" },
        { "event.data.missing.startsWith('a')", "false" },
        { "event.data.plan.startsWith(1)", "false" },
        { "event.data.tags.contains('a')", "false" },
        { "lowercase('HeLLo')", "'hello'" },
        { "uppercase(event.data.plan)", "'PRO'" },
        { "lowercase(event.data.upper) == event.data.plan", "true" },
        { "lowercase(1)", "null" },
        { "uppercase(event.data.missing)", "null" },
        { "has(event.data.plan)", "true" },
        { "has(event.data.nothing)", "true" },
        { "has(event.data.missing)", "false" },
        { "has(event.data.missing.x)", "false" },
        { "has(event.data.plan.x)", "false" },
        { "has(event.data.nested.deep)", "true" },
        { "has(async.data.userId) && event.data.userId == async.data.userId", "true" },
        { "int('42')", "42" },
        { "int('-42')", "-42" },
        { "int(3.9)", "3" },
        { "int(-3.9)", "-3" },
        { "int(event.data.amount)", "42" },
        { "int('x')", "null" },
        { "int('1.5')", "null" },
        { "int(1e300)", "null" },
        { "int(null)", "null" },
        { "uint('7')", "7" },
        { "uint(-1)", "null" },
        { "double(2)", "2" },
        { "double('2.5')", "2.5" },
        { "double('x')", "null" },
        { "string(42)", "'42'" },
        { "string(1.5)", "'1.5'" },
        { "string(true)", "'true'" },
        { "string(event.data.plan)", "'pro'" },
        { "string(event.data.missing)", "null" },
        { "string(event.data.tags)", "null" },
        { "b64decode(event.data.encoded)", "'hello'" },
        { "b64decode('!!')", "null" },
        { "b64decode(1)", "null" },
        { "json_parse(event.data.json).a[1]", "2" },
        { "json_parse('[1, \"x\"]')", "[1,'x']" },
        { "json_parse('nope')", "null" },
    };

    public static TheoryData<string, string> Macros => new()
    {
        { "event.data.items.exists(i, i.qty > 2)", "true" },
        { "event.data.items.exists(i, i.qty > 5)", "false" },
        { "event.data.items.all(i, i.qty > 0)", "true" },
        { "event.data.items.all(i, i.qty > 2)", "false" },
        { "event.data.items.exists_one(i, i.qty >= 1)", "false" },
        { "event.data.tags.exists_one(t, t == 'vip')", "true" },
        { "event.data.tags.exists_one(t, t == 'none')", "false" },
        { "event.data.items.map(i, i.sku)", "['x','y']" },
        { "event.data.items.filter(i, i.qty > 1)", "[{'sku':'y','qty':3}]" },
        { "event.data.items.filter(i, i.qty > 1).map(i, i.sku)", "['y']" },
        { "event.data.items.map(i, i.qty > 1, i.qty * 10)", "[30]" },
        { "event.data.nested.exists(k, k == 'deep')", "true" },
        { "{'a': 1, 'b': 2}.map(k, k + '!')", "['a!','b!']" },
        { "[1, 2, 3].all(x, x > 0)", "true" },
        { "[].all(x, false)", "true" },
        { "[].exists(x, true)", "false" },
        { "[1, 2].exists(x, [3, 4].exists(y, x + y == 6))", "true" },
        { "[1, 2].map(event, event * 2)", "[2,4]" },
        { "[1, 2].map(x, x) == [1, 2] && event.data.plan == 'pro'", "true" },
        { "[[1, 2], [3]].map(x, x.map(y, y * x.size()))", "[[2,4],[3]]" },
        { "event.data.missing.exists(x, true)", "false" },
        { "event.data.missing.all(x, true)", "false" },
        { "event.data.missing.map(x, x)", "null" },
        { "event.data.plan.filter(x, true)", "null" },
    };

    [Theory]
    [MemberData(nameof(Equality))]
    public void Compares_for_equality_loosely(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Ordering))]
    public void Orders_numbers_strings_and_booleans_and_nothing_else(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Arithmetic))]
    public void Does_arithmetic_with_null_for_no_result(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Logic))]
    public void Uses_truthiness_for_logic_and_conditionals(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Access))]
    public void Reads_fields_and_indexes_with_null_for_missing(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Membership))]
    public void Tests_membership_in_lists_and_maps(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Functions))]
    public void Calls_builtin_functions(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [MemberData(nameof(Macros))]
    public void Evaluates_comprehension_macros(string source, string expected) => AssertResult(source, expected);

    [Theory]
    [InlineData("1", ExpressionValueKind.Integer)]
    [InlineData("1.0", ExpressionValueKind.Double)]
    [InlineData("event.data.amount", ExpressionValueKind.Integer)]
    [InlineData("async.data.amount", ExpressionValueKind.Double)]
    [InlineData("event.data.onePointZero", ExpressionValueKind.Double)]
    [InlineData("event.data.big", ExpressionValueKind.Integer)]
    [InlineData("double(2)", ExpressionValueKind.Double)]
    [InlineData("1 + 2.0", ExpressionValueKind.Double)]
    [InlineData("7 / 2", ExpressionValueKind.Integer)]
    [InlineData("event.data.plan", ExpressionValueKind.String)]
    [InlineData("event.data.tags", ExpressionValueKind.List)]
    [InlineData("[1]", ExpressionValueKind.List)]
    [InlineData("event.data", ExpressionValueKind.Map)]
    [InlineData("{}", ExpressionValueKind.Map)]
    [InlineData("event.data.flag", ExpressionValueKind.Boolean)]
    [InlineData("event.data.nothing", ExpressionValueKind.Null)]
    [InlineData("event.data.missing", ExpressionValueKind.Null)]
    public void Keeps_integers_and_doubles_apart(string source, object kind)
    {
        // The kind arrives as object: the expression types are internal, and a public test method cannot name them.
        Assert.Equal((ExpressionValueKind)kind, Evaluate(source).Kind);
    }

    // Each row: an expression, the position of the failing call, and the exact message.
    public static TheoryData<string, int, string> Errors => new()
    {
        { "nope(1)", 0, "Unknown function 'nope' at position 0 in: nope(1)" },
        { "event.data.plan == 'pro' && matches(event.data.plan)", 28, "Unknown function 'matches' at position 28 in: event.data.plan == 'pro' && matches(event.data.plan)" },
        { "event.data.plan.nope()", 16, "Unknown method 'nope' at position 16 in: event.data.plan.nope()" },
        { "size(1, 2)", 0, "'size' takes 1 argument but was given 2 at position 0 in: size(1, 2)" },
        { "lowercase()", 0, "'lowercase' takes 1 argument but was given 0 at position 0 in: lowercase()" },
        { "event.data.tags.size(1)", 16, "'size' takes 0 arguments but was given 1 at position 16 in: event.data.tags.size(1)" },
        { "'a'.startsWith()", 4, "'startsWith' takes 1 argument but was given 0 at position 4 in: 'a'.startsWith()" },
        { "{1: 'a'}", 1, "Map keys must be strings, but this key is an integer at position 1 in: {1: 'a'}" },
        { "{event.data.missing: 'a'}", 12, "Map keys must be strings, but this key is null at position 12 in: {event.data.missing: 'a'}" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_evaluation_errors_with_position(string source, int position, string message)
    {
        var expression = Expression.Parse(source);

        var exception = Assert.Throws<ExpressionEvaluationException>(() => expression.Evaluate(Bindings));

        Assert.Equal(message, exception.Message);
        Assert.Equal(position, exception.Position);
        Assert.Equal(source, exception.ExpressionSource);
        Assert.IsAssignableFrom<InngestException>(exception);
    }

    [Fact]
    public void Unbound_variables_are_null()
    {
        var expression = Expression.Parse("async.data.userId == 'u_123'");

        Assert.False(expression.EvaluateBool(default));
        Assert.True(expression.EvaluateBool(new ExpressionBindings(Async: Event)));

        // Both sides missing are both null, and null == null.
        Assert.True(Expression.Parse("async.data.userId == event.data.userId").EvaluateBool(default));
        Assert.True(Expression.Parse("event == null && async == null && vars == null").EvaluateBool(default));
    }

    [Theory]
    [InlineData("event.data.plan == 'pro'", true)]
    [InlineData("event.data.amount", true)]
    [InlineData("event.data.zero", false)]
    [InlineData("event.data.plan", true)]
    [InlineData("event.data.empty", false)]
    [InlineData("event.data.missing", false)]
    [InlineData("event.data.items", true)]
    [InlineData("1 / 0", false)]
    public void EvaluateBool_is_the_truthiness_of_the_result(string source, bool expected)
    {
        Assert.Equal(expected, Expression.Parse(source).EvaluateBool(Bindings));
    }

    [Fact]
    public void Matches_a_wait_for_event_condition_against_candidates()
    {
        var wait = Expression.Parse("event.data.userId == async.data.userId && async.data.plan != event.data.plan");
        var trigger = ExpressionTestData.Parse("""{ "data": { "userId": "u_1", "plan": "free" } }""");
        var candidates = new[]
        {
            ExpressionTestData.Parse("""{ "data": { "userId": "u_2", "plan": "pro" } }"""),
            ExpressionTestData.Parse("""{ "data": { "userId": "u_1", "plan": "free" } }"""),
            ExpressionTestData.Parse("""{ "data": { "plan": "pro" } }"""),
            ExpressionTestData.Parse("""{ "data": { "userId": "u_1", "plan": "pro" } }"""),
        };

        var matches = candidates.Select(candidate => wait.EvaluateBool(new ExpressionBindings(trigger, candidate))).ToArray();

        Assert.Equal(new[] { false, false, false, true }, matches);
    }

    [Fact]
    public void A_parsed_expression_is_shared_safely_across_threads()
    {
        var expression = Expression.Parse("event.data.n % 3 == 0 ? 'fizz' + string(event.data.n) : [event.data.n].map(x, x * 2)[0]");
        var events = Enumerable.Range(0, 2000)
            .Select(n => ExpressionTestData.Parse($$"""{ "data": { "n": {{n}} } }"""))
            .ToArray();

        var results = new string[events.Length];
        Parallel.For(0, events.Length, i => results[i] = expression.Evaluate(new ExpressionBindings(events[i])).ToString());

        for (var n = 0; n < events.Length; n++)
        {
            Assert.Equal(n % 3 == 0 ? "fizz" + n : (n * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), results[n]);
        }
    }

    [Fact]
    public void Evaluating_a_typical_condition_does_not_allocate()
    {
        var expression = Expression.Parse(
            "event.data.plan == 'pro' && event.data.amount > 10 && 'vip' in event.data.tags "
            + "&& event.data.plan in ['free', 'pro'] && !has(event.data.missing) && event.data.nested.deep.value != 'lost' "
            + "&& (event.data.price >= 9.5 ? event.data.seats : 0) == 5");
        var bindings = Bindings;
        Assert.True(expression.EvaluateBool(bindings));

        // The least of three rounds: an evaluation that allocates does so in every round, while a one-off allocation
        // of the runtime's own (tiered compilation swapping in optimized code mid-loop) would fail a single round.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var matched = 0;
            for (var i = 0; i < 1000; i++)
            {
                matched += expression.EvaluateBool(bindings) ? 1 : 0;
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(1000, matched);
        }

        Assert.Equal(0L, least);
    }

    private static void AssertResult(string source, string expected)
    {
        Assert.Equal(Json(expected), Evaluate(source).ToJsonString());
    }
}
