using System.Text.Json.Serialization.Metadata;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>
/// Merges the registries registered in the container (one per assembly with functions, via the generated
/// <c>AddFunctions()</c>) into the one registry the endpoint serves, as the embedded engine does.
/// </summary>
internal static class FunctionRegistryMerger
{
    /// <exception cref="InvalidOperationException">Two registries define the same function id.</exception>
    public static InngestFunctionRegistry Merge(IEnumerable<InngestFunctionRegistry> registries)
    {
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
