using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>
/// The step an operation runs in: the <c>step.RunAsync</c> call and its delegate (a lambda, or a local function passed
/// as a method group or called only from inside the step).
/// </summary>
internal readonly record struct StepScope(IInvocationOperation Run, IOperation Delegate)
{
    /// <summary>The step's id when it is a constant, for messages; otherwise a description of the call.</summary>
    public string Describe() => StepCalls.Describe(Run);

    public bool IsSameStep(StepScope? other) => other is { } scope && scope.Run.Syntax == Run.Syntax;
}
