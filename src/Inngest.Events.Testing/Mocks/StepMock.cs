namespace Inngest.Events.Testing.Mocks;

/// <summary>
/// What stands in for a run step's code: a delegate with the input type it takes (null for none) and the result type it
/// returns (null for nothing), so a call can be checked against the step it replaces.
/// </summary>
internal sealed class StepMock(string stepId, string? functionId, Type? inputType, Type? resultType, Func<object?, object?> invoke)
{
    public string StepId { get; } = stepId;

    public string? FunctionId { get; } = functionId;

    public Type? InputType { get; } = inputType;

    public Type? ResultType { get; } = resultType;

    public object? Invoke(object? input) => invoke(input);

    /// <summary>How messages name the mock: <c>MockStep("charge", (ChargeRequest input) =&gt; Receipt)</c>.</summary>
    public string Describe()
    {
        var input = InputType is null ? "()" : $"({InputType.Name} input)";
        var result = ResultType is null ? "{ ... }" : ResultType.Name;
        var scope = FunctionId is null ? string.Empty : $", functionId: \"{FunctionId}\"";
        return $"MockStep(\"{StepId}\", {input} => {result}{scope})";
    }
}
