using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Inngest.Events.Expressions;

/// <summary>Prints a syntax tree as fully parenthesized source text (the canonical form used by <see cref="ExpressionNode.ToString"/>).</summary>
internal static class ExpressionPrinter
{
    public static string Print(ExpressionNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    public static string OperatorText(ExpressionBinaryOperator op) => op switch
    {
        ExpressionBinaryOperator.Or => "||",
        ExpressionBinaryOperator.And => "&&",
        ExpressionBinaryOperator.Equal => "==",
        ExpressionBinaryOperator.NotEqual => "!=",
        ExpressionBinaryOperator.Less => "<",
        ExpressionBinaryOperator.LessOrEqual => "<=",
        ExpressionBinaryOperator.Greater => ">",
        ExpressionBinaryOperator.GreaterOrEqual => ">=",
        ExpressionBinaryOperator.In => "in",
        ExpressionBinaryOperator.Add => "+",
        ExpressionBinaryOperator.Subtract => "-",
        ExpressionBinaryOperator.Multiply => "*",
        ExpressionBinaryOperator.Divide => "/",
        ExpressionBinaryOperator.Remainder => "%",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static string FormatDouble(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 || text.IndexOf('N') >= 0 || text.IndexOf('I') >= 0
            ? text
            : text + ".0";
    }

    private static void Write(StringBuilder builder, ExpressionNode node)
    {
        switch (node)
        {
            case NullLiteralNode:
                builder.Append("null");
                break;
            case BooleanLiteralNode boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case IntegerLiteralNode integer:
                builder.Append(integer.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case DoubleLiteralNode number:
                builder.Append(FormatDouble(number.Value));
                break;
            case StringLiteralNode text:
                ExpressionText.AppendQuoted(builder, text.Value);
                break;
            case IdentifierNode identifier:
                builder.Append(identifier.Name);
                break;
            case SelectNode select:
                Write(builder, select.Target);
                builder.Append('.').Append(select.Field);
                break;
            case IndexNode index:
                Write(builder, index.Target);
                builder.Append('[');
                Write(builder, index.Index);
                builder.Append(']');
                break;
            case CallNode call:
                if (call.Target is not null)
                {
                    Write(builder, call.Target);
                    builder.Append('.');
                }

                builder.Append(call.Function).Append('(');
                WriteList(builder, call.Arguments);
                builder.Append(')');
                break;
            case UnaryNode unary:
                builder.Append('(').Append(unary.Operator == ExpressionUnaryOperator.Not ? '!' : '-');
                if (unary.Operand is IntegerLiteralNode or DoubleLiteralNode)
                {
                    // -(1) negates a literal; written -1 it would read back as the literal -1.
                    builder.Append('(');
                    Write(builder, unary.Operand);
                    builder.Append(')');
                }
                else
                {
                    Write(builder, unary.Operand);
                }

                builder.Append(')');
                break;
            case BinaryNode binary:
                builder.Append('(');
                Write(builder, binary.Left);
                builder.Append(' ').Append(OperatorText(binary.Operator)).Append(' ');
                Write(builder, binary.Right);
                builder.Append(')');
                break;
            case ConditionalNode conditional:
                builder.Append('(');
                Write(builder, conditional.Condition);
                builder.Append(" ? ");
                Write(builder, conditional.WhenTrue);
                builder.Append(" : ");
                Write(builder, conditional.WhenFalse);
                builder.Append(')');
                break;
            case ListNode list:
                builder.Append('[');
                WriteList(builder, list.Elements);
                builder.Append(']');
                break;
            case MapNode map:
                builder.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, map.Entries[i].Key);
                    builder.Append(": ");
                    Write(builder, map.Entries[i].Value);
                }

                builder.Append('}');
                break;
            default:
                throw new ArgumentException($"Unknown expression node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static void WriteList(StringBuilder builder, IReadOnlyList<ExpressionNode> nodes)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, nodes[i]);
        }
    }
}
