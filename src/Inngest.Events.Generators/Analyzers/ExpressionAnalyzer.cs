using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers;

/// <summary>
/// Checks the expressions and durations written in function configuration and step calls, with the runtime's own
/// parsers: <c>If</c> of <c>[Trigger&lt;T&gt;]</c>, <c>[CancelOn&lt;T&gt;]</c> and <c>[BatchEvents]</c>; the keys of
/// <c>[Concurrency]</c>, <c>[Throttle]</c>, <c>[RateLimit]</c>, <c>[Debounce]</c>, <c>[BatchEvents]</c>,
/// <c>[Singleton]</c> and <c>[Idempotency]</c>; <c>[Priority]</c>; <c>step.WaitForEventAsync</c>'s <c>if</c>;
/// <c>FunctionTrigger.ForEvent</c> / <c>Expression</c>; and the durations of <c>[Throttle]</c>, <c>[RateLimit]</c>,
/// <c>[Debounce]</c>, <c>[BatchEvents]</c>, <c>[CancelOn&lt;T&gt;]</c>, <c>[Timeouts]</c> and <c>[Cron]</c> /
/// <c>FunctionTrigger</c> jitter. Rules INNG4001 to INNG4006.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExpressionAnalyzer : DiagnosticAnalyzer
{
    private const string WaitForEventAdvice =
        "compare fields of the two events with the typed match overload, WaitForEventAsync<TTrigger, T>(id, timeout, (trigger, incoming) => trigger.Data.UserId == incoming.Data.UserId), or quote the value with ExpressionText.Quote(...)";

    private const string QuoteAdvice = "quote the value with ExpressionText.Quote(...), which escapes it as a string literal";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ExpressionSyntaxError,
        DiagnosticDescriptors.ExpressionUnknownMember,
        DiagnosticDescriptors.ExpressionAsyncNotBound,
        DiagnosticDescriptors.ExpressionLogicInKey,
        DiagnosticDescriptors.ExpressionBuiltFromValues,
        DiagnosticDescriptors.DurationInvalid);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var types = new SiteTypes(start.Compilation, symbols);
            var shape = new JsonDataShape();
            start.RegisterSymbolAction(ctx => AnalyzeAttributes(ctx, types, shape), SymbolKind.Method);
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, types, shape), OperationKind.Invocation);
            if (symbols.FunctionTrigger is not null)
            {
                start.RegisterOperationAction(ctx => AnalyzeAssignment(ctx, types, shape), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAttributes(SymbolAnalysisContext context, SiteTypes types, JsonDataShape shape)
    {
        var method = (IMethodSymbol)context.Symbol;
        ImmutableArray<ITypeSymbol>? triggers = null;
        ImmutableArray<ITypeSymbol> Triggers() => triggers ??= types.EventTypesOf(method);

        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is not { } attributeClass
                || types.Classify(attributeClass) is not { } kind
                || data.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }

            var attribute = new AttributeArguments(data, syntax, context);
            var shortName = attributeClass.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
                ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
                : attributeClass.Name;
            var name = "[" + shortName + (attributeClass.TypeArguments.Length == 1 ? "<" + attributeClass.TypeArguments[0].Name + ">" : "") + "]";
            var key = new ExpressionSite(name + " Key", ExpressionSiteKind.Key, false, Triggers(), null);
            switch (kind)
            {
                case SiteAttribute.Trigger:
                    var triggerType = attributeClass.TypeArguments[0];
                    attribute.Expression("If", constructor: false, new ExpressionSite(name + " If", ExpressionSiteKind.Condition, false, ImmutableArray.Create(triggerType), null), shape);
                    break;
                case SiteAttribute.CancelOn:
                    attribute.Expression("If", constructor: false, new ExpressionSite(name + " If", ExpressionSiteKind.Condition, true, Triggers(), attributeClass.TypeArguments[0]), shape);
                    attribute.Duration("Timeout", constructor: false, name + " Timeout", DurationRule.Positive);
                    break;
                case SiteAttribute.Concurrency or SiteAttribute.Singleton:
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case SiteAttribute.Throttle:
                    attribute.Duration("period", constructor: true, name + " period", DurationRule.ThrottlePeriod);
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case SiteAttribute.RateLimit:
                    attribute.Duration("period", constructor: true, name + " period", DurationRule.RateLimitPeriod);
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case SiteAttribute.Debounce:
                    attribute.Duration("period", constructor: true, name + " period", DurationRule.DebouncePeriod);
                    attribute.Duration("Timeout", constructor: false, name + " Timeout", DurationRule.Positive);
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case SiteAttribute.BatchEvents:
                    attribute.Duration("timeout", constructor: true, name + " timeout", DurationRule.BatchTimeout);
                    attribute.Expression("Key", constructor: false, key, shape);
                    attribute.Expression("If", constructor: false, new ExpressionSite(name + " If", ExpressionSiteKind.Condition, false, Triggers(), null), shape);
                    break;
                case SiteAttribute.Idempotency:
                    attribute.Expression("key", constructor: true, key with { Display = name + " key" }, shape);
                    break;
                case SiteAttribute.Priority:
                    attribute.Expression("run", constructor: true, new ExpressionSite(name + " run", ExpressionSiteKind.Priority, false, Triggers(), null), shape);
                    break;
                case SiteAttribute.Timeouts:
                    attribute.Duration("Start", constructor: false, name + " Start", DurationRule.Positive);
                    attribute.Duration("Finish", constructor: false, name + " Finish", DurationRule.Positive);
                    break;
                case SiteAttribute.Cron:
                    attribute.Duration("Jitter", constructor: false, name + " Jitter", DurationRule.CronJitter);
                    break;
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SiteTypes types, JsonDataShape shape)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "WaitForEventAsync" && types.Symbols.IsStepTool(method) && method.TypeArguments.Length == 1)
        {
            if (Argument(invocation, "if") is not { } condition)
            {
                return;
            }

            var incoming = method.TypeArguments[0];
            var site = new ExpressionSite(
                "WaitForEventAsync<" + incoming.Name + ">'s condition",
                ExpressionSiteKind.Condition,
                true,
                types.EventTypesOf(EnclosingMethod(context.ContainingSymbol)),
                incoming);
            CheckExpression(context.ReportDiagnostic, condition, site, shape, types, WaitForEventAdvice);
        }
        else if (method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Symbols.FunctionTrigger))
        {
            if (method.Name == "ForEvent" && Argument(invocation, "expression") is { } expression)
            {
                var site = new ExpressionSite("FunctionTrigger.ForEvent's expression", ExpressionSiteKind.Condition, false, ImmutableArray<ITypeSymbol>.Empty, null);
                CheckExpression(context.ReportDiagnostic, expression, site, shape, types, QuoteAdvice);
            }
            else if (method.Name == "ForCron" && Argument(invocation, "jitter") is { } jitter)
            {
                CheckDuration(context.ReportDiagnostic, jitter, "FunctionTrigger.ForCron's jitter", DurationRule.CronJitter);
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SiteTypes types, JsonDataShape shape)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { IsStatic: false } property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, types.Symbols.FunctionTrigger))
        {
            return;
        }

        if (property.Name == "Expression")
        {
            var site = new ExpressionSite("FunctionTrigger.Expression", ExpressionSiteKind.Condition, false, ImmutableArray<ITypeSymbol>.Empty, null);
            CheckExpression(context.ReportDiagnostic, assignment.Value, site, shape, types, QuoteAdvice);
        }
        else if (property.Name == "Jitter")
        {
            CheckDuration(context.ReportDiagnostic, assignment.Value, "FunctionTrigger.Jitter", DurationRule.CronJitter);
        }
    }

    /// <summary>The value passed for <paramref name="parameter"/>, unless it was left to its default.</summary>
    private static IOperation? Argument(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static IMethodSymbol? EnclosingMethod(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>A constant expression is parsed and checked; one built at run time from values is reported as an injection risk.</summary>
    private static void CheckExpression(System.Action<Diagnostic> report, IOperation value, ExpressionSite site, JsonDataShape shape, SiteTypes types, string advice)
    {
        var unwrapped = Unwrap(value);
        if (unwrapped.ConstantValue is { HasValue: true } constant)
        {
            if (constant.Value is string text)
            {
                ReportExpression(report, text, unwrapped.Syntax, site, shape);
            }

            return;
        }

        if (new RunTimeParts(types).Find(unwrapped, followLocal: true) is { } part)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.ExpressionBuiltFromValues, value.Syntax.GetLocation(), site.Display, part, advice));
        }
    }

    private static void CheckDuration(System.Action<Diagnostic> report, IOperation value, string display, DurationRule rule)
    {
        var unwrapped = Unwrap(value);
        if (unwrapped.ConstantValue is { HasValue: true, Value: string text } && rule.Check(text) is { } problem)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.DurationInvalid, unwrapped.Syntax.GetLocation(), text, display, problem));
        }
    }

    /// <summary>Reports the checker's findings, each under the exact characters when the expression is one string literal, else on the whole value.</summary>
    private static void ReportExpression(System.Action<Diagnostic> report, string text, SyntaxNode syntax, ExpressionSite site, JsonDataShape shape)
    {
        var findings = ExpressionChecker.Check(text, site, shape);
        if (findings.Count == 0)
        {
            return;
        }

        var map = StringLiteralMap.Create(syntax, text);
        foreach (var finding in findings)
        {
            var location = map is null
                ? syntax.GetLocation()
                : Location.Create(syntax.SyntaxTree, map.Span(finding.Start, finding.Length));
            report(Diagnostic.Create(finding.Descriptor, location, finding.Arguments));
        }
    }

    /// <summary>The constant and named arguments of one attribute application, with the syntax that wrote each.</summary>
    private readonly struct AttributeArguments(AttributeData data, AttributeSyntax syntax, SymbolAnalysisContext context)
    {
        public void Expression(string name, bool constructor, ExpressionSite site, JsonDataShape shape)
        {
            if (Find(name, constructor) is ({ } text, { } argument))
            {
                ReportExpression(context.ReportDiagnostic, text, argument, site, shape);
            }
        }

        public void Duration(string name, bool constructor, string display, DurationRule rule)
        {
            if (Find(name, constructor) is ({ } text, { } argument) && rule.Check(text) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DurationInvalid, argument.GetLocation(), text, display, problem));
            }
        }

        private (string? Value, ExpressionSyntax? Syntax) Find(string name, bool constructor)
        {
            string? value = null;
            var position = -1;
            if (constructor)
            {
                var parameters = data.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
                for (var i = 0; i < parameters.Length && i < data.ConstructorArguments.Length; i++)
                {
                    if (parameters[i].Name == name)
                    {
                        position = i;
                        value = data.ConstructorArguments[i].Kind == TypedConstantKind.Primitive ? data.ConstructorArguments[i].Value as string : null;
                    }
                }
            }
            else
            {
                foreach (var named in data.NamedArguments)
                {
                    if (named.Key == name && named.Value.Kind == TypedConstantKind.Primitive)
                    {
                        value = named.Value.Value as string;
                    }
                }
            }

            if (value is null)
            {
                return (null, null);
            }

            var positional = 0;
            foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
            {
                bool matches;
                if (!constructor)
                {
                    matches = argument.NameEquals?.Name.Identifier.ValueText == name;
                }
                else if (argument.NameColon is { } colon)
                {
                    matches = colon.Name.Identifier.ValueText == name;
                }
                else
                {
                    matches = argument.NameEquals is null && positional++ == position;
                }

                if (matches)
                {
                    return (value, argument.Expression);
                }
            }

            return (null, null);
        }
    }

    /// <summary>Finds the part of a string built at run time that comes from a value (a hole or a concatenated operand), skipping constants, numbers and values quoted with ExpressionText.</summary>
    private readonly struct RunTimeParts(SiteTypes types)
    {
        public string? Find(IOperation operation, bool followLocal)
        {
            operation = Unwrap(operation);
            if (operation.ConstantValue.HasValue)
            {
                return null;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && Part(hole.Expression) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    return Part(concatenation.LeftOperand) ?? Part(concatenation.RightOperand);
                case ILocalReferenceOperation local when followLocal && operation.SemanticModel is { } model:
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                            && initializer.SyntaxTree == model.SyntaxTree
                            && model.GetOperation(initializer) is { } value)
                        {
                            return Find(value, followLocal: false);
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private string? Part(IOperation operation)
        {
            operation = Unwrap(operation);
            if (operation.ConstantValue.HasValue || IsNumber(operation.Type))
            {
                return null;
            }

            if (operation is IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add })
            {
                return Find(operation, followLocal: false);
            }

            if (operation is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, types.ExpressionText))
            {
                return null;
            }

            return operation.Syntax.ToString();
        }

        private static bool IsNumber(ITypeSymbol? type)
            => type?.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;
    }

    private enum SiteAttribute
    {
        Trigger,
        CancelOn,
        Concurrency,
        Throttle,
        RateLimit,
        Debounce,
        BatchEvents,
        Singleton,
        Idempotency,
        Priority,
        Timeouts,
        Cron,
    }

    /// <summary>The attribute and runtime types the sites are recognised by, resolved once per compilation.</summary>
    private sealed class SiteTypes(Compilation compilation, InngestSymbols symbols)
    {
        private readonly (INamedTypeSymbol? Type, SiteAttribute Kind)[] _attributes =
        [
            (compilation.GetTypeByMetadataName(KnownNames.TriggerAttribute), SiteAttribute.Trigger),
            (compilation.GetTypeByMetadataName(KnownNames.CancelOnAttribute), SiteAttribute.CancelOn),
            (compilation.GetTypeByMetadataName(KnownNames.ConcurrencyAttribute), SiteAttribute.Concurrency),
            (compilation.GetTypeByMetadataName(KnownNames.ThrottleAttribute), SiteAttribute.Throttle),
            (compilation.GetTypeByMetadataName(KnownNames.RateLimitAttribute), SiteAttribute.RateLimit),
            (compilation.GetTypeByMetadataName(KnownNames.DebounceAttribute), SiteAttribute.Debounce),
            (compilation.GetTypeByMetadataName(KnownNames.BatchEventsAttribute), SiteAttribute.BatchEvents),
            (compilation.GetTypeByMetadataName(KnownNames.SingletonAttribute), SiteAttribute.Singleton),
            (compilation.GetTypeByMetadataName(KnownNames.IdempotencyAttribute), SiteAttribute.Idempotency),
            (compilation.GetTypeByMetadataName(KnownNames.PriorityAttribute), SiteAttribute.Priority),
            (compilation.GetTypeByMetadataName(KnownNames.TimeoutsAttribute), SiteAttribute.Timeouts),
            (compilation.GetTypeByMetadataName(KnownNames.CronAttribute), SiteAttribute.Cron),
        ];

        private readonly INamedTypeSymbol? _trigger = compilation.GetTypeByMetadataName(KnownNames.TriggerAttribute);

        public InngestSymbols Symbols { get; } = symbols;

        public INamedTypeSymbol? ExpressionText { get; } = compilation.GetTypeByMetadataName(KnownNames.ExpressionText);

        public SiteAttribute? Classify(INamedTypeSymbol attributeClass)
        {
            var definition = attributeClass.OriginalDefinition;
            foreach (var (type, kind) in _attributes)
            {
                if (type is not null && SymbolEqualityComparer.Default.Equals(definition, type))
                {
                    return kind;
                }
            }

            return null;
        }

        /// <summary>
        /// The data types of the events that can trigger <paramref name="method"/>: its <c>Event&lt;T&gt;</c> (or batch
        /// <c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c>) parameter and its <c>[Trigger&lt;T&gt;]</c> attributes. Empty when unknown.
        /// </summary>
        public ImmutableArray<ITypeSymbol> EventTypesOf(IMethodSymbol? method)
        {
            if (method is null || Symbols.EventEnvelope is not { } envelope)
            {
                return ImmutableArray<ITypeSymbol>.Empty;
            }

            var types = new List<ITypeSymbol>();
            foreach (var parameter in method.Parameters)
            {
                var type = parameter.Type as INamedTypeSymbol;
                if (type is { TypeArguments.Length: 1 } && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, envelope))
                {
                    type = type.TypeArguments[0] as INamedTypeSymbol;
                }

                if (type is { TypeArguments.Length: 1 } && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, envelope)
                    && type.TypeArguments[0].TypeKind != TypeKind.Error)
                {
                    types.Add(type.TypeArguments[0]);
                }
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { TypeArguments.Length: 1 } attributeClass && _trigger is not null
                    && SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, _trigger)
                    && attributeClass.TypeArguments[0].TypeKind != TypeKind.Error)
                {
                    types.Add(attributeClass.TypeArguments[0]);
                }
            }

            return types.ToImmutableArray();
        }
    }
}
