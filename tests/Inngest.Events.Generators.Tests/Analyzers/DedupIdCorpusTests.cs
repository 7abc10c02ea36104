using System.Globalization;
using System.Text.RegularExpressions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inngest.Events.Generators.Tests.Analyzers;

/// <summary>
/// The dedup-id corpus (tools/DedupIdCorpus) stays measurable: every labelled case still compiles against the package
/// as it is, so that the next change to the rule can be measured on it. No figure is asserted: the figures are what the
/// measuring is for, and a test must not hold a rule to the ids it has seen.
/// </summary>
public sealed class DedupIdCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_case_of_the_dedup_id_corpus_compiles()
    {
        var root = DotnetCli.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var tool = Path.Combine(root, "tools", "DedupIdCorpus", "bin", configuration, "net10.0", "DedupIdCorpus.dll");
        Assert.True(File.Exists(tool), $"{tool} is not built; it is built with Generators.sln.");
        var rounds = Directory.GetFiles(Path.Combine(root, "tools", "DedupIdCorpus", "rounds"), "round*.jsonl")
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        Assert.NotEmpty(rounds);

        // Some rounds per run, so that each run's time stays bounded however large the corpus grows: one run over all of
        // rounds 37-193 (11,584 cases) took longer than the five minutes allowed a step, on a busy machine.
        var cli = new DotnetCli(output, TimeSpan.FromMinutes(5));
        var cases = 0;
        foreach (var batch in rounds.Chunk(RoundsPerRun))
        {
            var text = await cli.RunAsync(root, [tool, "check", .. batch]);
            var counted = Regex.Match(text, @"(\d+) cases read, \1 compile, 0 errors");
            Assert.True(counted.Success, $"{string.Join(", ", batch.Select(Path.GetFileName))}:\n{text}");
            cases += int.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        // Every line of every round is a case, and each was read.
        var lines = rounds.Sum(path => File.ReadLines(path).Count(line => line.Trim().Length > 0));
        output.WriteLine($"{cases} cases of {rounds.Length} rounds compile.");
        Assert.True(cases > 0, "The corpus holds no case.");
        Assert.Equal(lines, cases);
    }

    private const int RoundsPerRun = 40;
}
