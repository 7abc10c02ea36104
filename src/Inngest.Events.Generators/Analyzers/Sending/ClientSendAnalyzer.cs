using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Analyzers.EventNames;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Sending;

/// <summary>
/// Finds the client's <c>SendAsync</c> in Inngest functions (their bodies, lambdas and local functions): outside a step
/// it sends again every time Inngest calls the function (INNG3010); inside a <c>step.RunAsync</c> delegate it is
/// memoized, but <c>step.SendEventAsync</c> is the way to send (INNG3011). Also notes an <c>IInngestClient</c> injected
/// into a class that declares functions (INNG3012).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientSendAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClientSendInFunction,
        DiagnosticDescriptors.ClientSendInStep,
        DiagnosticDescriptors.ClientInjectedIntoFunctions);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { Client: not null, StepTools: not null, FunctionAttribute: not null } symbols)
            {
                return;
            }

            start.RegisterOperationBlockAction(ctx => AnalyzeFunction(ctx, symbols));
            start.RegisterSymbolAction(ctx => AnalyzeType(ctx, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeFunction(OperationBlockAnalysisContext context, InngestSymbols symbols)
    {
        if (context.OwningSymbol is not IMethodSymbol function || !symbols.IsFunction(function))
        {
            return;
        }

        var body = new FunctionBody(symbols, [.. context.OperationBlocks]);
        List<IInvocationOperation>? sends = null;
        var stepIds = new StepIdAllocator();
        foreach (var operation in body.Operations)
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            if (symbols.IsStepTool(invocation.TargetMethod) && StepCalls.ConstantId(invocation) is { } id)
            {
                stepIds.Reserve(id);
            }
            else if (symbols.IsClientSend(invocation.TargetMethod))
            {
                (sends ??= []).Add(invocation);
            }
        }

        if (sends is null)
        {
            return;
        }

        var stepTools = symbols.GetStepToolsParameter(function);
        foreach (var send in sends)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var stepId = stepIds.Allocate("send-" + EventSlug(send, symbols, context));
            var scope = body.EnclosingStep(send);
            if (scope is { } step)
            {
                var fixable = IsOnlyStatementOf(send, step) && IsAwaitedStatement(step.Run) && body.EnclosingStep(step.Run) is null;
                var properties = fixable && Overload(send, symbols) is { } overload
                    ? ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticPropertyNames.SendFix, DiagnosticPropertyNames.ReplaceStep)
                        .Add(DiagnosticPropertyNames.StepId, stepId)
                        .Add(DiagnosticPropertyNames.SendOverload, overload)
                    : ImmutableDictionary<string, string?>.Empty;
                var receiver = step.Run.Instance?.Syntax.ToString() ?? "step";
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ClientSendInStep,
                    send.Syntax.GetLocation(),
                    [step.Run.Syntax.GetLocation()],
                    properties,
                    StepCalls.Capitalize(step.Describe()),
                    $"{receiver}.SendEventAsync(\"{stepId}\", ...)"));
            }
            else
            {
                var fixable = stepTools is not null
                    && IsAwaitedStatement(send)
                    && StepPlacement.CanAwaitStepAt(send, function, stepTools, needsAwait: true);
                var properties = fixable && Overload(send, symbols) is { } overload
                    ? ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticPropertyNames.SendFix, DiagnosticPropertyNames.ReplaceSend)
                        .Add(DiagnosticPropertyNames.StepId, stepId)
                        .Add(DiagnosticPropertyNames.StepTools, stepTools!.Name)
                        .Add(DiagnosticPropertyNames.SendOverload, overload)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ClientSendInFunction,
                    send.Syntax.GetLocation(),
                    properties,
                    function.ContainingType.Name + "." + function.Name,
                    $"await {stepTools?.Name ?? "step"}.SendEventAsync(\"{stepId}\", ...)"));
            }
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, InngestSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var hasFunctions = false;
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && symbols.GetFunctionAttribute(method) is not null)
            {
                hasFunctions = true;
                break;
            }
        }

        if (!hasFunctions)
        {
            return;
        }

        var reported = false;
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (symbols.IsClient(parameter.Type) && parameter.Locations.Length > 0 && parameter.Locations[0].IsInSource)
                {
                    reported = true;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ClientInjectedIntoFunctions, parameter.Locations[0], type.Name, parameter.Name));
                }
            }
        }

        if (reported)
        {
            return;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: false, IsStatic: false } field
                && symbols.IsClient(field.Type)
                && field.Locations.Length > 0
                && field.Locations[0].IsInSource)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ClientInjectedIntoFunctions, field.Locations[0], type.Name, field.Name));
            }
        }
    }

    /// <summary>
    /// The name of the first parameter of the overload a send calls, when the fix knows it (<c>data</c>, <c>evt</c>,
    /// <c>events</c>), or <see cref="DiagnosticPropertyNames.EnvelopeOverload"/> when the event is a
    /// <c>new Event&lt;T&gt;(data) { Id = ..., Ts = ... }</c> that the fix can send as data and options.
    /// </summary>
    private static string? Overload(IInvocationOperation send, InngestSymbols symbols)
    {
        var parameters = send.TargetMethod.Parameters;
        var name = parameters.Length > 0 ? parameters[0].Name : null;
        if (name is not ("data" or "evt" or "events"))
        {
            return null;
        }

        if (name == "evt")
        {
            foreach (var argument in send.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0 && IsPlainEnvelope(argument.Value, symbols))
                {
                    return DiagnosticPropertyNames.EnvelopeOverload;
                }
            }
        }

        return name;
    }

    /// <summary>Whether <paramref name="value"/> is <c>new Event&lt;T&gt;(data)</c>, initializing nothing but Id, Ts and V.</summary>
    private static bool IsPlainEnvelope(IOperation value, InngestSymbols symbols)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value is not IObjectCreationOperation { Type: INamedTypeSymbol type, Arguments.Length: 1 } creation
            || creation.Syntax is not ObjectCreationExpressionSyntax { Type: GenericNameSyntax }
            || !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.EventEnvelope))
        {
            return false;
        }

        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Id" or "Ts" or "V" } })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The slug of the event a send sends (<c>invoice-paid</c>, from its name as it will be once fixed), or <c>events</c>
    /// for a batch or an unknown event.
    /// </summary>
    private static string EventSlug(IInvocationOperation send, InngestSymbols symbols, OperationBlockAnalysisContext context)
    {
        foreach (var typeArgument in send.TargetMethod.TypeArguments)
        {
            if (ConformingEventName.Slug(typeArgument, symbols, context.Compilation, context.Options, context.CancellationToken) is { } slug)
            {
                return slug;
            }

            if (typeArgument is INamedTypeSymbol { Name: { Length: > 0 } typeName })
            {
                return NameWords.Join(typeName, "-");
            }
        }

        return "events";
    }

    /// <summary>Whether <paramref name="send"/>, awaited or returned, is all that the step's lambda does.</summary>
    private static bool IsOnlyStatementOf(IInvocationOperation send, StepScope step)
    {
        if (step.Delegate is not IAnonymousFunctionOperation { Body: var block })
        {
            return false;
        }

        IOperation? only = null;
        foreach (var statement in block.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: null, IsImplicit: true })
            {
                continue;
            }

            if (only is not null)
            {
                return false;
            }

            only = statement;
        }

        var value = only switch
        {
            IReturnOperation { ReturnedValue: { } returned } => returned,
            IExpressionStatementOperation { Operation: var expression } => expression,
            _ => null,
        };
        while (value is IConversionOperation or IAwaitOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IAwaitOperation)value).Operation;
        }

        return value == send;
    }

    /// <summary>Whether the invocation is awaited and its result dropped: <c>await x;</c> or <c>_ = await x;</c>.</summary>
    private static bool IsAwaitedStatement(IInvocationOperation invocation)
    {
        var value = StepCalls.SkipConversions(invocation);
        if (value.Parent is not IAwaitOperation await || await.Syntax is not AwaitExpressionSyntax)
        {
            return false;
        }

        var awaited = StepCalls.SkipConversions(await);
        return awaited.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => assignment.Value == awaited,
            _ => false,
        };
    }
}
