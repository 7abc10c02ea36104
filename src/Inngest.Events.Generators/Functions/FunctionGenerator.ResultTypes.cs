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
        /// <summary>
        /// Describes <paramref name="type"/>, or says in <paramref name="problem"/> why it cannot be serialized.
        /// Returns null without a problem when the type is not known at compile time (a type parameter, an error type).
        /// </summary>
        public static StepTypeModel? Describe(ITypeSymbol type, Compilation compilation, CancellationToken cancellationToken, out string? problem)
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

            var typeOfName = type.ToDisplayString(TypeNames.TypeOfFormat);
            if (RuntimeStepTypes.IsBuiltIn(type))
            {
                return new StepTypeModel(typeOfName, StepTypeKind.BuiltIn, EquatableArray<JsonTypeModel>.Empty);
            }

            switch (Parser.EventStatus(type))
            {
                case EventTypeStatus.Valid:
                    return new StepTypeModel(typeOfName, StepTypeKind.Event, EquatableArray<JsonTypeModel>.Empty);
                case EventTypeStatus.Broken:
                    // Its own diagnostic (INNG1001) explains; the resolver leaves it out rather than fail to compile.
                    return null;
            }

            var builder = new JsonModelBuilder(compilation, null, cancellationToken);
            var json = builder.BuildRoot(type, out var reason);
            problem = reason ?? builder.Problems.FirstOrDefault();
            return problem is null ? new StepTypeModel(typeOfName, StepTypeKind.Generated, json.ToEquatableArray()) : null;
        }

        /// <summary>Whether <paramref name="node"/> may be a step call site: a member call named RunAsync or InvokeAsync.</summary>
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
        public static StepSiteResult? ParseCallSite(SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            // Speculative binding is only cheap without nullable analysis (it would run the whole member's otherwise).
            ITypeSymbol? quick = null;
            var quickResult = BodySemanticModel.SkipsNullableAnalysis ? QuickResultType(semanticModel, invocation, cancellationToken, out quick) : Quick.Unknown;
            switch (quickResult)
            {
                case Quick.NotAStep:
                case Quick.BuiltIn:
                    return null;
                case Quick.Found:
                    if (quick is null)
                    {
                        return null;
                    }

                    var described = Describe(quick, semanticModel.Compilation, cancellationToken, out var quickProblem);
                    if (quickProblem is null)
                    {
                        return described is null ? null : new StepSiteResult(described, null);
                    }

                    // The diagnostic names the step id and the method: the full binding below says it exactly.
                    break;
            }

            return ParseCallSiteFully(semanticModel, invocation, cancellationToken);
        }

        /// <summary>What <see cref="QuickResultType"/> could tell without binding the whole call.</summary>
        internal enum Quick
        {
            /// <summary>Not a call of IStepTools: nothing to describe.</summary>
            NotAStep,

            /// <summary>An IStepTools call whose result type is known (null when it has none, e.g. a Task step).</summary>
            Found,

            /// <summary>An IStepTools call whose result type is built in (which one is not known): nothing to describe.</summary>
            BuiltIn,

            /// <summary>Unclear: bind the call.</summary>
            Unknown,
        }

        /// <summary>
        /// The result type of the common step calls without binding the call: Roslyn binds a lambda argument once per
        /// candidate overload (four RunAsync overloads), and each binding repeats the lambda body's own overload
        /// resolution (a LINQ <c>Sum</c> with its twenty candidates, say). For <c>step.RunAsync(id, () =&gt; expr)</c>
        /// (async or not) the result type follows from the natural type of <c>expr</c>, bound once at the call's
        /// position; for <c>RunAsync&lt;T&gt;</c> and <c>InvokeAsync</c> from a type argument or the function reference.
        /// Anything else (block lambdas, method groups, expressions without a natural type, a receiver that is not
        /// exactly IStepTools) is <see cref="Quick.Unknown"/>.
        /// </summary>
        internal static Quick QuickResultType(SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken, out ITypeSymbol? result)
        {
            result = null;
            if (invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
            {
                return Quick.Unknown;
            }

            var position = invocation.SpanStart;
            var receiver = semanticModel.GetSpeculativeTypeInfo(position, access.Expression, SpeculativeBindingOption.BindAsExpression).Type;
            if (receiver is null or IErrorTypeSymbol || !TypeNames.HasMetadataName(receiver, KnownNames.StepTools))
            {
                // Calls on other types are not steps, unless the type implements IStepTools (then bind to be sure).
                return receiver is INamedTypeSymbol named and not IErrorTypeSymbol && !named.AllInterfaces.Any(static i => TypeNames.HasMetadataName(i, KnownNames.StepTools))
                    ? Quick.NotAStep
                    : Quick.Unknown;
            }

            var arguments = invocation.ArgumentList.Arguments;
            var typeArguments = access.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : default;
            cancellationToken.ThrowIfCancellationRequested();
            if (access.Name.Identifier.ValueText == "InvokeAsync")
            {
                if (typeArguments.Count == 2)
                {
                    return BindType(semanticModel, position, typeArguments[1], out result);
                }

                if (arguments.Count < 2 || arguments[1].NameColon is not null)
                {
                    return Quick.Unknown;
                }

                var reference = semanticModel.GetSpeculativeTypeInfo(position, arguments[1].Expression, SpeculativeBindingOption.BindAsExpression).Type;
                if (reference is INamedTypeSymbol { TypeArguments.Length: 2 } function and not IErrorTypeSymbol
                    && TypeNames.DefinitionHasMetadataName(function, KnownNames.FunctionReference))
                {
                    result = function.TypeArguments[1];
                    return Quick.Found;
                }

                return Quick.Unknown;
            }

            if (typeArguments.Count == 1)
            {
                return BindType(semanticModel, position, typeArguments[0], out result);
            }

            if (typeArguments.Count != 0 || arguments.Count != 2 || arguments[1].NameColon is not null
                || arguments[1].Expression is not ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0, ExpressionBody: { } body } lambda
                || lambda.Modifiers.Any(static m => !m.IsKind(SyntaxKind.AsyncKeyword)))
            {
                return Quick.Unknown;
            }

            var isAsync = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
            if (isAsync && body is AwaitExpressionSyntax awaited)
            {
                // async () => await task: the step returns what the task does.
                var task = semanticModel.GetSpeculativeTypeInfo(position, awaited.Expression, SpeculativeBindingOption.BindAsExpression).Type;
                return TaskResult(task, out result);
            }

            ITypeSymbol? type = null;
            if (body is InvocationExpressionSyntax call)
            {
                switch (CallResult(semanticModel, position, call, out type))
                {
                    case Quick.BuiltIn:
                        return Quick.BuiltIn;
                    case Quick.Unknown:
                        type = null;
                        break;
                }
            }

            type ??= semanticModel.GetSpeculativeTypeInfo(position, body, SpeculativeBindingOption.BindAsExpression).Type;
            if (type is null or IErrorTypeSymbol || type.SpecialType == SpecialType.System_Void || type.TypeKind == TypeKind.Dynamic)
            {
                return type?.SpecialType == SpecialType.System_Void && !isAsync ? Quick.Found : Quick.Unknown;
            }

            if (isAsync)
            {
                // async () => value: Func<Task<T>> with T the value's type.
                result = type;
                return Quick.Found;
            }

            // () => task: Func<Task<T>> is the better overload for a Task<T> (and Func<Task> for a Task); other
            // awaitables are plain values of Func<T>, which only binding tells apart from a Task: leave them to it.
            return TypeNames.DefinitionHasMetadataName(type, KnownNames.TaskOfT) || TypeNames.HasMetadataName(type, KnownNames.Task)
                ? TaskResult(type, out result)
                : IsAwaitableLike(type) ? Quick.Unknown : Found(type, out result);
        }

        /// <summary>
        /// The type of <c>receiver.M(lambdas)</c> from M's candidates, without binding the lambdas (Roslyn binds each
        /// lambda once per candidate, and a LINQ <c>Sum</c> has ten): <see cref="Quick.BuiltIn"/> when every method
        /// the call could bind to returns a built-in type, <see cref="Quick.Found"/> when they all return one type,
        /// <see cref="Quick.Unknown"/> otherwise. The candidates are a superset of what binding considers: every
        /// accessible member named M of the receiver's type and every extension method in scope that applies to the
        /// receiver, less those that cannot take that many arguments. A return type that mentions a type parameter
        /// in M's declaration is not known before inference (an extension's <c>TSource</c> could be inferred from the
        /// lambdas too), so it makes the answer Unknown.
        /// </summary>
        internal static Quick CallResult(SemanticModel semanticModel, int position, InvocationExpressionSyntax call, out ITypeSymbol? result)
        {
            result = null;
            var arguments = call.ArgumentList.Arguments;
            if (arguments.Count == 0 || call.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access)
            {
                return Quick.Unknown;
            }

            // Only lambdas: they cannot be dynamic (which would make the call dynamic) and they are what binding repeats.
            foreach (var argument in arguments)
            {
                if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.Expression is not AnonymousFunctionExpressionSyntax)
                {
                    return Quick.Unknown;
                }
            }

            // A static call (Enumerable.Sum(xs, ...)) is left to binding; the receiver's type is its symbol's where it
            // names a variable or member (one binding), the expression's otherwise.
            var receiverSymbol = semanticModel.GetSpeculativeSymbolInfo(position, access.Expression, SpeculativeBindingOption.BindAsExpression).Symbol;
            var receiver = receiverSymbol switch
            {
                null or ITypeSymbol or INamespaceSymbol => null,
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => semanticModel.GetSpeculativeTypeInfo(position, access.Expression, SpeculativeBindingOption.BindAsExpression).Type,
            };
            if (receiver is null or IErrorTypeSymbol or IPointerTypeSymbol || receiver.TypeKind == TypeKind.Dynamic)
            {
                return Quick.Unknown;
            }

            var builtIn = true;
            var same = true;
            ITypeSymbol? common = null;
            foreach (var candidate in semanticModel.LookupSymbols(position, receiver, name.Identifier.ValueText, includeReducedExtensionMethods: true))
            {
                if (candidate is not IMethodSymbol method)
                {
                    // A property or field that cannot be invoked (List<T>.Count) leaves the call to the extension
                    // methods; one of a delegate type (or anything else) would be invoked itself.
                    if (candidate is IPropertySymbol { Type: { } propertyType } && IsNotInvocable(propertyType)
                        || candidate is IFieldSymbol { Type: { } fieldType } && IsNotInvocable(fieldType))
                    {
                        continue;
                    }

                    return Quick.Unknown;
                }

                if (!CanTake(method, arguments.Count))
                {
                    continue;
                }

                var returnType = method.ReturnType;
                if (MentionsTypeParameter((method.ReducedFrom ?? method).OriginalDefinition.ReturnType) || !IsConcrete(returnType)
                    || returnType.SpecialType == SpecialType.System_Void || returnType.TypeKind == TypeKind.Dynamic)
                {
                    return Quick.Unknown;
                }

                builtIn &= RuntimeStepTypes.IsBuiltIn(returnType);
                same &= common is null || SymbolEqualityComparer.Default.Equals(common, returnType);
                common ??= returnType;
                if (!builtIn && !same)
                {
                    return Quick.Unknown;
                }
            }

            return common is null ? Quick.Unknown
                : builtIn ? Quick.BuiltIn
                : same ? Found(common, out result)
                : Quick.Unknown;
        }

        private static bool IsNotInvocable(ITypeSymbol type)
            => type.TypeKind is not (TypeKind.Delegate or TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Error) && IsConcrete(type);

        /// <summary>Whether <paramref name="method"/> (reduced, for an extension method) could take <paramref name="count"/> positional arguments.</summary>
        private static bool CanTake(IMethodSymbol method, int count)
        {
            var parameters = method.Parameters;
            var required = 0;
            foreach (var parameter in parameters)
            {
                if (parameter.IsParams)
                {
                    return count >= required;
                }

                if (!parameter.IsOptional)
                {
                    required++;
                }
            }

            return count >= required && (count <= parameters.Length || method.IsVararg);
        }

        private static bool MentionsTypeParameter(ITypeSymbol type) => TypeNames.Mentions(type, static t => t is ITypeParameterSymbol);

        private static Quick Found(ITypeSymbol type, out ITypeSymbol? result)
        {
            result = type;
            return Quick.Found;
        }

        private static Quick BindType(SemanticModel semanticModel, int position, TypeSyntax syntax, out ITypeSymbol? result)
        {
            result = semanticModel.GetSpeculativeTypeInfo(position, syntax, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            return result is null or IErrorTypeSymbol ? Quick.Unknown : Quick.Found;
        }

        /// <summary>Task&lt;T&gt; → T; Task → no result; anything else is unclear.</summary>
        private static Quick TaskResult(ITypeSymbol? task, out ITypeSymbol? result)
        {
            result = null;
            if (TypeNames.HasMetadataName(task, KnownNames.Task))
            {
                return Quick.Found;
            }

            if (task is INamedTypeSymbol { TypeArguments.Length: 1 } named and not IErrorTypeSymbol && TypeNames.DefinitionHasMetadataName(named, KnownNames.TaskOfT))
            {
                result = named.TypeArguments[0];
                return Quick.Found;
            }

            return Quick.Unknown;
        }

        /// <summary>ValueTask and friends: types with a GetAwaiter method, which the quick path leaves to binding.</summary>
        private static bool IsAwaitableLike(ITypeSymbol type) => !type.GetMembers("GetAwaiter").IsEmpty;

        /// <summary>The result type from binding the whole call (with its lambdas), and its diagnostic when unsupported.</summary>
        private static StepSiteResult? ParseCallSiteFully(SemanticModel semanticModel, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            var info = semanticModel.GetSymbolInfo(invocation, cancellationToken);

            // The generator sees the compilation without generated code: an [Event] type of this assembly does not yet
            // implement IEventData<T>, so InvokeAsync<TData, TResult> fails its constraint and is only a candidate.
            var symbol = info.Symbol ?? (info.CandidateReason == CandidateReason.OverloadResolutionFailure && info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            if (symbol is not IMethodSymbol method
                || method.ContainingType is not { } containing
                || !TypeNames.HasMetadataName(containing, KnownNames.StepTools))
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
                ? Describe(method.TypeArguments[0], semanticModel.Compilation, cancellationToken, out var inputProblem) is { } inputModel && inputProblem is null ? inputModel : null
                : null;
            var model = Describe(result, semanticModel.Compilation, cancellationToken, out var problem);
            if (problem is null)
            {
                return model is null && input is null ? null : new StepSiteResult(model, null) { InputType = input };
            }

            var stepId = invocation.ArgumentList.Arguments.Count > 0
                && semanticModel.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string id }
                ? $"the step \"{id}\" ({method.Name})"
                : $"this {method.Name} call";
            var location = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                _ => invocation.GetLocation(),
            };
            return new StepSiteResult(null, DiagnosticInfo.Create(DiagnosticDescriptors.ResultTypeNotSerializable, location, TypeNames.MessageName(result), stepId, problem));
        }

        private static bool IsConcrete(ITypeSymbol type) => !TypeNames.Mentions(type, static t => t is ITypeParameterSymbol or IErrorTypeSymbol);
    }
}
