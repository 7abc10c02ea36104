using System.Collections.Immutable;
using System.Reflection;
using Inngest.Events.Generators.Analyzers.EventNames;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>Every analyzer the package ships, found by reflection so that a new one is covered without a list to update.</summary>
internal static class AllAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Create()
        => typeof(EventNameAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
