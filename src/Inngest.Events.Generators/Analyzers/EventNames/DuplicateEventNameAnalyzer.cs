using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// Reports an event name declared by two or more [Event] types of one compilation, on each of them: a received event
/// could be read as either type, and the sends of both would trigger the same functions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateEventNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DuplicateEventName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (InngestSymbols.For(start.Compilation) is not { } symbols)
            {
                return;
            }

            var declarations = new ConcurrentDictionary<string, ConcurrentBag<(INamedTypeSymbol Type, Location Location)>>(System.StringComparer.Ordinal);
            start.RegisterSymbolAction(
                ctx =>
                {
                    var type = (INamedTypeSymbol)ctx.Symbol;
                    if (symbols.GetEventAttribute(type) is { ConstructorArguments.Length: 1 } attribute
                        && attribute.ConstructorArguments[0].Value is string { Length: > 0 } name)
                    {
                        var location = attribute.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken).GetLocation()
                            ?? type.Locations.FirstOrDefault()
                            ?? Location.None;
                        declarations.GetOrAdd(name, static _ => new()).Add((type, location));
                    }
                },
                SymbolKind.NamedType);

            start.RegisterCompilationEndAction(end =>
            {
                foreach (var pair in declarations)
                {
                    var types = pair.Value.ToArray();
                    if (types.Length < 2)
                    {
                        continue;
                    }

                    foreach (var (type, location) in types)
                    {
                        var others = types
                            .Where(t => !SymbolEqualityComparer.Default.Equals(t.Type, type))
                            .Select(t => "'" + t.Type.ToDisplayString() + "'")
                            .Distinct()
                            .OrderBy(t => t, System.StringComparer.Ordinal)
                            .ToList();
                        if (others.Count > 0)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(
                                DiagnosticDescriptors.DuplicateEventName,
                                location,
                                pair.Key,
                                type.ToDisplayString(),
                                Join(others)));
                        }
                    }
                }
            });
        });
    }

    private static string Join(List<string> items)
        => items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
}
