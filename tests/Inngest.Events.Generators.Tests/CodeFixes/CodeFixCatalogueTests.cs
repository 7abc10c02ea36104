using System.Text.RegularExpressions;
using Inngest.Events.CodeFixes;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Inngest.Events.Generators.Tests.CodeFixes;

/// <summary>
/// What the docs and README say about fixes is what the code fix assembly does: a diagnostic's page claims a fix
/// exactly when a provider fixes its id, README's analyzer table claims fixes only for ids that have one, and every
/// provider supports Fix All in documents, projects and solutions.
/// </summary>
public sealed partial class CodeFixCatalogueTests
{
    private static readonly IReadOnlyList<CodeFixProvider> Providers = typeof(EventNameCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    private static readonly HashSet<string> FixableIds = Providers.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_provider_supports_Fix_All_in_documents_projects_and_solutions()
    {
        Assert.NotEmpty(Providers);
        foreach (var provider in Providers)
        {
            var scopes = provider.GetFixAllProvider()?.GetSupportedFixAllScopes().ToList();
            Assert.NotNull(scopes);
            Assert.Contains(FixAllScope.Document, scopes);
            Assert.Contains(FixAllScope.Project, scopes);
            Assert.Contains(FixAllScope.Solution, scopes);
        }
    }

    [Fact]
    public void A_diagnostic_page_claims_a_fix_exactly_when_a_provider_fixes_its_id()
    {
        var root = DotnetCli.RepositoryRoot();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var row = CodeFixRow().Match(File.ReadAllText(Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md")));
            var claimsFix = row.Success && !row.Groups["text"].Value.Trim().StartsWith("none", StringComparison.OrdinalIgnoreCase);
            Assert.True(
                claimsFix == FixableIds.Contains(descriptor.Id),
                $"docs/diagnostics/{descriptor.Id}.md says '{(row.Success ? row.Groups["text"].Value.Trim() : "no Code fix row")}', but {descriptor.Id} {(FixableIds.Contains(descriptor.Id) ? "has" : "has no")} code fix");
        }
    }

    [Fact]
    public void README_analyzer_table_claims_fixes_only_for_ids_that_have_one()
    {
        var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot(), "README.md"));
        var rows = TableRow().Matches(readme).ToList();
        Assert.NotEmpty(rows);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var ids = Ids(row.Groups["ids"].Value);
            covered.UnionWith(ids);
            var fixText = row.Groups["fix"].Value.Trim();
            if (fixText == "—")
            {
                Assert.All(ids, id => Assert.False(FixableIds.Contains(id), $"README says {id} has no fix, but it has one"));
                continue;
            }

            // A fix column that names ids claims fixes for those; one that names none claims them for every id of the row.
            var claimed = Ids(fixText);
            Assert.All(claimed.Count > 0 ? claimed : ids, id => Assert.True(FixableIds.Contains(id), $"README claims a fix for {id}, which has none"));
            Assert.All(ids.Where(FixableIds.Contains), id => Assert.True(claimed.Count == 0 || claimed.Contains(id), $"README's row for {row.Groups["ids"].Value} does not name the fix of {id}"));
        }

        Assert.All(FixableIds, id => Assert.Contains(id, covered));
    }

    /// <summary>The ids a table cell names: single ids, lists and ranges (<c>INNG1010–INNG1014</c>).</summary>
    private static List<string> Ids(string text)
    {
        var ids = new List<string>();
        foreach (Match match in IdOrRange().Matches(text))
        {
            var first = int.Parse(match.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var last = match.Groups["last"].Success ? int.Parse(match.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture) : first;
            for (var n = first; n <= last; n++)
            {
                var id = "INNG" + n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
                if (DiagnosticDescriptors.All.Any(d => d.Id == id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    [GeneratedRegex(@"^\| Code fix \|(?<text>[^\r\n]*)$", RegexOptions.Multiline)]
    private static partial Regex CodeFixRow();

    [GeneratedRegex(@"^\| (?<ids>INNG[^|]*) \|(?<what>[^|]*(?:\\\|[^|]*)*)\|(?<fix>[^|\r\n]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"INNG(?<first>\d{4})(?:–INNG(?<last>\d{4}))?")]
    private static partial Regex IdOrRange();
}
