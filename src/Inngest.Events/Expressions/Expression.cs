namespace Inngest.Events.Expressions;

/// <summary>
/// A parsed Inngest expression, ready to evaluate: immutable, so parse once, cache, and evaluate from any thread.
/// </summary>
/// <remarks>
/// <para>
/// Evaluation follows Inngest's loosened CEL semantics. A missing field or index is null, never an error.
/// <c>==</c> compares integers and doubles by value (<c>1 == 1.0</c>), strings ordinally; null equals only null;
/// values of different types are unequal. <c>&lt; &lt;= &gt; &gt;=</c> order numbers, strings (ordinally) and
/// booleans; any other pairing is false. <c>+</c> adds numbers, concatenates strings and lists, and joins a string
/// with a number's text. <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and <c>?:</c> use JavaScript-like truthiness
/// (see <see cref="ExpressionValue.IsTruthy"/>) and <c>&amp;&amp;</c>/<c>||</c> return booleans.
/// Arithmetic that has no result is null rather than an error: division or remainder by zero, integer overflow,
/// and operands that are not numbers. Integer division truncates, as in CEL.
/// </para>
/// <para>
/// Functions: <c>has(a.b)</c>, <c>size(x)</c> / <c>x.size()</c>, <c>s.startsWith(t)</c>, <c>s.endsWith(t)</c>,
/// <c>s.contains(t)</c>, <c>lowercase(s)</c>, <c>uppercase(s)</c>, <c>int(x)</c>, <c>uint(x)</c>, <c>double(x)</c>,
/// <c>string(x)</c>, <c>b64decode(s)</c>, <c>json_parse(s)</c>, and the macros <c>all</c>, <c>exists</c>,
/// <c>exists_one</c>, <c>map</c> and <c>filter</c>. Calling any other function throws
/// <see cref="ExpressionEvaluationException"/>.
/// </para>
/// </remarks>
internal sealed class Expression
{
    private Expression(string source, ExpressionNode root)
    {
        Source = source;
        Root = root;
    }

    /// <summary>The source text the expression was parsed from.</summary>
    public string Source { get; }

    /// <summary>The root of the syntax tree.</summary>
    public ExpressionNode Root { get; }

    /// <summary>Parses an expression.</summary>
    /// <param name="source">The source text, for example <c>event.data.userId == async.data.userId</c>.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ExpressionSyntaxException">The source is not a valid expression; the exception says where and why.</exception>
    public static Expression Parse(string source) => new(source, ExpressionParser.Parse(source));

    /// <summary>Evaluates the expression.</summary>
    /// <param name="bindings">The values of <c>event</c>, <c>async</c> and <c>vars</c>.</param>
    /// <returns>The result, which may refer into the bindings' JSON documents and is valid only while they are.</returns>
    /// <exception cref="ExpressionEvaluationException">The expression calls an unknown function, or a function with the wrong number of arguments, or builds a map with a non-string key.</exception>
    public ExpressionValue Evaluate(in ExpressionBindings bindings)
    {
        var evaluator = new ExpressionEvaluator(Source, bindings);
        return evaluator.Evaluate(Root);
    }

    /// <summary>
    /// Evaluates the expression as a condition (a trigger, <c>waitForEvent</c> or cancellation <c>if</c>): whether
    /// the result is truthy.
    /// </summary>
    /// <param name="bindings">The values of <c>event</c>, <c>async</c> and <c>vars</c>.</param>
    /// <returns>True when the result is truthy (see <see cref="ExpressionValue.IsTruthy"/>).</returns>
    /// <exception cref="ExpressionEvaluationException">As for <see cref="Evaluate"/>.</exception>
    public bool EvaluateBool(in ExpressionBindings bindings) => Evaluate(bindings).IsTruthy;

    /// <summary>Returns <see cref="Source"/>.</summary>
    /// <returns>The source text.</returns>
    public override string ToString() => Source;
}
