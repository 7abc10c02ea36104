using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inngest.Events.Generators.Tests.CodeFixes;

/// <summary>
/// What a user does: an ASP.NET Core app (<c>samples/FixAllMistakes</c>, several files, several of every fixable mistake,
/// some in one file and some in one method) references the Inngest.Events package, and ONE
/// <c>dotnet format analyzers --severity info</c> pass fixes all of it. The package is packed from this build into a
/// folder of the test's own and restored into a packages folder of its own (a version no cache can hold), through a
/// Directory.Build.props and nuget.config beside the copy, since <c>dotnet format</c> takes no <c>-p:</c> arguments. After
/// the pass the app builds with no warning at all, and every file is what <c>samples/FixAllMistakes/Fixed</c> says a
/// careful person would have written (the files without a mistake are unchanged).
/// </summary>
public sealed partial class DotnetFormatFixAllTests(ITestOutputHelper output)
{
    /// <summary>The fixable ids of the sample's mistakes; every one occurs at least twice.</summary>
    private static readonly string[] FixableIds =
    [
        "INNG1010", "INNG1011", "INNG1012", "INNG1013", "INNG1014", "INNG3002", "INNG3010", "INNG3011", "INNG3016",
    ];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private readonly DotnetCli _dotnet = new(output, StepTimeout);

    [Fact]
    public async Task One_dotnet_format_pass_fixes_every_mistake_of_a_multi_file_app_against_the_packed_package()
    {
        var repository = DotnetCli.RepositoryRoot();
        var sample = Path.Combine(repository, "samples", "FixAllMistakes");
        var root = Path.Combine(Path.GetTempPath(), "inngest-fix-all-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        var app = Path.Combine(root, "app");
        var version = "0.1.0-fixall." + Guid.NewGuid().ToString("N")[..12];
        var succeeded = false;
        try
        {
            // The package as this build makes it: the runtime with the generator and the code fixes under analyzers/.
            var configuration = typeof(DotnetFormatFixAllTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            await _dotnet.RunAsync(
                repository,
                "pack", Path.Combine("src", "Inngest.Events", "Inngest.Events.csproj"),
                "-c", configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + version);

            var originals = CopySample(sample, app);
            File.WriteAllText(Path.Combine(app, "Directory.Build.props"), $"""
                <Project>
                  <PropertyGroup>
                    <InngestEventsVersion>{version}</InngestEventsVersion>
                    <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="inngest-events-under-test" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

            await _dotnet.RunAsync(app, "restore");
            var (_, beforeOutput) = await _dotnet.TryRunAsync(app, "build", "--no-restore", "--disable-build-servers", "-clp:NoSummary");
            var before = Diagnostics(beforeOutput);
            output.WriteLine($"before: {Describe(before)}");
            Assert.All(FixableIds, id => Assert.True(before.GetValueOrDefault(id) >= 2, $"the sample has fewer than two {id}: {Describe(before)}"));

            // One pass, as a user types it.
            var formatOutput = await _dotnet.RunAsync(app, "format", "analyzers", "--severity", "info");
            Assert.DoesNotContain("didn't return a Fix All action", formatOutput);

            var afterOutput = await _dotnet.RunAsync(app, "build", "--no-restore", "--disable-build-servers", "-clp:NoSummary");
            var after = Diagnostics(afterOutput);
            output.WriteLine($"after: {Describe(after)}");
            Assert.True(after.Count == 0, "Left after one dotnet format pass:\n" + string.Join("\n", DiagnosticLine().Matches(afterOutput).Select(m => m.Value).Distinct()));

            var mismatches = new StringBuilder();
            foreach (var (relative, original) in originals)
            {
                var expectedPath = Path.Combine(sample, "Fixed", relative);
                var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : original;
                var actual = File.ReadAllText(Path.Combine(app, relative));
                if (actual != expected)
                {
                    mismatches.AppendLine($"--- {relative} (expected {(File.Exists(expectedPath) ? "Fixed/" + relative : "unchanged")})");
                    mismatches.Append(LineDiff(expected, actual));
                }
            }

            Assert.True(mismatches.Length == 0, "The fixed app differs from samples/FixAllMistakes/Fixed:\n" + mismatches);
            succeeded = true;
        }
        finally
        {
            if (succeeded)
            {
                Directory.Delete(root, recursive: true);
            }
            else
            {
                output.WriteLine($"The copy is kept at {root}");
            }
        }
    }

    /// <summary>Copies the sample without Fixed/, bin/ and obj/; gives each copied file's original text by relative path.</summary>
    private static Dictionary<string, string> CopySample(string sample, string app)
    {
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "Fixed" or "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(app, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            originals[relative] = File.ReadAllText(file);
        }

        return originals;
    }

    /// <summary>The warnings and errors of a build's output by id (each diagnostic once: MSBuild may repeat them).</summary>
    private static Dictionary<string, int> Diagnostics(string buildOutput)
        => DiagnosticLine().Matches(buildOutput)
            .Select(m => m.Value.Trim())
            .Distinct()
            .Select(line => DiagnosticLine().Match(line).Groups["id"].Value)
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());

    private static string Describe(Dictionary<string, int> diagnostics)
        => diagnostics.Count == 0
            ? "none"
            : $"{diagnostics.Values.Sum()} ({string.Join(", ", diagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} x{p.Value}"))})";

    /// <summary>The lines that differ, with their line numbers.</summary>
    private static string LineDiff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<none>";
            var r = i < right.Length ? right[i] : "<none>";
            if (l != r)
            {
                text.AppendLine($"  {i + 1}: expected: {l.TrimEnd('\r')}").AppendLine($"  {i + 1}: actual:   {r.TrimEnd('\r')}");
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^.*: (warning|error) (?<id>[A-Z]+\d+):.*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
