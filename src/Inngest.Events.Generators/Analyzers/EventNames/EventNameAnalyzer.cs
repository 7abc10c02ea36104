using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// Checks event names against the <c>domain/noun.verb</c> convention and Inngest's limits, wherever a name is
/// written: <c>[Event("...")]</c> on a type, and the raw trigger names of <c>FunctionTrigger.ForEvent("...")</c> and
/// <c>new FunctionTrigger { Event = "..." }</c>. (<c>[Trigger&lt;T&gt;]</c>, <c>[CancelOn&lt;T&gt;]</c> and the typed send and
/// wait APIs take types, whose names come from their [Event] attribute and are checked there.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EventNameMissingDomain,
        DiagnosticDescriptors.EventNameFormat,
        DiagnosticDescriptors.EventNameHyphenatedWords,
        DiagnosticDescriptors.EventNameNotPastTense,
        DiagnosticDescriptors.EventNameReservedPrefix,
        DiagnosticDescriptors.EventNameLength);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { } symbols)
            {
                return;
            }

            start.RegisterSymbolAction(ctx => AnalyzeType(ctx, symbols), SymbolKind.NamedType);
            if (symbols.FunctionTrigger is not null)
            {
                // A trigger that names an event declared here is renamed with it, so it gets the declaration's fix.
                var declared = new Lazy<Dictionary<string, EventNameSite>>(() => DeclaredEvents(start.Compilation, symbols), LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterOperationAction(ctx => AnalyzeForEvent(ctx, symbols, declared), OperationKind.Invocation);
                start.RegisterOperationAction(ctx => AnalyzeTriggerInitializer(ctx, symbols, declared), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, InngestSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.GetEventAttribute(type) is not { } attribute
            || attribute.ConstructorArguments.Length != 1
            || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        var name = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
        var argument = NameArgument(syntax);
        Report(context.ReportDiagnostic, context.Options, context.Compilation, name, DeclarationSite(type, symbols), argument ?? (SyntaxNode)syntax, context.CancellationToken);
    }

    private static EventNameSite DeclarationSite(INamedTypeSymbol type, InngestSymbols symbols)
        => new(IsTrigger: false, symbols.IsRuntimeAssembly, EventNameRules.DomainFromNamespace(type.ContainingNamespace));

    /// <summary>The event names that [Event] types of this compilation declare, with the site each declaration has.</summary>
    private static Dictionary<string, EventNameSite> DeclaredEvents(Compilation compilation, InngestSymbols symbols)
    {
        var names = new Dictionary<string, EventNameSite>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }

                if (member is INamedTypeSymbol type && symbols.GetEventName(type) is { } name && !names.ContainsKey(name))
                {
                    names[name] = DeclarationSite(type, symbols);
                }
            }
        }

        return names;
    }

    private static void AnalyzeForEvent(OperationAnalysisContext context, InngestSymbols symbols, Lazy<Dictionary<string, EventNameSite>> declared)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "ForEvent"
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.FunctionTrigger))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                ReportTriggerName(context, argument.Value, declared);
            }
        }
    }

    private static void AnalyzeTriggerInitializer(OperationAnalysisContext context, InngestSymbols symbols, Lazy<Dictionary<string, EventNameSite>> declared)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Event" } target
            && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, symbols.FunctionTrigger))
        {
            ReportTriggerName(context, assignment.Value, declared);
        }
    }

    private static void ReportTriggerName(OperationAnalysisContext context, IOperation value, Lazy<Dictionary<string, EventNameSite>> declared)
    {
        // Only names the analyzer can read; a name computed at run time is not its business.
        if (value.ConstantValue is not { HasValue: true, Value: string name })
        {
            return;
        }

        var site = new EventNameSite(IsTrigger: true, AllowReservedPrefix: true, NamespaceDomain: null);
        if (EventNameRules.Check(name, site, EventNameOptions.Default).Count == 0)
        {
            return;
        }

        if (declared.Value.TryGetValue(name, out var declaration))
        {
            site = declaration with { IsTrigger = true, AllowReservedPrefix = true };
        }

        Report(context.ReportDiagnostic, context.Options, context.Compilation, name, site, value.Syntax, context.CancellationToken);
    }

    private static void Report(
        Action<Diagnostic> report,
        AnalyzerOptions options,
        Compilation compilation,
        string name,
        EventNameSite site,
        SyntaxNode node,
        CancellationToken cancellationToken)
    {
        var (nameOptions, fixTense) = ConformingEventName.SettingsFor(compilation, options, node.SyntaxTree, cancellationToken);

        // A fix rewrites the literal; a name that comes from a constant elsewhere is reported without one.
        var isLiteral = node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);
        foreach (var finding in EventNameRules.Check(name, site, nameOptions, fixTense))
        {
            var properties = isLiteral && finding.FixedName is { } fixedName
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.FixedEventName, fixedName)
                : ImmutableDictionary<string, string?>.Empty;
            report(Diagnostic.Create(finding.Descriptor, node.GetLocation(), properties, finding.Arguments));
        }
    }

    /// <summary>The expression of the attribute's name argument (positional, or <c>name:</c>).</summary>
    internal static ExpressionSyntax? NameArgument(AttributeSyntax syntax)
    {
        if (syntax.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals is null && (argument.NameColon is null || argument.NameColon.Name.Identifier.ValueText == "name"))
            {
                return argument.Expression;
            }
        }

        return null;
    }
}
