using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events;

/// <summary>
/// The functions of an assembly, and the JSON metadata of every type their steps return, wait for or invoke.
/// The source generator emits one per assembly; nothing scans assemblies at run time.
/// </summary>
/// <param name="functions">The functions.</param>
/// <param name="types">Resolves <see cref="JsonTypeInfo"/> for step results; generated, reflection-free.</param>
public sealed class InngestFunctionRegistry(IReadOnlyList<InngestFunctionDefinition> functions, IJsonTypeInfoResolver? types = null)
{
    /// <summary>The functions.</summary>
    public IReadOnlyList<InngestFunctionDefinition> Functions { get; } = functions;

    /// <summary>Resolves JSON metadata for step result types.</summary>
    public IJsonTypeInfoResolver? Types { get; } = types;
}
