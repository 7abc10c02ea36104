using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Json;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Functions;

public sealed partial class FunctionGenerator
{
    /// <summary>
    /// Describes the types that steps and functions return, so the registry's type resolver can serialize them:
    /// framework primitives are the runtime's, [Event] types bring their own metadata, anything else gets a
    /// generated converter. Also finds the RunAsync&lt;T&gt; and InvokeAsync&lt;TData, TResult&gt; call sites.
    /// </summary>
    internal static class ResultTypes
    {
        /// <summary><c>typeof</c> cannot take nullable reference types, even nested ones.</summary>
        private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        /// <summary>
        /// Describes <paramref name="type"/>, or says in <paramref name="problem"/> why it cannot be serialized.
        /// Returns null without a problem when the type is not known at compile time (a type parameter, an error type).
        /// </summary>
        public static StepTypeModel? Describe(ITypeSymbol type, CancellationToken cancellationToken, out string? problem)
        {
            problem = null;
            if (!IsConcrete(type))
            {
                return null;
            }

            if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            }

            var typeOfName = type.ToDisplayString(TypeOfFormat);
            if (IsBuiltIn(type))
            {
                return new StepTypeModel(typeOfName, StepTypeKind.BuiltIn, EquatableArray<JsonTypeModel>.Empty);
            }

            if (Parser.IsEventType(type))
            {
                return new StepTypeModel(typeOfName, StepTypeKind.Event, EquatableArray<JsonTypeModel>.Empty);
            }

            var builder = new JsonModelBuilder(null, cancellationToken);
            var json = builder.BuildRoot(type, out var reason);
            problem = reason ?? builder.Problems.FirstOrDefault();
            return problem is null ? new StepTypeModel(typeOfName, StepTypeKind.Generated, json.ToEquatableArray()) : null;
        }

        /// <summary>The syntactic filter for step call sites: a member call named RunAsync or InvokeAsync.</summary>
        public static bool IsCandidate(SyntaxNode node)
        {
            var name = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name,
                InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name,
                _ => null,
            };
            return name?.Identifier.ValueText is "RunAsync" or "InvokeAsync";
        }

        /// <summary>The result type of an <c>IStepTools</c> RunAsync&lt;T&gt; or InvokeAsync&lt;TData, TResult&gt; call, or null for any other call.</summary>
        public static StepSiteResult? ParseCallSite(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var info = context.SemanticModel.GetSymbolInfo(invocation, cancellationToken);

            // The generator sees the compilation without generated code: an [Event] type of this assembly does not yet
            // implement IEventData<T>, so InvokeAsync<TData, TResult> fails its constraint and is only a candidate.
            var symbol = info.Symbol ?? (info.CandidateReason == CandidateReason.OverloadResolutionFailure && info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            if (symbol is not IMethodSymbol method
                || method.ContainingType is not { } containing
                || Parser.MetadataName(containing) != KnownNames.StepTools)
            {
                return null;
            }

            // RunAsync<T>(id, action) and RunAsync<TInput>(id, input, action) serialize their one type argument;
            // RunAsync<TInput, T>(id, input, action) serializes its input (reported with the step) and its result.
            var result = method.Name switch
            {
                "RunAsync" when method.TypeArguments.Length is 1 or 2 => method.TypeArguments[method.TypeArguments.Length - 1],
                "InvokeAsync" when method.TypeArguments.Length == 2 => method.TypeArguments[1],
                _ => null,
            };
            if (result is null)
            {
                return null;
            }

            // An input type that cannot be serialized gets no diagnostic here: the runtime says so when the step is called.
            var input = method.Name == "RunAsync" && method.TypeArguments.Length == 2
                ? Describe(method.TypeArguments[0], cancellationToken, out var inputProblem) is { } inputModel && inputProblem is null ? inputModel : null
                : null;
            var model = Describe(result, cancellationToken, out var problem);
            if (problem is null)
            {
                return model is null && input is null ? null : new StepSiteResult(model, null) { InputType = input };
            }

            var stepId = invocation.ArgumentList.Arguments.Count > 0
                && context.SemanticModel.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string id }
                ? $"the step \"{id}\" ({method.Name})"
                : $"this {method.Name} call";
            var location = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                _ => invocation.GetLocation(),
            };
            return new StepSiteResult(null, DiagnosticInfo.Create(DiagnosticDescriptors.ResultTypeNotSerializable, location, JsonModelBuilder.MessageName(result), stepId, problem));
        }

        /// <summary>
        /// The types the runtime serializes without generated metadata; keep in step with the runtime's
        /// <c>StepTypeInfos</c>.
        /// </summary>
        private static bool IsBuiltIn(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Boolean:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Int16:
                case SpecialType.System_Byte:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_DateTime:
                    return true;
            }

            return type is INamedTypeSymbol named && Parser.MetadataName(named) is "System.Guid" or "System.DateTimeOffset" or "System.TimeSpan" or "System.Uri" or KnownNames.JsonElement;
        }

        private static bool IsConcrete(ITypeSymbol type) => type switch
        {
            ITypeParameterSymbol or IErrorTypeSymbol => false,
            IArrayTypeSymbol array => IsConcrete(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.All(IsConcrete) && (named.ContainingType is null || IsConcrete(named.ContainingType)),
            _ => true,
        };
    }
}
