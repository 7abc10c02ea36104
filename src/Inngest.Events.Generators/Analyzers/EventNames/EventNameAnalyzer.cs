using System.Collections.Immutable;
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
                start.RegisterOperationAction(ctx => AnalyzeForEvent(ctx, symbols), OperationKind.Invocation);
                start.RegisterOperationAction(ctx => AnalyzeTriggerInitializer(ctx, symbols), OperationKind.SimpleAssignment);
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
        var site = new EventNameSite(IsTrigger: false, symbols.IsRuntimeAssembly, EventNameRules.DomainFromNamespace(type.ContainingNamespace));
        Report(context.ReportDiagnostic, context.Options, name, site, argument ?? (SyntaxNode)syntax);
    }

    private static void AnalyzeForEvent(OperationAnalysisContext context, InngestSymbols symbols)
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
                ReportTriggerName(context, argument.Value);
            }
        }
    }

    private static void AnalyzeTriggerInitializer(OperationAnalysisContext context, InngestSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Event" } target
            && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, symbols.FunctionTrigger))
        {
            ReportTriggerName(context, assignment.Value);
        }
    }

    private static void ReportTriggerName(OperationAnalysisContext context, IOperation value)
    {
        // Only names the analyzer can read; a name computed at run time is not its business.
        if (value.ConstantValue is not { HasValue: true, Value: string name })
        {
            return;
        }

        var site = new EventNameSite(IsTrigger: true, AllowReservedPrefix: true, NamespaceDomain: null);
        Report(context.ReportDiagnostic, context.Options, name, site, value.Syntax);
    }

    private static void Report(System.Action<Diagnostic> report, AnalyzerOptions options, string name, EventNameSite site, SyntaxNode node)
    {
        var nameOptions = EventNameOptions.From(options.AnalyzerConfigOptionsProvider, node.SyntaxTree);

        // A fix rewrites the literal; a name that comes from a constant elsewhere is reported without one.
        var isLiteral = node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression);
        foreach (var finding in EventNameRules.Check(name, site, nameOptions))
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
