using System;
using System.Collections.Generic;

namespace Inngest.Events.Expressions;

/// <summary>
/// Parses Inngest expressions: the subset of Google CEL that Inngest uses in trigger and <c>waitForEvent</c> /
/// cancellation <c>if</c> conditions and in flow-control keys. Precedence, lowest first: <c>?:</c> (right
/// associative), <c>||</c>, <c>&amp;&amp;</c>, relations (<c>== != &lt; &lt;= &gt; &gt;= in</c>), <c>+ -</c>,
/// <c>* / %</c>, prefix <c>! -</c>, then field selection, indexing and calls. Binary operators associate left.
/// </summary>
/// <remarks>
/// The parser checks syntax only (and the shape of CEL's macros: <c>has(a.b)</c>, <c>list.exists(x, p)</c> and
/// friends); it does not check types or function names, so it is usable at compile time as well as at run time.
/// Every failure is an <see cref="ExpressionSyntaxException"/> with the zero-based position of the problem.
/// </remarks>
internal sealed class ExpressionParser
{
    /// <summary>How deeply parentheses, prefix operators, conditionals and brackets may nest while parsing.</summary>
    public const int MaxNesting = 250;

    /// <summary>How deep the syntax tree may be (a chain of 600 <c>||</c> operands is 600 deep), so that walking it cannot exhaust the stack.</summary>
    public const int MaxDepth = 500;

    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    };

    private static readonly ExpressionNode[] NoNodes = new ExpressionNode[0];

    private readonly string _source;
    private readonly List<ExpressionToken> _tokens;
    private int _index;
    private int _nesting;

    private ExpressionParser(string source, List<ExpressionToken> tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    private ExpressionToken Current => _tokens[_index];

    /// <summary>Parses <paramref name="source"/> into a syntax tree.</summary>
    /// <param name="source">The expression, for example <c>event.data.plan == 'pro' &amp;&amp; event.data.seats &gt; 5</c>.</param>
    /// <returns>The root of the tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ExpressionSyntaxException">The source is not a valid expression.</exception>
    public static ExpressionNode Parse(string source)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var parser = new ExpressionParser(source, ExpressionLexer.Tokenize(source));
        var root = parser.ParseExpression();
        if (parser.Current.Kind != ExpressionTokenKind.End)
        {
            throw parser.Expected("an operator or end of input");
        }

        CheckDepth(source, root);
        return root;
    }

    /// <summary>Whether <paramref name="name"/> is a word CEL reserves, which cannot name a variable or global function.</summary>
    /// <param name="name">An identifier.</param>
    /// <returns>True for words such as <c>if</c>, <c>for</c> and <c>var</c>.</returns>
    public static bool IsReservedWord(string name) => ReservedWords.Contains(name);

    private ExpressionToken Advance() => _tokens[_index++];

    private ExpressionToken PeekAhead(int offset)
    {
        var index = Math.Min(_index + offset, _tokens.Count - 1);
        return _tokens[index];
    }

    private ExpressionToken Expect(ExpressionTokenKind kind, string description)
    {
        if (Current.Kind != kind)
        {
            throw Expected(description);
        }

        return Advance();
    }

    private ExpressionSyntaxException Expected(string expected) =>
        ExpressionSyntaxException.Expected(_source, Current.Start, expected, Describe(Current));

    private ExpressionSyntaxException ErrorAt(int position, string problem) =>
        ExpressionSyntaxException.At(_source, position, problem);

    private string Describe(ExpressionToken token)
    {
        if (token.Kind == ExpressionTokenKind.End)
        {
            return "end of input";
        }

        var text = token.Length > 32 ? _source.Substring(token.Start, 29) + "..." : _source.Substring(token.Start, token.Length);
        return token.Kind switch
        {
            ExpressionTokenKind.String => "string " + text,
            ExpressionTokenKind.Integer or ExpressionTokenKind.Double => "number " + text,
            _ => "'" + text + "'",
        };
    }

    private void Enter()
    {
        if (++_nesting > MaxNesting)
        {
            throw ErrorAt(Current.Start, $"Expression nests too deeply (more than {MaxNesting} levels)");
        }
    }

    private ExpressionNode ParseExpression()
    {
        Enter();
        var node = ParseOr();
        if (Current.Kind == ExpressionTokenKind.Question)
        {
            var question = Advance();
            var whenTrue = ParseOr();
            Expect(ExpressionTokenKind.Colon, "':'");
            var whenFalse = ParseExpression();
            node = new ConditionalNode(question.Start, node, whenTrue, whenFalse);
        }

        _nesting--;
        return node;
    }

    private ExpressionNode ParseOr()
    {
        var node = ParseAnd();
        while (Current.Kind == ExpressionTokenKind.OrOr)
        {
            var op = Advance();
            node = new BinaryNode(op.Start, ExpressionBinaryOperator.Or, node, ParseAnd());
        }

        return node;
    }

    private ExpressionNode ParseAnd()
    {
        var node = ParseRelation();
        while (Current.Kind == ExpressionTokenKind.AndAnd)
        {
            var op = Advance();
            node = new BinaryNode(op.Start, ExpressionBinaryOperator.And, node, ParseRelation());
        }

        return node;
    }

    private ExpressionNode ParseRelation()
    {
        var node = ParseAdditive();
        while (true)
        {
            ExpressionBinaryOperator op;
            switch (Current.Kind)
            {
                case ExpressionTokenKind.EqualEqual: op = ExpressionBinaryOperator.Equal; break;
                case ExpressionTokenKind.BangEqual: op = ExpressionBinaryOperator.NotEqual; break;
                case ExpressionTokenKind.Less: op = ExpressionBinaryOperator.Less; break;
                case ExpressionTokenKind.LessEqual: op = ExpressionBinaryOperator.LessOrEqual; break;
                case ExpressionTokenKind.Greater: op = ExpressionBinaryOperator.Greater; break;
                case ExpressionTokenKind.GreaterEqual: op = ExpressionBinaryOperator.GreaterOrEqual; break;
                case ExpressionTokenKind.In: op = ExpressionBinaryOperator.In; break;
                default: return node;
            }

            var token = Advance();
            node = new BinaryNode(token.Start, op, node, ParseAdditive());
        }
    }

    private ExpressionNode ParseAdditive()
    {
        var node = ParseMultiplicative();
        while (true)
        {
            ExpressionBinaryOperator op;
            switch (Current.Kind)
            {
                case ExpressionTokenKind.Plus: op = ExpressionBinaryOperator.Add; break;
                case ExpressionTokenKind.Minus: op = ExpressionBinaryOperator.Subtract; break;
                default: return node;
            }

            var token = Advance();
            node = new BinaryNode(token.Start, op, node, ParseMultiplicative());
        }
    }

    private ExpressionNode ParseMultiplicative()
    {
        var node = ParseUnary();
        while (true)
        {
            ExpressionBinaryOperator op;
            switch (Current.Kind)
            {
                case ExpressionTokenKind.Star: op = ExpressionBinaryOperator.Multiply; break;
                case ExpressionTokenKind.Slash: op = ExpressionBinaryOperator.Divide; break;
                case ExpressionTokenKind.Percent: op = ExpressionBinaryOperator.Remainder; break;
                default: return node;
            }

            var token = Advance();
            node = new BinaryNode(token.Start, op, node, ParseUnary());
        }
    }

    private ExpressionNode ParseUnary()
    {
        var token = Current;
        if (token.Kind == ExpressionTokenKind.Bang || token.Kind == ExpressionTokenKind.Minus)
        {
            var next = PeekAhead(1);
            if (token.Kind == ExpressionTokenKind.Minus
                && (next.Kind == ExpressionTokenKind.Integer || next.Kind == ExpressionTokenKind.Double))
            {
                // As in CEL's grammar, a minus sign directly before a number is part of the literal, which is how
                // -9223372036854775808 can be written at all.
                Advance();
                Advance();
                return ParsePostfix(next.Kind == ExpressionTokenKind.Integer
                    ? new IntegerLiteralNode(token.Start, ToInt64(next, negative: true))
                    : new DoubleLiteralNode(token.Start, -next.Double));
            }

            Advance();
            Enter();
            var operand = ParseUnary();
            _nesting--;
            var op = token.Kind == ExpressionTokenKind.Bang ? ExpressionUnaryOperator.Not : ExpressionUnaryOperator.Negate;
            return new UnaryNode(token.Start, op, operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private ExpressionNode ParsePostfix(ExpressionNode node)
    {
        while (true)
        {
            if (Current.Kind == ExpressionTokenKind.Dot)
            {
                Advance();
                if (Current.Kind != ExpressionTokenKind.Identifier)
                {
                    throw Expected("a field name after '.'");
                }

                var name = Advance();
                if (Current.Kind == ExpressionTokenKind.LeftParen)
                {
                    Advance();
                    node = MakeCall(name, node, ParseArguments());
                }
                else
                {
                    node = new SelectNode(name.Start, node, name.Text!);
                }
            }
            else if (Current.Kind == ExpressionTokenKind.LeftBracket)
            {
                var open = Advance();
                var index = ParseExpression();
                Expect(ExpressionTokenKind.RightBracket, "']'");
                node = new IndexNode(open.Start, node, index);
            }
            else
            {
                return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case ExpressionTokenKind.Integer:
                Advance();
                return new IntegerLiteralNode(token.Start, ToInt64(token, negative: false));
            case ExpressionTokenKind.Double:
                Advance();
                return new DoubleLiteralNode(token.Start, token.Double);
            case ExpressionTokenKind.String:
                Advance();
                return new StringLiteralNode(token.Start, token.Text!);
            case ExpressionTokenKind.True:
            case ExpressionTokenKind.False:
                Advance();
                return new BooleanLiteralNode(token.Start, token.Kind == ExpressionTokenKind.True);
            case ExpressionTokenKind.Null:
                Advance();
                return new NullLiteralNode(token.Start);
            case ExpressionTokenKind.Identifier:
                Advance();
                if (IsReservedWord(token.Text!))
                {
                    throw ErrorAt(token.Start, $"'{token.Text}' is a reserved word and cannot be used as an identifier");
                }

                if (Current.Kind == ExpressionTokenKind.LeftParen)
                {
                    Advance();
                    return MakeCall(token, null, ParseArguments());
                }

                return new IdentifierNode(token.Start, token.Text!);
            case ExpressionTokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(ExpressionTokenKind.RightParen, "')'");
                return inner;
            case ExpressionTokenKind.LeftBracket:
                return ParseList();
            case ExpressionTokenKind.LeftBrace:
                return ParseMap();
            default:
                throw Expected("an expression");
        }
    }

    private long ToInt64(ExpressionToken token, bool negative)
    {
        const ulong MinMagnitude = 9223372036854775808UL;
        if (negative)
        {
            return token.Integer == MinMagnitude ? long.MinValue
                : token.Integer < MinMagnitude ? -(long)token.Integer
                : throw ErrorAt(token.Start, "Integer literal is out of the 64-bit range");
        }

        return token.Integer < MinMagnitude
            ? (long)token.Integer
            : throw ErrorAt(token.Start, "Integer literal is out of the 64-bit range");
    }

    private IReadOnlyList<ExpressionNode> ParseArguments()
    {
        if (Current.Kind == ExpressionTokenKind.RightParen)
        {
            Advance();
            return NoNodes;
        }

        var arguments = new List<ExpressionNode>();
        while (true)
        {
            arguments.Add(ParseExpression());
            if (Current.Kind == ExpressionTokenKind.Comma)
            {
                Advance();
                continue;
            }

            Expect(ExpressionTokenKind.RightParen, "',' or ')'");
            return arguments.ToArray();
        }
    }

    private ExpressionNode ParseList()
    {
        var open = Advance();
        var elements = new List<ExpressionNode>();
        while (Current.Kind != ExpressionTokenKind.RightBracket)
        {
            elements.Add(ParseExpression());
            if (Current.Kind == ExpressionTokenKind.Comma)
            {
                Advance();
            }
            else if (Current.Kind != ExpressionTokenKind.RightBracket)
            {
                throw Expected("',' or ']'");
            }
        }

        Advance();
        return new ListNode(open.Start, elements.Count == 0 ? NoNodes : elements.ToArray());
    }

    private ExpressionNode ParseMap()
    {
        var open = Advance();
        var entries = new List<MapEntryNode>();
        while (Current.Kind != ExpressionTokenKind.RightBrace)
        {
            var key = ParseExpression();
            var colon = Expect(ExpressionTokenKind.Colon, "':'");
            entries.Add(new MapEntryNode(colon.Start, key, ParseExpression()));
            if (Current.Kind == ExpressionTokenKind.Comma)
            {
                Advance();
            }
            else if (Current.Kind != ExpressionTokenKind.RightBrace)
            {
                throw Expected("',' or '}'");
            }
        }

        Advance();
        return new MapNode(open.Start, entries.ToArray());
    }

    private CallNode MakeCall(ExpressionToken name, ExpressionNode? target, IReadOnlyList<ExpressionNode> arguments)
    {
        var function = name.Text!;
        if (target is null && function == "has" && (arguments.Count != 1 || arguments[0] is not SelectNode))
        {
            throw ErrorAt(name.Start, "has() takes one field selection, such as has(event.data.x)");
        }

        if (target is not null && IsMacro(function))
        {
            var maxArguments = function == "map" ? 3 : 2;
            if (arguments.Count < 2 || arguments.Count > maxArguments || arguments[0] is not IdentifierNode)
            {
                throw ErrorAt(
                    name.Start,
                    $"{function}() takes a variable name and an expression, such as items.{function}(x, x > 0)");
            }
        }

        return new CallNode(name.Start, target, function, arguments);
    }

    /// <summary>Whether <paramref name="function"/>, called on a receiver, is one of CEL's comprehension macros (its first argument names a loop variable).</summary>
    internal static bool IsMacro(string function) =>
        function is "all" or "exists" or "exists_one" or "map" or "filter";

    private static void CheckDepth(string source, ExpressionNode root)
    {
        // Iterative, so that a tree too deep to walk recursively is rejected rather than walked.
        var stack = new Stack<KeyValuePair<ExpressionNode, int>>();
        stack.Push(new KeyValuePair<ExpressionNode, int>(root, 1));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            var node = item.Key;
            var depth = item.Value;
            if (depth > MaxDepth)
            {
                throw ExpressionSyntaxException.At(source, node.Position, $"Expression is too deep (more than {MaxDepth} levels)");
            }

            var childDepth = depth + 1;
            switch (node)
            {
                case SelectNode select:
                    Push(stack, select.Target, childDepth);
                    break;
                case IndexNode index:
                    Push(stack, index.Target, childDepth);
                    Push(stack, index.Index, childDepth);
                    break;
                case CallNode call:
                    if (call.Target is not null)
                    {
                        Push(stack, call.Target, childDepth);
                    }

                    foreach (var argument in call.Arguments)
                    {
                        Push(stack, argument, childDepth);
                    }

                    break;
                case UnaryNode unary:
                    Push(stack, unary.Operand, childDepth);
                    break;
                case BinaryNode binary:
                    Push(stack, binary.Left, childDepth);
                    Push(stack, binary.Right, childDepth);
                    break;
                case ConditionalNode conditional:
                    Push(stack, conditional.Condition, childDepth);
                    Push(stack, conditional.WhenTrue, childDepth);
                    Push(stack, conditional.WhenFalse, childDepth);
                    break;
                case ListNode list:
                    foreach (var element in list.Elements)
                    {
                        Push(stack, element, childDepth);
                    }

                    break;
                case MapNode map:
                    foreach (var entry in map.Entries)
                    {
                        Push(stack, entry.Key, childDepth);
                        Push(stack, entry.Value, childDepth);
                    }

                    break;
            }
        }
    }

    private static void Push(Stack<KeyValuePair<ExpressionNode, int>> stack, ExpressionNode node, int depth) =>
        stack.Push(new KeyValuePair<ExpressionNode, int>(node, depth));
}
