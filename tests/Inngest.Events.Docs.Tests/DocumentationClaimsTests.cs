using System.Text.RegularExpressions;
using Inngest.Events.Docs.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Docs.Tests;

/// <summary>Claims of README.md and docs/ that can be checked against the code, checked.</summary>
public sealed partial class DocumentationClaimsTests
{
    [Fact]
    public void Each_diagnostic_page_states_the_severity_category_reporter_and_fix_the_code_has()
    {
        var problems = PackageDiagnostics.Descriptors.Keys.Order(StringComparer.Ordinal)
            .SelectMany(id => PageProblems(id, File.ReadAllText(Path.Combine(RepositoryPaths.Root, $"docs/diagnostics/{id}.md"))))
            .ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_page_that_denies_an_existing_fix_or_names_the_wrong_analyzer_or_severity_is_caught()
    {
        var page = """
            # INNG3010: Client SendAsync inside a function

            | | |
            |---|---|
            | Severity | Error |
            | Category | Inngest.Events |
            | Reported by | `StepAnalyzer` |
            | Code fix | none |
            """;

        var problems = PageProblems("INNG3010", page);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Severity' is 'Error', the descriptor says 'Warning'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("says '`StepAnalyzer`' reports it, but the analyzers that do are: ClientSendAnalyzer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("says there is no code fix ('none'), but a code fix provider fixes INNG3010", StringComparison.Ordinal));
    }

    private static List<string> PageProblems(string id, string markdown)
    {
        var problems = new List<string>();
        var descriptor = PackageDiagnostics.Descriptors[id];
        var page = $"docs/diagnostics/{id}.md";
        var rows = TableRows(markdown);
        Check("Severity", descriptor.DefaultSeverity.ToString());
        Check("Category", descriptor.Category);

        var reporter = rows.GetValueOrDefault("Reported by") ?? string.Empty;
        var analyzers = PackageDiagnostics.Reporters[id].ToArray();
        if (reporter.StartsWith("the ", StringComparison.Ordinal) && reporter.EndsWith(" generator", StringComparison.Ordinal))
        {
            if (analyzers.Length > 0)
            {
                problems.Add($"{page}: says '{reporter}' reports it, but {string.Join(", ", analyzers)} does");
            }
        }
        else if (!analyzers.Contains(reporter.Trim('`'), StringComparer.Ordinal))
        {
            problems.Add($"{page}: says '{reporter}' reports it, but the analyzers that do are: {string.Join(", ", analyzers.DefaultIfEmpty("none (a generator)"))}");
        }

        var fix = rows.GetValueOrDefault("Code fix");
        var saysNoFix = fix is null || NoFix().IsMatch(fix);
        if (saysNoFix == PackageDiagnostics.Fixable.Contains(id))
        {
            problems.Add(saysNoFix
                ? $"{page}: says there is no code fix ('{fix ?? "no 'Code fix' row"}'), but a code fix provider fixes {id}"
                : $"{page}: names a code fix ('{fix}'), but no code fix provider fixes {id}");
        }

        return problems;

        void Check(string row, string expected)
        {
            if (rows.GetValueOrDefault(row) != expected)
            {
                problems.Add($"{page}: '{row}' is '{rows.GetValueOrDefault(row)}', the descriptor says '{expected}'");
            }
        }
    }

    [Fact]
    public void The_README_analyzer_table_covers_every_diagnostic_and_names_exactly_the_fixable_ones()
    {
        var problems = ReadmeTableProblems(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_README_table_that_promises_fixes_that_do_not_exist_or_leaves_out_diagnostics_is_caught()
    {
        // The table as it was before issue 9: a fix for the whole name and dedup ranges.
        var readme = """
            | ids | what they check | fixes |
            |---|---|---|
            | INNG1010–INNG1016 | event names | rename to a conforming name |
            | INNG3001–INNG3003 | dedup ids | prefix the event's slug |
            """;

        var problems = ReadmeTableProblems(readme);

        Assert.Contains("the row 'INNG1010–INNG1016' claims fixes for [INNG1010, INNG1011, INNG1012, INNG1013, INNG1014, INNG1015, INNG1016], the code fixes [INNG1010, INNG1011, INNG1012, INNG1013, INNG1014]", problems);
        Assert.Contains("the row 'INNG3001–INNG3003' claims fixes for [INNG3001, INNG3002, INNG3003], the code fixes [INNG3002]", problems);
        Assert.Contains(problems, p => p.StartsWith("the table has no row for INNG1001, ", StringComparison.Ordinal));
    }

    private static List<string> ReadmeTableProblems(string readme)
    {
        var listed = new List<string>();
        var problems = new List<string>();
        foreach (var line in readme.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("| INNG", StringComparison.Ordinal)))
        {
            var cells = UnescapedPipe().Split(line).Select(c => c.Trim()).ToArray();
            var ids = Ids(cells[1]);
            listed.AddRange(ids);
            var named = Ids(cells[3]);
            var claimed = cells[3] is "—" or "-" or "" ? [] : named.Count > 0 ? named : ids;
            var actual = ids.Where(PackageDiagnostics.Fixable.Contains).ToArray();
            if (!claimed.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)))
            {
                problems.Add($"the row '{cells[1]}' claims fixes for [{string.Join(", ", claimed)}], the code fixes [{string.Join(", ", actual)}]");
            }
        }

        var missing = PackageDiagnostics.Descriptors.Keys.Except(listed).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            problems.Add($"the table has no row for {string.Join(", ", missing)}");
        }

        return problems;
    }

    [Fact]
    public void Every_repository_path_the_docs_name_exists()
    {
        var missing = new List<string>();
        foreach (var file in RepositoryPaths.DocumentationFiles())
        {
            foreach (Match match in RepositoryPath().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file))))
            {
                var path = match.Groups["path"].Value.TrimEnd('/', '.', ',');
                // Placeholders (INNGxxxx.md, {id}, *.trx) and folders that installs and builds create are not checked.
                if (path.Contains("xxxx", StringComparison.Ordinal) || path.IndexOfAny(['{', '*', '<']) >= 0 || path.EndsWith("/node_modules", StringComparison.Ordinal))
                {
                    continue;
                }

                var full = Path.Combine(RepositoryPaths.Root, path);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    missing.Add($"{file}: `{path}`");
                }
            }
        }

        Assert.True(missing.Count == 0, "The docs name paths that do not exist:\n" + string.Join("\n", missing.Distinct()));
    }

    /// <summary>The <c>| Name | value |</c> rows of a page's header table.</summary>
    private static Dictionary<string, string> TableRows(string markdown)
        => markdown.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length == 4 && cells[1].Trim().Length > 0 && !cells[1].Trim().StartsWith('-'))
            .GroupBy(cells => cells[1].Trim())
            .ToDictionary(g => g.Key, g => g.First()[2].Trim(), StringComparer.Ordinal);

    /// <summary>The ids named in a cell, with ranges (<c>INNG1010–INNG1012</c>) expanded to the ids that exist.</summary>
    private static List<string> Ids(string cell)
    {
        var ids = new List<string>();
        foreach (Match match in IdOrRange().Matches(cell))
        {
            var from = int.Parse(match.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            for (var n = from; n <= to; n++)
            {
                if (PackageDiagnostics.Descriptors.ContainsKey($"INNG{n}"))
                {
                    ids.Add($"INNG{n}");
                }
            }
        }

        return ids;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^((none|None)\b|—)")]
    private static partial Regex NoFix();

    [GeneratedRegex(@"INNG(?<from>[0-9]{4})(\s*[–-]\s*INNG(?<to>[0-9]{4}))?")]
    private static partial Regex IdOrRange();

    [GeneratedRegex(@"`(?<path>(src|tests|samples|docs|\.ci)/[^`\s]*)`")]
    private static partial Regex RepositoryPath();
}
