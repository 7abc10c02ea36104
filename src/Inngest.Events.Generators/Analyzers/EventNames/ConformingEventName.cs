using System.Threading;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// The name an event will have once its name diagnostics are fixed, with the options in force where it is declared.
/// Other rules derive slugs from it (dedup-id prefixes, step ids), so that a fix applied before the rename and one
/// applied after it write the same text.
/// </summary>
internal static class ConformingEventName
{
    /// <summary>The event-name options and whether fixes may change the tense, for names written in <paramref name="tree"/>.</summary>
    public static (EventNameOptions Options, bool FixTense) SettingsFor(Compilation compilation, AnalyzerOptions options, SyntaxTree tree, CancellationToken cancellationToken)
        => (EventNameOptions.From(options.AnalyzerConfigOptionsProvider, tree),
            !IsSuppressed(compilation, tree, DiagnosticIds.EventNameNotPastTense, cancellationToken));

    /// <summary>
    /// The slug (<c>invoice-voided</c>) of the event <paramref name="type"/> declares, after its name is fixed; null when
    /// it is not an [Event] type or nothing usable is left.
    /// </summary>
    public static string? Slug(ITypeSymbol? type, InngestSymbols symbols, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => symbols.GetEventName(type) is { } name && type is INamedTypeSymbol named ? Slug(name, named, symbols, compilation, options, cancellationToken) : null;

    /// <summary>The slug of <paramref name="name"/>, declared by <paramref name="type"/>, after it is fixed.</summary>
    public static string? Slug(string name, INamedTypeSymbol type, InngestSymbols symbols, Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var conforming = name;
        if (type.Locations.Length > 0 && type.Locations[0].SourceTree is { } tree)
        {
            var (nameOptions, fixTense) = SettingsFor(compilation, options, tree, cancellationToken);
            var site = new EventNameSite(IsTrigger: false, symbols.IsRuntimeAssembly, EventNameRules.DomainFromNamespace(type.ContainingNamespace));
            conforming = EventNameRules.Conform(name, site, nameOptions, fixTense) ?? name;
        }

        return NameWords.Slug(conforming);
    }

    /// <summary>Whether <paramref name="id"/> is turned off for <paramref name="tree"/> (.editorconfig, a global config or the compilation options).</summary>
    private static bool IsSuppressed(Compilation compilation, SyntaxTree tree, string id, CancellationToken cancellationToken)
    {
        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is not null
            && (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity)
                || provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity)))
        {
            return severity == ReportDiagnostic.Suppress;
        }

        return compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress;
    }
}
