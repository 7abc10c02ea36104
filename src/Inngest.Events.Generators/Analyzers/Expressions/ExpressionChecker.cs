using System;
using System.Collections.Generic;
using System.Linq;
using Inngest.Events.Expressions;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>
/// Checks one expression with the runtime's parser: that it parses (INNG4001), that <c>event.data</c> and
/// <c>async.data</c> paths name members of the event types (INNG4002), that <c>async</c> is only used where it is bound
/// (INNG4003), and that keys are values rather than <c>&amp;&amp;</c> / <c>||</c> conditions (INNG4004).
/// </summary>
internal sealed class ExpressionChecker
{
    private const int MaxListedMembers = 8;

    private readonly string _source;
    private readonly ExpressionSite _site;
    private readonly JsonDataShape _shape;
    private readonly List<ExpressionFinding> _findings = new();
    private readonly List<string> _shadowed = new();
    private IdentifierNode? _async;
    private BinaryNode? _logic;

    private ExpressionChecker(string source, ExpressionSite site, JsonDataShape shape)
    {
        _source = source;
        _site = site;
        _shape = shape;
    }

    public static List<ExpressionFinding> Check(string source, ExpressionSite site, JsonDataShape shape)
    {
        var checker = new ExpressionChecker(source, site, shape);
        ExpressionNode root;
        try
        {
            root = ExpressionParser.Parse(source);
        }
        catch (ExpressionSyntaxException exception)
        {
            checker._findings.Add(new ExpressionFinding(
                DiagnosticDescriptors.ExpressionSyntaxError,
                exception.Position,
                1,
                [Quote(source), site.Display, Reason(exception)]));
            return checker._findings;
        }

        checker.Visit(root);
        checker.Report();
        return checker._findings;
    }

    /// <summary>The parser's message without the position and the quoted expression, which the diagnostic shows otherwise.</summary>
    internal static string Reason(ExpressionSyntaxException exception)
    {
        var message = exception.Message;
        var suffix = " in: " + exception.ExpressionSource;
        if (message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message.Substring(0, message.Length - suffix.Length);
        }

        var position = " at position " + exception.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = message.IndexOf(position, StringComparison.Ordinal);
        return at < 0 ? message : message.Remove(at, position.Length);
    }

    private static string Quote(string source) => source.Length > 120 ? source.Substring(0, 117) + "..." : source;

    private void Visit(ExpressionNode node)
    {
        switch (node)
        {
            case IdentifierNode identifier:
                CheckAsync(identifier);
                break;
            case SelectNode or IndexNode:
                VisitPath(node);
                break;
            case CallNode call:
                if (call.Target is not null)
                {
                    Visit(call.Target);
                }

                if (call.Target is not null && ExpressionParser.IsMacro(call.Function)
                    && call.Arguments.Count > 0 && call.Arguments[0] is IdentifierNode variable)
                {
                    // The macro's loop variable hides a binding of the same name in the macro's other arguments.
                    _shadowed.Add(variable.Name);
                    for (var i = 1; i < call.Arguments.Count; i++)
                    {
                        Visit(call.Arguments[i]);
                    }

                    _shadowed.RemoveAt(_shadowed.Count - 1);
                }
                else
                {
                    foreach (var argument in call.Arguments)
                    {
                        Visit(argument);
                    }
                }

                break;
            case UnaryNode unary:
                Visit(unary.Operand);
                break;
            case BinaryNode binary:
                if (_site.Kind == ExpressionSiteKind.Key
                    && binary.Operator is ExpressionBinaryOperator.And or ExpressionBinaryOperator.Or
                    && (_logic is null || binary.Position < _logic.Position))
                {
                    _logic = binary;
                }

                Visit(binary.Left);
                Visit(binary.Right);
                break;
            case ConditionalNode conditional:
                Visit(conditional.Condition);
                Visit(conditional.WhenTrue);
                Visit(conditional.WhenFalse);
                break;
            case ListNode list:
                foreach (var element in list.Elements)
                {
                    Visit(element);
                }

                break;
            case MapNode map:
                foreach (var entry in map.Entries)
                {
                    Visit(entry.Key);
                    Visit(entry.Value);
                }

                break;
        }
    }

    private void CheckAsync(IdentifierNode identifier)
    {
        if (identifier.Name == "async" && !_site.AsyncBound && !_shadowed.Contains("async")
            && (_async is null || identifier.Position < _async.Position))
        {
            _async = identifier;
        }
    }

    /// <summary>The first unbound <c>async</c> and the first <c>&amp;&amp;</c> / <c>||</c> of a key, in source order: one diagnostic each per expression.</summary>
    private void Report()
    {
        if (_async is not null)
        {
            _findings.Add(new ExpressionFinding(
                DiagnosticDescriptors.ExpressionAsyncNotBound,
                _async.Position,
                _async.Name.Length,
                [Quote(_source), _site.Display]));
        }

        if (_logic is not null)
        {
            _findings.Add(new ExpressionFinding(
                DiagnosticDescriptors.ExpressionLogicInKey,
                _logic.Position,
                2,
                [Quote(_source), _site.Display, _logic.Operator == ExpressionBinaryOperator.And ? "&&" : "||"]));
        }
    }

    /// <summary>A chain of field selections and indexes from a root identifier: checks the data path, then visits what is inside the indexes.</summary>
    private void VisitPath(ExpressionNode node)
    {
        var links = new List<ExpressionNode>();
        var current = node;
        while (true)
        {
            if (current is SelectNode select)
            {
                links.Add(select);
                current = select.Target;
            }
            else if (current is IndexNode index)
            {
                links.Add(index);
                current = index.Target;
            }
            else
            {
                break;
            }
        }

        links.Reverse();
        Visit(current);
        if (current is IdentifierNode { Name: "event" or "async" } root && !_shadowed.Contains(root.Name))
        {
            CheckDataPath(root, links);
        }

        foreach (var link in links)
        {
            if (link is IndexNode index && index.Index is not StringLiteralNode)
            {
                Visit(index.Index);
            }
        }
    }

    private void CheckDataPath(IdentifierNode root, List<ExpressionNode> links)
    {
        if (links.Count < 2 || Name(links[0]) != "data")
        {
            return;
        }

        List<ITypeSymbol> candidates;
        if (root.Name == "event")
        {
            candidates = _site.EventTypes.Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).ToList();
        }
        else if (_site.AsyncBound && _site.AsyncType is not null)
        {
            candidates = [_site.AsyncType];
        }
        else
        {
            return;
        }

        if (candidates.Count == 0)
        {
            return;
        }

        // With several possible event types (a function with triggers of different types), a path is wrong only when it is wrong for all of them.
        ExpressionFinding? first = null;
        foreach (var type in candidates)
        {
            var finding = CheckDataPath(root, links, type);
            if (finding is null)
            {
                return;
            }

            first ??= finding;
        }

        if (first is not null)
        {
            if (candidates.Count > 1)
            {
                first.Arguments[2] = string.Join(" or ", candidates.Select(static t => "'" + t.Name + "'"));
            }

            _findings.Add(first);
        }
    }

    /// <summary>The finding for the first link that names no member of <paramref name="dataType"/>, or null when the path is fine or cannot be judged.</summary>
    private ExpressionFinding? CheckDataPath(IdentifierNode root, List<ExpressionNode> links, ITypeSymbol dataType)
    {
        ITypeSymbol? type = dataType;
        var path = root.Name + ".data";
        for (var i = 1; i < links.Count && type is not null; i++)
        {
            var link = links[i];
            var name = Name(link);
            if (name is null)
            {
                type = JsonDataShape.ElementOf(type);
                path += "[...]";
                continue;
            }

            path += link is SelectNode ? "." + name : "['" + name + "']";
            if (_shape.MembersOf(type) is not { } members)
            {
                return null;
            }

            if (members.TryGetValue(name, out var member))
            {
                type = member;
                continue;
            }

            var (start, length) = link is SelectNode select ? (select.Position, select.Field.Length) : (link.Position, 1);
            var listed = members.Keys.OrderBy(static k => k, StringComparer.Ordinal).ToList();
            var known = listed.Count == 0
                ? "no members"
                : string.Join(", ", listed.Take(MaxListedMembers)) + (listed.Count > MaxListedMembers ? ", ..." : "");
            var close = listed.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            return new ExpressionFinding(
                DiagnosticDescriptors.ExpressionUnknownMember,
                start,
                length,
                [path, _site.Display, "'" + type.Name + "'", known, close is null ? "" : $"; did you mean '{close}'?"]);
        }

        return null;
    }

    /// <summary>The member a link names: a field selection's name, or a string-literal index (<c>data['first-name']</c>); null for other indexes.</summary>
    private static string? Name(ExpressionNode link) => link switch
    {
        SelectNode select => select.Field,
        IndexNode { Index: StringLiteralNode literal } => literal.Value,
        _ => null,
    };
}
