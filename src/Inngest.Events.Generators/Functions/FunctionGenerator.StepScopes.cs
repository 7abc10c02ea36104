using System.Collections.Generic;
using System.Threading;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Functions;

public sealed partial class FunctionGenerator
{
    /// <summary>
    /// Where steps can be called, found by syntax alone: a method, local function, constructor or lambda with an
    /// <c>IStepTools</c> parameter (every <c>[InngestFunction]</c> that uses steps, and helpers it passes them to),
    /// and the members of a type that holds an <c>IStepTools</c> field, property or primary-constructor parameter.
    /// Only the RunAsync/InvokeAsync calls inside a scope are bound, one scope per transform, so an edit costs the
    /// binding of the step calls of the scopes that exist, never of every such call in the compilation; a step
    /// call reached only through an <c>IStepTools</c> obtained some other way is not seen (its result type then
    /// needs to be an [Event] type or a framework primitive, or to appear in a scope).
    /// </summary>
    internal static class StepScopes
    {
        /// <summary>The syntactic filter: a scope as described above.</summary>
        public static bool IsScope(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax method => (method.Body is not null || method.ExpressionBody is not null) && HasStepToolsParameter(method.ParameterList),
            LocalFunctionStatementSyntax local => HasStepToolsParameter(local.ParameterList),
            ParenthesizedLambdaExpressionSyntax lambda => HasStepToolsParameter(lambda.ParameterList),
            SimpleLambdaExpressionSyntax lambda => IsStepTools(lambda.Parameter.Type),
            AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList is { } parameters && HasStepToolsParameter(parameters),
            TypeDeclarationSyntax type => HoldsStepTools(type),
            _ => false,
        };

        /// <summary>Binds the step calls of one scope (not of the scopes nested in it, which are scopes of their own).</summary>
        public static StepScopeResult Parse(SyntaxNode scope, Compilation compilation, CancellationToken cancellationToken)
        {
            SemanticModel? model = null;
            var types = new List<StepTypeModel>();
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var node in scope.DescendantNodes(n => n == scope || !(IsScope(n) || n is BaseTypeDeclarationSyntax)))
            {
                if (node is not InvocationExpressionSyntax invocation || !ResultTypes.IsCandidate(invocation))
                {
                    continue;
                }

                model ??= BodySemanticModel.For(compilation, scope.SyntaxTree);
                var site = ResultTypes.ParseCallSite(model, invocation, cancellationToken);
                // Built-in types need nothing from the registry (and the quick path may not know which one it is).
                if (site?.Type is { Kind: not StepTypeKind.BuiltIn } type)
                {
                    types.Add(type);
                }
                else if (site?.Diagnostic is { } diagnostic)
                {
                    diagnostics.Add(diagnostic);
                }

                // RunAsync<TInput, T>(id, input, action) reports its input with the step, serialized like results.
                if (site?.InputType is { Kind: not StepTypeKind.BuiltIn } input)
                {
                    types.Add(input);
                }
            }

            return new StepScopeResult(types.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static bool HasStepToolsParameter(BaseParameterListSyntax parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (IsStepTools(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HoldsStepTools(TypeDeclarationSyntax type)
        {
            if (type.ParameterList is { } primary && HasStepToolsParameter(primary))
            {
                return true;
            }

            foreach (var member in type.Members)
            {
                var memberType = member switch
                {
                    FieldDeclarationSyntax field => field.Declaration.Type,
                    PropertyDeclarationSyntax property => property.Type,
                    _ => null,
                };
                if (IsStepTools(memberType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>IStepTools</c>, <c>IStepTools?</c> or a qualified name ending in it.</summary>
        private static bool IsStepTools(TypeSyntax? type) => type switch
        {
            NullableTypeSyntax nullable => IsStepTools(nullable.ElementType),
            IdentifierNameSyntax name => name.Identifier.ValueText == "IStepTools",
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "IStepTools",
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == "IStepTools",
            _ => false,
        };
    }
}
