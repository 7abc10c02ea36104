using System.Collections.Generic;

namespace Inngest.Events.Expressions;

// The syntax tree of the expression language. The records form one closed hierarchy, so they share this file.

/// <summary>
/// A node of a parsed expression. Nodes are immutable and compare by value (child lists element by element);
/// <see cref="ToString"/> prints the node back as source text with every operation parenthesized, which
/// re-parses to an equivalent tree.
/// </summary>
/// <param name="Position">
/// The zero-based offset in the source of the token that defines the node: the operator of an operation,
/// the name of an identifier, field or function, the <c>[</c> of an index or list, the <c>{</c> of a map,
/// the first character of a literal.
/// </param>
internal abstract record ExpressionNode(int Position)
{
    /// <summary>Prints the node as fully parenthesized source text, for example <c>(event.data.a + (1 * 2))</c>.</summary>
    /// <returns>Source text that parses to an equivalent node.</returns>
    public sealed override string ToString() => ExpressionPrinter.Print(this);

    private protected static bool SequenceEqual<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private protected static int SequenceHash<T>(int seed, IReadOnlyList<T> items)
    {
        var comparer = EqualityComparer<T>.Default;
        var hash = seed;
        for (var i = 0; i < items.Count; i++)
        {
            hash = unchecked((hash * 31) + (items[i] is { } item ? comparer.GetHashCode(item) : 0));
        }

        return hash;
    }
}

/// <summary>The literal <c>null</c>.</summary>
/// <param name="Position">The offset of the literal.</param>
internal sealed record NullLiteralNode(int Position) : ExpressionNode(Position);

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
/// <param name="Position">The offset of the literal.</param>
/// <param name="Value">The literal's value.</param>
internal sealed record BooleanLiteralNode(int Position, bool Value) : ExpressionNode(Position);

/// <summary>A 64-bit integer literal such as <c>42</c>, <c>0x2A</c> or <c>-7</c> (a minus sign directly before a number is part of the literal).</summary>
/// <param name="Position">The offset of the literal (of its minus sign, if it has one).</param>
/// <param name="Value">The literal's value.</param>
internal sealed record IntegerLiteralNode(int Position, long Value) : ExpressionNode(Position);

/// <summary>A floating-point literal such as <c>1.5</c>, <c>1e3</c> or <c>-0.25</c>.</summary>
/// <param name="Position">The offset of the literal (of its minus sign, if it has one).</param>
/// <param name="Value">The literal's value.</param>
internal sealed record DoubleLiteralNode(int Position, double Value) : ExpressionNode(Position);

/// <summary>A string literal, single- or double-quoted, with its escapes decoded.</summary>
/// <param name="Position">The offset of the literal's opening quote (or raw-string prefix).</param>
/// <param name="Value">The decoded text.</param>
internal sealed record StringLiteralNode(int Position, string Value) : ExpressionNode(Position);

/// <summary>A name at the root of a path, such as <c>event</c>, <c>async</c>, <c>vars</c> or a macro's loop variable.</summary>
/// <param name="Position">The offset of the name.</param>
/// <param name="Name">The identifier.</param>
internal sealed record IdentifierNode(int Position, string Name) : ExpressionNode(Position);

/// <summary>Field selection: <c>target.field</c>.</summary>
/// <param name="Position">The offset of the field name.</param>
/// <param name="Target">The value whose field is selected.</param>
/// <param name="Field">The field name.</param>
internal sealed record SelectNode(int Position, ExpressionNode Target, string Field) : ExpressionNode(Position);

/// <summary>Indexing: <c>target[index]</c>, for a list element or a map entry.</summary>
/// <param name="Position">The offset of the <c>[</c>.</param>
/// <param name="Target">The value being indexed.</param>
/// <param name="Index">The index or key.</param>
internal sealed record IndexNode(int Position, ExpressionNode Target, ExpressionNode Index) : ExpressionNode(Position);

/// <summary>A function call, either global (<c>size(x)</c>) or with a receiver (<c>x.startsWith('a')</c>).</summary>
/// <param name="Position">The offset of the function name.</param>
/// <param name="Target">The receiver, or null for a global call.</param>
/// <param name="Function">The function name.</param>
/// <param name="Arguments">The arguments, in order.</param>
internal sealed record CallNode(int Position, ExpressionNode? Target, string Function, IReadOnlyList<ExpressionNode> Arguments)
    : ExpressionNode(Position)
{
    /// <inheritdoc/>
    public bool Equals(CallNode? other) =>
        other is not null
        && base.Equals(other)
        && Equals(Target, other.Target)
        && Function == other.Function
        && SequenceEqual(Arguments, other.Arguments);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        SequenceHash(unchecked((Position * 31) + Function.GetHashCode()), Arguments);
}

/// <summary>A prefix operation: <c>!x</c> or <c>-x</c>.</summary>
/// <param name="Position">The offset of the operator.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Operand">The operand.</param>
internal sealed record UnaryNode(int Position, ExpressionUnaryOperator Operator, ExpressionNode Operand) : ExpressionNode(Position);

/// <summary>An infix operation such as <c>a == b</c>, <c>a &amp;&amp; b</c> or <c>a in b</c>.</summary>
/// <param name="Position">The offset of the operator.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record BinaryNode(int Position, ExpressionBinaryOperator Operator, ExpressionNode Left, ExpressionNode Right)
    : ExpressionNode(Position);

/// <summary>The conditional <c>condition ? whenTrue : whenFalse</c>.</summary>
/// <param name="Position">The offset of the <c>?</c>.</param>
/// <param name="Condition">The condition, judged by truthiness.</param>
/// <param name="WhenTrue">The result when the condition is truthy.</param>
/// <param name="WhenFalse">The result otherwise.</param>
internal sealed record ConditionalNode(int Position, ExpressionNode Condition, ExpressionNode WhenTrue, ExpressionNode WhenFalse)
    : ExpressionNode(Position);

/// <summary>A list literal: <c>[a, b, c]</c>.</summary>
/// <param name="Position">The offset of the <c>[</c>.</param>
/// <param name="Elements">The elements, in order.</param>
internal sealed record ListNode(int Position, IReadOnlyList<ExpressionNode> Elements) : ExpressionNode(Position)
{
    /// <inheritdoc/>
    public bool Equals(ListNode? other) =>
        other is not null && base.Equals(other) && SequenceEqual(Elements, other.Elements);

    /// <inheritdoc/>
    public override int GetHashCode() => SequenceHash(Position, Elements);
}

/// <summary>A map literal: <c>{'a': 1, 'b': 2}</c>.</summary>
/// <param name="Position">The offset of the <c>{</c>.</param>
/// <param name="Entries">The entries, in source order.</param>
internal sealed record MapNode(int Position, IReadOnlyList<MapEntryNode> Entries) : ExpressionNode(Position)
{
    /// <inheritdoc/>
    public bool Equals(MapNode? other) =>
        other is not null && base.Equals(other) && SequenceEqual(Entries, other.Entries);

    /// <inheritdoc/>
    public override int GetHashCode() => SequenceHash(Position, Entries);
}

/// <summary>One <c>key: value</c> entry of a <see cref="MapNode"/>.</summary>
/// <param name="Position">The offset of the <c>:</c>.</param>
/// <param name="Key">The key expression.</param>
/// <param name="Value">The value expression.</param>
internal sealed record MapEntryNode(int Position, ExpressionNode Key, ExpressionNode Value)
{
    /// <summary>Prints the entry as <c>key: value</c>.</summary>
    /// <returns>The entry's source text.</returns>
    public override string ToString() => Key + ": " + Value;
}
