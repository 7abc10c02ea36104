using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Analyzers.EventNames;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// Checks dedup ids: the <c>Id</c> set in <c>EventOptions</c> and <c>Event&lt;T&gt;</c> initializers and
/// <c>with</c> expressions (which covers the options of <c>SendAsync</c> and <c>step.SendEventAsync</c>), and
/// <c>[Event(Id = "...")]</c> templates. An id must be specific to the event and to this occurrence, and the same on
/// every attempt: constants, bare entity values and values of the clock, Guid.NewGuid() or Random are not.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DedupIdAnalyzer : DiagnosticAnalyzer
{
    private const string ExampleSlug = "event-name";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DedupIdConstant,
        DiagnosticDescriptors.DedupIdWithoutEventPart,
        DiagnosticDescriptors.DedupIdChangesEveryAttempt);

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

            var volatileSources = symbols.VolatileSources;
            start.RegisterSymbolAction(ctx => AnalyzeTemplate(ctx, symbols), SymbolKind.NamedType);
            if (symbols.InngestEvent is not null || symbols.EventOptions is not null)
            {
                start.RegisterOperationAction(ctx => AnalyzeAssignment(ctx, symbols, volatileSources), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, InngestSymbols symbols, VolatileSources volatileSources)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Id", IsStatic: false } property }
            || !(SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.InngestEvent)
                || SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.EventOptions))
            || assignment.Value.Syntax is not ExpressionSyntax syntax)
        {
            return;
        }

        var value = new DedupIdClassifier(symbols, volatileSources, context.CancellationToken).Classify(assignment.Value);
        var location = syntax.GetLocation();
        switch (value.Kind)
        {
            case DedupIdKind.Volatile:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdChangesEveryAttempt, location, value.Detail));
                break;

            case DedupIdKind.Constant:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdConstant, location, $"The dedup id \"{value.Detail}\""));
                break;

            case DedupIdKind.BareEntity:
                var slug = ConformingEventName.Slug(EventTypeOf(assignment, symbols), symbols, context.Compilation, context.Options, context.CancellationToken);
                var example = DedupIdRewrite.Prefix(syntax, slug ?? ExampleSlug, assignment.SemanticModel).ToString();
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DedupIdWithoutEventPart,
                    location,
                    SlugProperties(slug),
                    $"The dedup id '{syntax}'",
                    example));
                break;
        }
    }

    private static void AnalyzeTemplate(SymbolAnalysisContext context, InngestSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.GetEventAttribute(type) is not { } attribute
            || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax
            || TemplateArgument(syntax) is not { } argument)
        {
            return;
        }

        string? template = null;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Id")
            {
                template = named.Value.Value as string;
            }
        }

        // Malformed templates and unknown placeholders are the generator's INNG1005 and INNG1004.
        if (template is null || !IdTemplate.TryParse(template, out var placeholders, out var literalText))
        {
            return;
        }

        var subject = $"The Id template \"{template}\" of '{type.Name}'";
        if (placeholders.Count == 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdConstant, argument.GetLocation(), subject));
            return;
        }

        foreach (var placeholder in placeholders)
        {
            if (!HasReadableProperty(type, placeholder))
            {
                return;
            }
        }

        foreach (var c in literalText)
        {
            if (char.IsLetter(c))
            {
                return;
            }
        }

        var eventName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var slug = eventName is not null ? ConformingEventName.Slug(eventName, type, symbols, context.Compilation, context.Options, context.CancellationToken) : null;
        var isLiteral = argument is LiteralExpressionSyntax;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DedupIdWithoutEventPart,
            argument.GetLocation(),
            SlugProperties(isLiteral ? slug : null),
            subject,
            "\"" + (slug ?? ExampleSlug) + "-" + template + "\""));
    }

    /// <summary>The event type an id belongs to: the T of <c>Event&lt;T&gt;</c>, or the TData of the send the options go to.</summary>
    private static ITypeSymbol? EventTypeOf(ISimpleAssignmentOperation assignment, InngestSymbols symbols)
    {
        if (assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: { } owner })
        {
            return null;
        }

        if (owner.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } envelope
            && SymbolEqualityComparer.Default.Equals(envelope.OriginalDefinition, symbols.EventEnvelope))
        {
            return envelope.TypeArguments[0];
        }

        if (!SymbolEqualityComparer.Default.Equals(owner.Type, symbols.EventOptions))
        {
            return null;
        }

        var parent = owner.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
            {
                if (symbols.GetEventName(typeArgument) is not null)
                {
                    return typeArgument;
                }
            }
        }

        return null;
    }

    private static ImmutableDictionary<string, string?> SlugProperties(string? slug)
        => slug is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticPropertyNames.EventSlug, slug);

    private static ExpressionSyntax? TemplateArgument(AttributeSyntax syntax)
    {
        if (syntax.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == "Id")
            {
                return argument.Expression;
            }
        }

        return null;
    }

    private static bool HasReadableProperty(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
