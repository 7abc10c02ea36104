using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Analyzers.FunctionConfig;

/// <summary>
/// Checks a function's id and configuration attributes against what Inngest accepts when the app syncs: a stable slug
/// for the id (INNG2010), at most 10 triggers (INNG2011) and 2 concurrency limits (INNG2012), no cancel-on, debounce,
/// singleton or priority next to batching (INNG2013), and 0 to 20 retries (INNG2014).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionConfigAnalyzer : DiagnosticAnalyzer
{
    public const int MaxTriggers = 10;
    public const int MaxConcurrencyLimits = 2;
    public const int MaxRetries = 20;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.FunctionIdNotSlug,
        DiagnosticDescriptors.FunctionTooManyTriggers,
        DiagnosticDescriptors.FunctionTooManyConcurrencyLimits,
        DiagnosticDescriptors.BatchEventsIncompatible,
        DiagnosticDescriptors.RetriesOutOfRange);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { FunctionAttribute: not null } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(ctx => Analyze(ctx, symbols), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, InngestSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (symbols.GetFunctionAttribute(method) is not { } function)
        {
            return;
        }

        var display = method.ContainingType.Name + "." + method.Name;
        CheckId(context, function);

        var triggers = new List<(AttributeData Data, SyntaxNode Syntax)>();
        var concurrency = new List<(AttributeData Data, SyntaxNode Syntax)>();
        var batchIncompatible = new List<(string Name, SyntaxNode Syntax)>();
        var batched = false;
        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is not { } attributeClass
                || data.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }

            var kind = symbols.ClassifyAttribute(attributeClass);
            switch (kind)
            {
                case FunctionAttributeKind.Trigger or FunctionAttributeKind.Cron:
                    triggers.Add((data, syntax));
                    break;
                case FunctionAttributeKind.Concurrency:
                    concurrency.Add((data, syntax));
                    break;
                case FunctionAttributeKind.BatchEvents:
                    batched = true;
                    break;
                case FunctionAttributeKind.CancelOn:
                    batchIncompatible.Add(("[CancelOn<" + attributeClass.TypeArguments[0].Name + ">]", syntax));
                    break;
                case FunctionAttributeKind.Debounce or FunctionAttributeKind.Singleton or FunctionAttributeKind.Priority:
                    batchIncompatible.Add(("[" + kind + "]", syntax));
                    break;
                case FunctionAttributeKind.Retries:
                    if (data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is int retries && retries is < 0 or > MaxRetries)
                    {
                        var location = syntax.ArgumentList is { Arguments.Count: > 0 } list ? list.Arguments[0].GetLocation() : syntax.GetLocation();
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RetriesOutOfRange, location, display, retries.ToString(CultureInfo.InvariantCulture)));
                    }

                    break;
            }
        }

        ReportOverflow(context, triggers, MaxTriggers, DiagnosticDescriptors.FunctionTooManyTriggers, display);
        ReportOverflow(context, concurrency, MaxConcurrencyLimits, DiagnosticDescriptors.FunctionTooManyConcurrencyLimits, display);
        if (batched)
        {
            foreach (var (name, syntax) in batchIncompatible)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BatchEventsIncompatible, syntax.GetLocation(), display, name));
            }
        }
    }

    private static void CheckId(SymbolAnalysisContext context, AttributeData function)
    {
        if (function.ConstructorArguments.Length != 1
            || function.ConstructorArguments[0].Value is not string id
            || function.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax
            || IdArgument(syntax) is not { } argument)
        {
            return;
        }

        var problem = argument is InterpolatedStringExpressionSyntax
            ? "is built with string interpolation"
            : DescribeSlugProblem(id);
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FunctionIdNotSlug, argument.GetLocation(), id, problem));
        }
    }

    private static ExpressionSyntax? IdArgument(AttributeSyntax syntax)
    {
        foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is null && (argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "id"))
            {
                return argument.Expression;
            }
        }

        return null;
    }

    /// <summary>What keeps <paramref name="id"/> from being a slug (<c>^[a-z0-9][a-z0-9-]*$</c>), or null.</summary>
    internal static string? DescribeSlugProblem(string id)
    {
        if (id.Length == 0)
        {
            return "is empty";
        }

        bool upper = false, space = false;
        var others = new List<string>();
        foreach (var c in id)
        {
            if (c is >= 'A' and <= 'Z')
            {
                upper = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = true;
            }
            else if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                var text = char.IsLetter(c) ? $"the letter '{c}'" : $"'{c}'";
                if (!others.Contains(text) && others.Count < 3)
                {
                    others.Add(text);
                }
            }
        }

        var problems = new List<string>();
        if (upper)
        {
            problems.Add("upper-case letters");
        }

        if (space)
        {
            problems.Add("spaces");
        }

        problems.AddRange(others);
        if (problems.Count > 0)
        {
            return "contains " + (problems.Count == 1 ? problems[0] : string.Join(", ", problems.GetRange(0, problems.Count - 1)) + " and " + problems[problems.Count - 1]);
        }

        return id[0] == '-' ? "starts with '-'" : null;
    }

    /// <summary>Reports the first attribute past <paramref name="max"/>, in source order.</summary>
    private static void ReportOverflow(
        SymbolAnalysisContext context,
        List<(AttributeData Data, SyntaxNode Syntax)> attributes,
        int max,
        DiagnosticDescriptor descriptor,
        string display)
    {
        if (attributes.Count <= max)
        {
            return;
        }

        attributes.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);
            return byFile != 0 ? byFile : a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
        });
        context.ReportDiagnostic(Diagnostic.Create(
            descriptor,
            attributes[max].Syntax.GetLocation(),
            display,
            attributes.Count.ToString(CultureInfo.InvariantCulture)));
    }
}
