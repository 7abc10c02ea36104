using System;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Functions;

/// <summary>
/// The semantic model the function generator binds method bodies with. In a nullable-enabled file any question
/// about an expression inside a method makes Roslyn bind the whole method and run its nullable analysis, which
/// was most of the generator's time; the generator only needs types, which nullable analysis does not change
/// (only their annotations). Hosts whose Roslyn has <c>SemanticModelOptions.DisableNullableAnalysis</c> (4.9 and
/// later) get a model without it, found by reflection because this assembly builds against Roslyn 4.8; older hosts
/// get the ordinary model.
/// </summary>
internal static class BodySemanticModel
{
    private static readonly Func<Compilation, SyntaxTree, SemanticModel>? WithoutNullableAnalysis = Find();

    /// <summary>Whether this host's Roslyn can skip nullable analysis (reported by tests).</summary>
    public static bool SkipsNullableAnalysis => WithoutNullableAnalysis is not null;

    public static SemanticModel For(Compilation compilation, SyntaxTree tree)
    {
        if (WithoutNullableAnalysis is not null)
        {
            try
            {
                return WithoutNullableAnalysis(compilation, tree);
            }
            catch (TargetInvocationException)
            {
                // Fall through to the ordinary model.
            }
        }

        return compilation.GetSemanticModel(tree);
    }

    private static Func<Compilation, SyntaxTree, SemanticModel>? Find()
    {
        var optionsType = typeof(Compilation).Assembly.GetType("Microsoft.CodeAnalysis.SemanticModelOptions", throwOnError: false);
        if (optionsType is null || !optionsType.IsEnum)
        {
            return null;
        }

        object options;
        try
        {
            options = Enum.Parse(optionsType, "DisableNullableAnalysis");
        }
        catch (ArgumentException)
        {
            return null;
        }

        var method = typeof(Compilation).GetMethod("GetSemanticModel", new[] { typeof(SyntaxTree), optionsType });
        if (method is null || method.ReturnType != typeof(SemanticModel))
        {
            return null;
        }

        return (compilation, tree) => (SemanticModel)method.Invoke(compilation, new object[] { tree, options });
    }
}
