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
    /// <summary>
    /// The runs of rounds, one test case each: some rounds per run, so that each case's time stays bounded however large
    /// the corpus grows. One run over all of rounds 37-193 (11,584 cases) took longer than the five minutes allowed a
    /// step on a busy machine, and one test over all runs of rounds 37-407 (21,685 cases) longer than the ten minutes
    /// the CI's hang guard allows a test.
    /// </summary>
    public static TheoryData<int> Runs()
    {
        var runs = new TheoryData<int>();
        for (var run = 0; run * RoundsPerRun < Rounds().Length; run++)
        {
            runs.Add(run);
        }

        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Every_case_of_the_dedup_id_corpus_compiles(int run)
    {
        var root = DotnetCli.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var tool = Path.Combine(root, "tools", "DedupIdCorpus", "bin", configuration, "net10.0", "DedupIdCorpus.dll");
        Assert.True(File.Exists(tool), $"{tool} is not built; it is built with Generators.sln.");
        var batch = Rounds().Skip(run * RoundsPerRun).Take(RoundsPerRun).ToArray();
        Assert.NotEmpty(batch);

        var cli = new DotnetCli(output, TimeSpan.FromMinutes(5));
        var text = await cli.RunAsync(root, [tool, "check", .. batch]);
        var counted = Regex.Match(text, @"(\d+) cases read, \1 compile, 0 errors");
        Assert.True(counted.Success, $"{string.Join(", ", batch.Select(Path.GetFileName))}:\n{text}");
        var cases = int.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture);

        // Every line of every round of the run is a case, and each was read.
        var lines = batch.Sum(path => File.ReadLines(path).Count(line => line.Trim().Length > 0));
        output.WriteLine($"{cases} cases of {batch.Length} rounds ({Path.GetFileName(batch[0])} to {Path.GetFileName(batch[^1])}) compile.");
        Assert.True(cases > 0, "The run holds no case.");
        Assert.Equal(lines, cases);
    }

    private static string[] Rounds()
        => Directory.GetFiles(Path.Combine(DotnetCli.RepositoryRoot(), "tools", "DedupIdCorpus", "rounds"), "round*.jsonl")
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();

    private const int RoundsPerRun = 40;
}
