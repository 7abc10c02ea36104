using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Events;

/// <summary>
/// Translates a typed wait-for-event condition, <c>(trigger, incoming) =&gt; trigger.Data.UserId == incoming.Data.UserId</c>,
/// into Inngest's expression language: <c>event.data.userId == async.data.userId</c>. Member names follow the JSON
/// names (camelCase, or <see cref="JsonPropertyNameAttribute"/>).
/// </summary>
internal static class MatchTranslator
{
    public static string Translate(LambdaExpression match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var text = new StringBuilder();
        Write(match.Body, match.Parameters[0], match.Parameters[1], text, match);
        return text.ToString();
    }

    private static void Write(Expression node, ParameterExpression trigger, ParameterExpression incoming, StringBuilder text, LambdaExpression root)
    {
        switch (node)
        {
            case BinaryExpression binary when Operator(binary.NodeType) is { } op:
                text.Append('(');
                Write(binary.Left, trigger, incoming, text, root);
                text.Append(' ').Append(op).Append(' ');
                Write(binary.Right, trigger, incoming, text, root);
                text.Append(')');
                return;
            case UnaryExpression { NodeType: ExpressionType.Not } not:
                text.Append('!');
                Write(not.Operand, trigger, incoming, text, root);
                return;
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                Write(convert.Operand, trigger, incoming, text, root);
                return;
            case MemberExpression member when Path(member, trigger, incoming) is { } path:
                text.Append(path);
                return;
            case ConstantExpression constant:
                Literal(constant.Value, text);
                return;
            case MemberExpression captured when Evaluate(captured, out var value):
                Literal(value, text);
                return;
        }

        throw new NotSupportedException(
            $"The wait-for-event condition '{root}' uses '{node}', which cannot be translated to an Inngest expression. " +
            "Use comparisons (==, !=, <, <=, >, >=), &&, || and ! over members of the two events and constants, or pass an expression string.");
    }

    private static string? Operator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        _ => null,
    };

    /// <summary>The expression path of <c>trigger.Data.A.B</c> (<c>event.data.a.b</c>), or null when not rooted at a parameter.</summary>
    private static string? Path(MemberExpression member, ParameterExpression trigger, ParameterExpression incoming)
    {
        var names = new List<string>();
        Expression? current = member;
        while (current is MemberExpression m)
        {
            names.Add(m.Member.Name == "Data" && m.Expression is ParameterExpression ? "data" : JsonName(m.Member));
            current = m.Expression;
        }

        if (current != trigger && current != incoming)
        {
            return null;
        }

        names.Reverse();
        if (names.Count == 0 || names[0] != "data")
        {
            // Envelope members: id, ts, v, name.
            names[0] = names[0].ToLowerInvariant();
        }

        return (current == trigger ? "event." : "async.") + string.Join('.', names);
    }

    private static string JsonName(MemberInfo member)
        => member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    private static bool Evaluate(MemberExpression member, out object? value)
    {
        // A captured local or field (closure member access on a constant).
        if (member.Expression is ConstantExpression target)
        {
            value = member.Member switch
            {
                FieldInfo field => field.GetValue(target.Value),
                PropertyInfo property => property.GetValue(target.Value),
                _ => null,
            };
            return member.Member is FieldInfo or PropertyInfo;
        }

        value = null;
        return false;
    }

    private static void Literal(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case string s:
                text.Append('\'').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
                break;
            case Enum e:
                text.Append(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable f:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"The constant '{value}' cannot be written in an Inngest expression.");
        }
    }
}
