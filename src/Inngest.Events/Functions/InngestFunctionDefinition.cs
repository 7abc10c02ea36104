namespace Inngest.Events;

/// <summary>
/// Runs one function call: the user's method, given the call's event(s), step tools and context. Returns the
/// function's result serialized as JSON (<c>null</c> for none). Emitted by the source generator.
/// </summary>
public delegate Task<ReadOnlyMemory<byte>> FunctionHandler(FunctionInvocation invocation);

/// <summary>
/// A function as the runtime sees it: id, triggers, configuration and a handler. The source generator emits one
/// per <see cref="InngestFunctionAttribute"/> method into the assembly's <see cref="InngestFunctionRegistry"/>.
/// </summary>
public sealed record InngestFunctionDefinition
{
    /// <summary>The function id within the app (not the composite <c>{appId}-{id}</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The triggers; empty for a function that is only invoked.</summary>
    public IReadOnlyList<FunctionTrigger> Triggers { get; init; } = [];

    /// <summary>The configuration.</summary>
    public FunctionConfig Config { get; init; } = new();

    /// <summary>Runs the function.</summary>
    public required FunctionHandler Handler { get; init; }

    /// <summary>The composite id Inngest uses: <c>{appId}-{id}</c>.</summary>
    public string CompositeId(string appId) => $"{appId}-{Id}";
}
