using Microsoft.CodeAnalysis;

namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>What compiling a block reported: every diagnostic a build would show (info and up, not suppressed).</summary>
internal sealed record DocBlockResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<SyntaxTree> Trees)
{
    /// <summary>The diagnostic ids, sorted, one per occurrence.</summary>
    public IReadOnlyList<string> Ids => Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();

    /// <summary>One line per diagnostic, at its place in the Markdown file (or context/generated file).</summary>
    public string Describe()
        => Diagnostics.Count == 0
            ? "  (none)"
            : string.Join("\n", Diagnostics.Select(d =>
            {
                var span = MappedSpan(d.Location);
                var where = span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "(no location)";
                return $"  {where}: {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            }));

    /// <summary>
    /// Where a diagnostic is, after the block's <c>#line</c> directives. The generators rebuild their diagnostics'
    /// locations from a path and a span (their models hold no syntax), which Roslyn does not map; they are mapped here
    /// through the tree of that path.
    /// </summary>
    public FileLinePositionSpan MappedSpan(Location location)
    {
        if (location.Kind == LocationKind.ExternalFile
            && Trees.FirstOrDefault(t => t.FilePath == location.GetLineSpan().Path) is { } tree
            && location.SourceSpan.End <= tree.Length)
        {
            return tree.GetMappedLineSpan(location.SourceSpan);
        }

        return location.GetMappedLineSpan();
    }
}
