namespace Inngest.Events.Testing;

/// <summary>
/// One execution of a run step's code (a memoized replay is not one), as the host saw it: which run, which attempt,
/// the input it was called with, and whether a mock stood in for the code.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="FunctionId">Its function.</param>
/// <param name="StepId">The step's id.</param>
/// <param name="Attempt">The attempt, from 0.</param>
/// <param name="Input">The input of <c>step.RunAsync(id, input, ...)</c>, or null for a step without one.</param>
/// <param name="Mocked">True when a mock ran instead of the step's code.</param>
/// <param name="Time">When it ran, by the virtual clock.</param>
public sealed record StepCall(string RunId, string FunctionId, string StepId, int Attempt, object? Input, bool Mocked, DateTimeOffset Time)
{
    /// <summary>The input as <typeparamref name="T"/>.</summary>
    /// <exception cref="InngestAssertionException">The step had no input, or one of another type.</exception>
    public T InputAs<T>()
        => Input is T typed
            ? typed
            : throw new InngestAssertionException(Input is null
                ? $"The step '{StepId}' was called without an input."
                : $"The input of step '{StepId}' is a '{Input.GetType()}', not a '{typeof(T)}'.");
}
