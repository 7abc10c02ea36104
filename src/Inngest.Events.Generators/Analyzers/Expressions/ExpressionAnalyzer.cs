using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Expressions;

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
            if (InngestSymbols.For(start.Compilation) is not { } symbols)
            {
                return;
            }

            var shape = new JsonDataShape();
            start.RegisterSymbolAction(ctx => AnalyzeAttributes(ctx, symbols, shape), SymbolKind.Method);
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, symbols, shape), OperationKind.Invocation);
            if (symbols.FunctionTrigger is not null)
            {
                start.RegisterOperationAction(ctx => AnalyzeAssignment(ctx, symbols, shape), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAttributes(SymbolAnalysisContext context, InngestSymbols symbols, JsonDataShape shape)
    {
        var method = (IMethodSymbol)context.Symbol;
        ImmutableArray<ITypeSymbol>? triggers = null;
        ImmutableArray<ITypeSymbol> Triggers() => triggers ??= symbols.TriggerEventTypes(method);

        foreach (var data in method.GetAttributes())
        {
            if (data.AttributeClass is not { } attributeClass)
            {
                continue;
            }

            var kind = symbols.ClassifyAttribute(attributeClass);
            if (kind == FunctionAttributeKind.None
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
                case FunctionAttributeKind.Trigger:
                    var triggerType = attributeClass.TypeArguments[0];
                    attribute.Expression("If", constructor: false, new ExpressionSite(name + " If", ExpressionSiteKind.Condition, false, ImmutableArray.Create(triggerType), null), shape);
                    break;
                case FunctionAttributeKind.CancelOn:
                    attribute.Expression("If", constructor: false, new ExpressionSite(name + " If", ExpressionSiteKind.Condition, true, Triggers(), attributeClass.TypeArguments[0]), shape);
                    attribute.Duration("Timeout", constructor: false, name + " Timeout", DurationRule.Positive);
                    break;
                case FunctionAttributeKind.Concurrency or FunctionAttributeKind.Singleton:
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case FunctionAttributeKind.Throttle:
                    attribute.Duration("period", constructor: true, name + " period", DurationRule.ThrottlePeriod);
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case FunctionAttributeKind.RateLimit:
                    attribute.Duration("period", constructor: true, name + " period", DurationRule.RateLimitPeriod);
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case FunctionAttributeKind.Debounce:
                    attribute.Duration("period", constructor: true, name + " period", DurationRule.DebouncePeriod);
                    attribute.Duration("Timeout", constructor: false, name + " Timeout", DurationRule.Positive);
                    attribute.Expression("Key", constructor: false, key, shape);
                    break;
                case FunctionAttributeKind.BatchEvents:
                    attribute.Duration("timeout", constructor: true, name + " timeout", DurationRule.BatchTimeout);
                    attribute.Expression("Key", constructor: false, key, shape);
                    attribute.Expression("If", constructor: false, new ExpressionSite(name + " If", ExpressionSiteKind.Condition, false, Triggers(), null), shape);
                    break;
                case FunctionAttributeKind.Idempotency:
                    attribute.Expression("key", constructor: true, key with { Display = name + " key" }, shape);
                    break;
                case FunctionAttributeKind.Priority:
                    attribute.Expression("run", constructor: true, new ExpressionSite(name + " run", ExpressionSiteKind.Priority, false, Triggers(), null), shape);
                    break;
                case FunctionAttributeKind.Timeouts:
                    attribute.Duration("Start", constructor: false, name + " Start", DurationRule.Positive);
                    attribute.Duration("Finish", constructor: false, name + " Finish", DurationRule.Positive);
                    break;
                case FunctionAttributeKind.Cron:
                    attribute.Duration("Jitter", constructor: false, name + " Jitter", DurationRule.CronJitter);
                    break;
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, InngestSymbols symbols, JsonDataShape shape)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name == "WaitForEventAsync" && symbols.IsStepTool(method) && method.TypeArguments.Length == 1)
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
                symbols.TriggerEventTypes(EnclosingMethod(context.ContainingSymbol)),
                incoming);
            CheckExpression(context.ReportDiagnostic, condition, site, shape, symbols, WaitForEventAdvice);
        }
        else if (method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.FunctionTrigger))
        {
            if (method.Name == "ForEvent" && Argument(invocation, "expression") is { } expression)
            {
                var site = new ExpressionSite("FunctionTrigger.ForEvent's expression", ExpressionSiteKind.Condition, false, ImmutableArray<ITypeSymbol>.Empty, null);
                CheckExpression(context.ReportDiagnostic, expression, site, shape, symbols, QuoteAdvice);
            }
            else if (method.Name == "ForCron" && Argument(invocation, "jitter") is { } jitter)
            {
                CheckDuration(context.ReportDiagnostic, jitter, "FunctionTrigger.ForCron's jitter", DurationRule.CronJitter);
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, InngestSymbols symbols, JsonDataShape shape)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { IsStatic: false } property }
            || !SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.FunctionTrigger))
        {
            return;
        }

        if (property.Name == "Expression")
        {
            var site = new ExpressionSite("FunctionTrigger.Expression", ExpressionSiteKind.Condition, false, ImmutableArray<ITypeSymbol>.Empty, null);
            CheckExpression(context.ReportDiagnostic, assignment.Value, site, shape, symbols, QuoteAdvice);
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
    private static void CheckExpression(System.Action<Diagnostic> report, IOperation value, ExpressionSite site, JsonDataShape shape, InngestSymbols symbols, string advice)
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

        if (new RunTimeParts(symbols).Find(unwrapped, followLocal: true) is { } part)
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
    private readonly struct RunTimeParts(InngestSymbols symbols)
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

            if (operation is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.ExpressionText))
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
}
