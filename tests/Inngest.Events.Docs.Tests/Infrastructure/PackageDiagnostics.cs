using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>What the package's code says about its diagnostics: the descriptors, who reports each, and which have a fix.</summary>
internal static class PackageDiagnostics
{
    /// <summary>Every descriptor, from the generator assembly's catalogue (<c>DiagnosticDescriptors.All</c>), by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors { get; } = LoadDescriptors();

    /// <summary>The analyzer type names that report each id.</summary>
    public static ILookup<string, string> Reporters { get; } = DocBlockCompiler.AllAnalyzers
        .SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, a.GetType().Name)))
        .ToLookup(x => x.Id, x => x.Name);

    /// <summary>The ids some code fix provider of the package fixes.</summary>
    public static IReadOnlySet<string> Fixable { get; } = Assembly.Load("Inngest.Events.CodeFixes").GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t, nonPublic: true)!).FixableDiagnosticIds)
        .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, DiagnosticDescriptor> LoadDescriptors()
    {
        const string Catalogue = "Inngest.Events.Generators.Diagnostics.DiagnosticDescriptors";
        var type = Assembly.Load("Inngest.Events.Generators").GetType(Catalogue, throwOnError: true)!;
        var all = type.GetField("All", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{Catalogue}.All was not found; update {nameof(PackageDiagnostics)} to where the catalogue lives now.");
        return ((ImmutableArray<DiagnosticDescriptor>)all).ToDictionary(d => d.Id, StringComparer.Ordinal);
    }
}
