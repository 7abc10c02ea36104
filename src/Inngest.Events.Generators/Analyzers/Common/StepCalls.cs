using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>Reading step-tool calls: their ids, their delegates and what becomes of the tasks they return.</summary>
internal static class StepCalls
{
    /// <summary>The value passed for the <c>id</c> parameter of a step call, if any.</summary>
    public static IOperation? IdArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Name: "id", Ordinal: 0 })
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The step id when it is a compile-time constant.</summary>
    public static string? ConstantId(IInvocationOperation invocation)
        => IdArgument(invocation)?.ConstantValue is { HasValue: true, Value: string id } ? id : null;

    /// <summary>How a message names a step: <c>the step "charge"</c>, or <c>this RunAsync call</c> when its id is not constant.</summary>
    public static string Describe(IInvocationOperation invocation)
        => ConstantId(invocation) is { } id ? $"the step \"{id}\"" : $"this {invocation.TargetMethod.Name} call";

    /// <summary>The same, starting with a capital letter, for the start of a message.</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>
    /// The <c>step.RunAsync</c> call that <paramref name="value"/> (a lambda, or a method group of a local function) is the
    /// delegate of, or null.
    /// </summary>
    public static IInvocationOperation? RunOfDelegate(IOperation value, InngestSymbols symbols)
    {
        var current = value.Parent;
        if (current is not IDelegateCreationOperation)
        {
            return null;
        }

        current = SkipConversions(current);
        return current.Parent is IArgumentOperation { Parameter.Name: "action", Parent: IInvocationOperation invocation }
            && invocation.TargetMethod.Name == "RunAsync"
            && symbols.IsStepTool(invocation.TargetMethod)
            ? invocation
            : null;
    }

    /// <summary>
    /// The operation that uses <paramref name="operation"/>'s value, past conversions, parentheses and a <c>?.</c> whose
    /// result it is; returns the outermost of those, whose <see cref="IOperation.Parent"/> is the consumer.
    /// </summary>
    public static IOperation SkipConversions(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current.Parent)
            {
                case IConversionOperation conversion when conversion.Operand == current:
                case IParenthesizedOperation:
                case IDelegateCreationOperation:
                    current = current.Parent;
                    continue;
                case IConditionalAccessOperation access when access.WhenNotNull == current:
                    current = access;
                    continue;
                default:
                    return current;
            }
        }
    }

    /// <summary>Whether the task an invocation returns is thrown away: a statement of its own, or assigned to the discard <c>_</c>.</summary>
    public static bool IsDiscarded(IInvocationOperation invocation)
    {
        var value = SkipConversions(invocation);
        return value.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => assignment.Value == value,
            _ => false,
        };
    }
}
