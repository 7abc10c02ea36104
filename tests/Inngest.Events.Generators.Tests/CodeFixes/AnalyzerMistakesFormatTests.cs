using System.Text.RegularExpressions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inngest.Events.Generators.Tests.CodeFixes;

/// <summary>
/// The code fixes work where users run them in bulk: <c>dotnet format analyzers</c> on a copy of
/// <c>samples/AnalyzerMistakes</c> fixes every fixable mistake, and the copy then builds without those diagnostics.
/// Runs the real SDK (restore, build, format, build) on the assemblies this test project was built with, so it takes
/// the better part of a minute; it needs no network (the sample references no packages).
/// </summary>
public sealed partial class AnalyzerMistakesFormatTests(ITestOutputHelper output)
{
    /// <summary>The ids the sample's mistakes have and that have a fix; the info-level ones are raised to warnings in the copy.</summary>
    private static readonly string[] FixedIds = ["INNG1010", "INNG1011", "INNG1012", "INNG3002", "INNG3010", "INNG3011", "INNG3016"];

    private static readonly string[] InfoIds = ["INNG1012", "INNG3011"];

    /// <summary>Ids of mistakes in the sample that have no fix (the expression rules): reported before and after formatting.</summary>
    private static readonly string[] UnfixedIds = ["INNG4002", "INNG4004"];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    private readonly DotnetCli _dotnet = new(output, StepTimeout);

    [Fact]
    public async Task Dotnet_format_fixes_every_fixable_mistake_in_the_AnalyzerMistakes_sample()
    {
        var sample = Path.Combine(DotnetCli.RepositoryRoot(), "samples", "AnalyzerMistakes");
        var copy = Path.Combine(Path.GetTempPath(), "inngest-analyzer-mistakes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        var succeeded = false;
        try
        {
            foreach (var file in Directory.EnumerateFiles(sample).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            // The copy references the assemblies next to this test (the runtime, the generator, the code fixes).
            File.WriteAllText(Path.Combine(copy, "Directory.Build.props"), $"""
                <Project>
                  <PropertyGroup>
                    <InngestAssemblies>{AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)}</InngestAssemblies>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(copy, ".editorconfig"), "root = true\n\n[*.cs]\n"
                + string.Concat(InfoIds.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n")));
            var project = Path.Combine(copy, "AnalyzerMistakes.csproj");

            await RunAsync(copy, "restore", project);
            var beforeOutput = await RunAsync(copy, "build", project, "--no-restore", "--disable-build-servers", "-clp:NoSummary");
            var before = FixedDiagnostics(beforeOutput);
            Assert.All(FixedIds, id => Assert.Contains(id, before.Keys));
            Assert.All(UnfixedIds, id => Assert.Contains($"warning {id}:", beforeOutput));

            await RunAsync(copy, ["format", "analyzers", project, "--no-restore", "--severity", "info", "--diagnostics", .. FixedIds]);

            var afterOutput = await RunAsync(copy, "build", project, "--no-restore", "--disable-build-servers", "-clp:NoSummary");
            var after = FixedDiagnostics(afterOutput);
            Assert.True(after.Count == 0, "Left after dotnet format:\n" + string.Join("\n", after.SelectMany(p => p.Value)));
            Assert.All(UnfixedIds, id => Assert.Contains($"warning {id}:", afterOutput));

            var functions = File.ReadAllText(Path.Combine(copy, "BillingFunctions.cs"));
            Assert.Contains("await step.SendEventAsync(\"send-reminder-scheduled\", ", functions);
            Assert.Contains("await step.RunAsync(\"utc-now-add-days\", () => DateTimeOffset.UtcNow.AddDays(14))", functions);
            Assert.Contains("[Event(\"billing/invoice.paid\")]", File.ReadAllText(Path.Combine(copy, "Events.cs")));
            succeeded = true;
        }
        finally
        {
            if (succeeded)
            {
                Directory.Delete(copy, recursive: true);
            }
            else
            {
                output.WriteLine($"The copy is kept at {copy}");
            }
        }
    }

    /// <summary>The warnings of <see cref="FixedIds"/> in build output, by id (each once, as MSBuild may repeat them).</summary>
    private static Dictionary<string, List<string>> FixedDiagnostics(string buildOutput)
        => WarningLine().Matches(buildOutput)
            .Where(m => FixedIds.Contains(m.Groups["id"].Value))
            .GroupBy(m => m.Groups["id"].Value)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Value).Distinct().ToList());

    [GeneratedRegex(@"^.*warning (?<id>INNG\d{4}):.*$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

    private Task<string> RunAsync(string directory, params string[] arguments) => _dotnet.RunAsync(directory, arguments);
}
