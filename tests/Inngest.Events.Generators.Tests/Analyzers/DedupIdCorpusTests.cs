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

        var text = await new DotnetCli(output, TimeSpan.FromMinutes(5)).RunAsync(root, [tool, "check", .. rounds]);

        Assert.Matches(@"(\d+) cases read, \1 compile, 0 errors", text);
    }
}
