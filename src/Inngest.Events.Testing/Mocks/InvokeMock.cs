namespace Inngest.Events.Testing.Mocks;

/// <summary>What runs instead of an invoked function: it gets the invocation and answers with the result to store.</summary>
internal sealed class InvokeMock(string functionId, FunctionHandler handler)
{
    /// <summary>The mocked function's id as the reference names it (plain, or composite for another app's function).</summary>
    public string FunctionId { get; } = functionId;

    public FunctionHandler Handler { get; } = handler;
}
