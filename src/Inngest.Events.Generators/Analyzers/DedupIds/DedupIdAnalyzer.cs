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
        DiagnosticDescriptors.DedupIdChangesEveryAttempt,
        DiagnosticDescriptors.DedupIdFallsBackToNewValue);

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

    /// <summary>
    /// Whether the event or options the id is set on go to the test host (a test sends with fixed ids, or ids from the
    /// virtual clock, on purpose) or straight into a function's method (a test calling it directly): no send to dedup.
    /// </summary>
    private static bool IsForTestOrDirectCall(ISimpleAssignmentOperation assignment, InngestSymbols symbols)
    {
        if (assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: { } owner })
        {
            return false;
        }

        var current = owner;
        // Past conversions, parentheses and the array or collection expression (`[new Event<T>(...) { Id = ... }]`) it is in.
        while (current.Parent is IConversionOperation or IParenthesizedOperation or IArrayInitializerOperation or IArrayCreationOperation
            || current.Parent?.Syntax is CollectionExpressionSyntax)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } }
            && (symbols.IsTestHostMember(method) || symbols.IsFunction(method));
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

        if (IsForTestOrDirectCall(assignment, symbols))
        {
            return;
        }

        var words = DedupIdVocabulary.For(context.Options, syntax.SyntaxTree);
        var sent = SentEvent.Of(assignment, symbols);
        var value = new DedupIdClassifier(symbols, volatileSources, words, context.CancellationToken).Classify(assignment.Value, sent.Data, symbols.GetEventName(sent.Type));
        if (value.Kind == DedupIdKind.Unknown)
        {
            return;
        }

        var slug = ConformingEventName.Slug(sent.Type, symbols, context.Compilation, context.Options, context.CancellationToken);
        var location = syntax.GetLocation();
        switch (value.Kind)
        {
            case DedupIdKind.Volatile:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdChangesEveryAttempt, location, value.Detail, sent.Suggestion(slug)));
                break;

            case DedupIdKind.VolatileFallback:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdFallsBackToNewValue, location, value.Detail, sent.Suggestion(slug)));
                break;

            case DedupIdKind.Constant:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdConstant, location, $"The dedup id \"{value.Detail}\"", sent.Suggestion(slug)));
                break;

            case DedupIdKind.BareEntity:
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

        var eventName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var slug = eventName is not null ? ConformingEventName.Slug(eventName, type, symbols, context.Compilation, context.Options, context.CancellationToken) : null;
        var subject = $"The Id template \"{template}\" of '{type.Name}'";
        if (placeholders.Count == 0)
        {
            var member = SentEvent.IdentifyingMember(type);
            var suggestion = "\"" + (slug ?? ExampleSlug) + (member is not null ? "-{" + member.Name + "}" : string.Empty) + "\"";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DedupIdConstant, argument.GetLocation(), subject, suggestion));
            return;
        }

        var words = DedupIdVocabulary.For(context.Options, syntax.SyntaxTree);
        var entities = 0;
        foreach (var placeholder in placeholders)
        {
            if (ReadableProperty(type, placeholder) is not { } property)
            {
                return;
            }

            switch (PlaceholderPart(property, type, words))
            {
                case DedupIdPart.Entity:
                    entities++;
                    break;
                case DedupIdPart.Number:
                    break;
                default:
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

        if (entities == 0)
        {
            return;
        }

        var isLiteral = argument is LiteralExpressionSyntax;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DedupIdWithoutEventPart,
            argument.GetLocation(),
            SlugProperties(isLiteral ? slug : null),
            subject,
            "\"" + (slug ?? ExampleSlug) + "-" + template + "\""));
    }

    /// <summary>What a placeholder of an Id template holds, by the same names as the dedup ids of sends.</summary>
    private static DedupIdPart PlaceholderPart(IPropertySymbol property, INamedTypeSymbol eventType, DedupIdVocabulary words)
        => property.Name.Equals("Id", System.StringComparison.OrdinalIgnoreCase) && words.IsOccurrence(eventType.Name)
            ? DedupIdPart.Precomputed
            : words.Part(property.Name, property.Type);

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

    private static IPropertySymbol? ReadableProperty(INamedTypeSymbol type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property)
                {
                    return property;
                }
            }
        }

        return null;
    }
}
