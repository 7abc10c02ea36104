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

    /// <summary>
    /// One registry for an app whose functions live in several assemblies (each registers its generated registry
    /// with <c>AddFunctions()</c>): their functions, and their type resolvers combined. A registry given twice counts
    /// once; a single registry is returned as it is.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two registries define the same function id.</exception>
    public static InngestFunctionRegistry Merge(IEnumerable<InngestFunctionRegistry> registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        var distinct = new List<InngestFunctionRegistry>();
        foreach (var registry in registries)
        {
            if (!distinct.Exists(r => ReferenceEquals(r, registry)))
            {
                distinct.Add(registry);
            }
        }

        if (distinct.Count == 1)
        {
            return distinct[0];
        }

        var functions = new List<InngestFunctionDefinition>();
        var resolvers = new List<IJsonTypeInfoResolver>();
        foreach (var registry in distinct)
        {
            foreach (var function in registry.Functions)
            {
                if (functions.Exists(f => f.Id == function.Id))
                {
                    throw new InvalidOperationException(
                        $"Two registered Inngest function registries both define the function '{function.Id}'; function ids must be unique within an app.");
                }

                functions.Add(function);
            }

            if (registry.Types is { } types)
            {
                resolvers.Add(types);
            }
        }

        return new InngestFunctionRegistry(functions, resolvers.Count == 0 ? null : JsonTypeInfoResolver.Combine([.. resolvers]));
    }
}
