using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Sends with <c>step.SendEventAsync</c> instead of the client's <c>SendAsync</c> in a function (INNG3010):
/// <c>await client.SendAsync(data, options)</c> becomes <c>await step.SendEventAsync("send-invoice-paid", data, options)</c>;
/// an envelope is sent as a one-event batch and a batch as it is. Inside a step (INNG3011) the fix applies when the
/// step's delegate does nothing but the send, and replaces the whole step.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SendWithStepCodeFixProvider)), Shared]
public sealed class SendWithStepCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "Inngest.SendWithStep";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.ClientSendInFunction,
        DiagnosticIds.ClientSendInStep);

    public override FixAllProvider GetFixAllProvider() => DocumentFixes.FixAll(Prepare, UnusedClientParameters.RemoveAsync);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
        => DocumentFixes.RegisterAsync(
            context,
            Prepare,
            diagnostic => diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepId, out var stepId) ? $"Send with step.SendEventAsync(\"{stepId}\", ...)" : null,
            EquivalenceKey,
            UnusedClientParameters.RemoveAsync);

    private static NodeFix? Prepare(SyntaxNode root, SemanticModel? model, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.SendFix, out var mode)
            || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepId, out var stepId)
            || stepId is null
            || !diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.SendOverload, out var overload)
            || overload is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax send
            || Arguments(send, overload) is null)
        {
            return null;
        }

        if (mode == DiagnosticPropertyNames.ReplaceSend
            && diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.StepTools, out var stepTools)
            && stepTools is not null)
        {
            var receiver = SyntaxFactory.IdentifierName(stepTools);
            return new NodeFix(send, current => Rewrite((InvocationExpressionSyntax)current, current, receiver, stepId, overload));
        }

        if (mode == DiagnosticPropertyNames.ReplaceStep
            && diagnostic.AdditionalLocations.Count > 0
            && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax run } step)
        {
            // The send is all the step's delegate does; the step call is replaced by the send step.
            var offset = send.SpanStart - step.SpanStart;
            return new NodeFix(step, current =>
            {
                var currentSend = current.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.SpanStart - current.SpanStart == offset) ?? send;
                return Rewrite(currentSend, current, run.Expression, stepId, overload);
            });
        }

        return null;
    }

    /// <summary><c>receiver.SendEventAsync("id", ...)</c> made of the arguments of <paramref name="send"/>, in place of <paramref name="target"/>.</summary>
    private static SyntaxNode Rewrite(InvocationExpressionSyntax send, SyntaxNode target, ExpressionSyntax receiver, string stepId, string overload)
    {
        if (Arguments(send, overload) is not { } byName)
        {
            return target;
        }

        SimpleNameSyntax method = SyntaxFactory.IdentifierName("SendEventAsync");
        var newArguments = new List<ExpressionSyntax>();
        if (overload == "data")
        {
            // Explicit type arguments stay: the data may be a target-typed new().
            if (send.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic })
            {
                method = SyntaxFactory.GenericName(SyntaxFactory.Identifier("SendEventAsync"), generic.TypeArgumentList);
            }

            newArguments.Add(byName["data"]);
            if (byName.TryGetValue("options", out var options))
            {
                newArguments.Add(options);
            }
        }
        else if (overload == DiagnosticPropertyNames.EnvelopeOverload
            && byName["evt"] is ObjectCreationExpressionSyntax { Type: GenericNameSyntax envelope, ArgumentList.Arguments.Count: 1 } creation)
        {
            var dataArgument = creation.ArgumentList.Arguments[0];
            // new Event<T>(data) { Id = ... } is data and options: the envelope is what SendEventAsync makes of them.
            if (dataArgument.Expression is ImplicitObjectCreationExpressionSyntax)
            {
                method = SyntaxFactory.GenericName(SyntaxFactory.Identifier("SendEventAsync"), envelope.TypeArgumentList);
            }

            newArguments.Add(dataArgument.Expression);
            if (creation.Initializer is { Expressions.Count: > 0 } initializer)
            {
                newArguments.Add(SyntaxFactory.ImplicitObjectCreationExpression()
                    .WithNewKeyword(SyntaxFactory.Token(SyntaxKind.NewKeyword))
                    .WithArgumentList(SyntaxFactory.ArgumentList())
                    .WithInitializer(initializer.WithLeadingTrivia(SyntaxFactory.Space)));
            }
        }
        else if (overload == "evt")
        {
            newArguments.Add(OneEventBatch(byName["evt"], send));
        }
        else
        {
            newArguments.Add(byName["events"]);
        }

        return StepSyntax.Call(receiver, method, stepId, newArguments).WithTriviaFrom(target);
    }

    /// <summary>
    /// The arguments of a client send by parameter name, for the overloads (data, options, cancellationToken),
    /// (evt, cancellationToken) and (events, cancellationToken); null when the one the overload needs is missing.
    /// Positional arguments come first; named ones say whose they are.
    /// </summary>
    private static Dictionary<string, ExpressionSyntax>? Arguments(InvocationExpressionSyntax send, string overload)
    {
        var first = overload == DiagnosticPropertyNames.EnvelopeOverload ? "evt" : overload;
        string[] parameters = first == "data" ? ["data", "options", "cancellationToken"] : [first, "cancellationToken"];
        var byName = new Dictionary<string, ExpressionSyntax>();
        var arguments = send.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].NameColon?.Name.Identifier.ValueText ?? (i < parameters.Length ? parameters[i] : null);
            if (name is not null)
            {
                byName[name] = arguments[i].Expression;
            }
        }

        return first is "data" or "evt" or "events" && byName.ContainsKey(first) ? byName : null;
    }

    /// <summary><c>[evt]</c> from C# 12 on, else <c>new global::Inngest.Events.InngestEvent[] { evt }</c>.</summary>
    private static ExpressionSyntax OneEventBatch(ExpressionSyntax evt, SyntaxNode context)
    {
        if (context.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 })
        {
            return SyntaxFactory.CollectionExpression(SyntaxFactory.SingletonSeparatedList<CollectionElementSyntax>(SyntaxFactory.ExpressionElement(evt)));
        }

        return SyntaxFactory.ParseExpression("new global::Inngest.Events.InngestEvent[] { " + evt + " }");
    }
}
