using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Inngest.Events.Interop.Tests.Infrastructure;
using Inngest.Events.Benchmarks.Workloads;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 2, the event schema lock as users pay for it: <c>-- schema-lock-build [runs]</c> writes table 2's 500-event
/// project (<see cref="AnalyzerProjectSources"/>) to a temp folder as a real project — referencing the freshly built
/// Inngest.Events (and the ASP.NET Core shared framework) and its generator/analyzer assembly (an <c>Analyzer</c> item, as the package adds it) and importing the
/// package's build props and targets (which add <c>inngest-events.lock.json</c> as an additional file) — with the lock the
/// update command writes, and runs real <c>dotnet build --no-incremental -p:ReportAnalyzer=true</c> builds. Each round
/// reads csc's own per-analyzer execution report (EventSchemaLockAnalyzer's time) and the Csc task's time from MSBuild's
/// performance summary, and prints the share; the lock analyzer here runs on the very compilation csc emits (as in
/// every command-line build). Each round also builds once with a stale lock (every event's <c>Total</c> locked as an
/// <c>int</c>) and counts the INNG1021s, to show that the analyzer ran on the lock.
/// </summary>
internal static class SchemaLockBuild
{
    private static readonly Regex CscTask = new(@"^\s*(\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex LockAnalyzer = new(@"^\s*(<?\d+(?:\.\d+)?)\s+<?\d+\s+Inngest\.Events\.Generators\.SchemaLock\.EventSchemaLockAnalyzer\b", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex TotalAnalyzers = new(@"Total analyzer execution time:\s*(\d+(?:\.\d+)?)\s*seconds", RegexOptions.CultureInvariant);

    public static int Print(int runs)
    {
        var bin = AppContext.BaseDirectory;
        var references = Directory.GetFiles(bin, "Microsoft.Extensions.*.dll").Order(StringComparer.Ordinal).Prepend(Path.Combine(bin, "Inngest.Events.dll")).ToList();
        var analyzer = Path.Combine(bin, "Inngest.Events.Generators.dll");
        var buildTransitive = Path.Combine(RepositoryPaths.Root, "src", "Inngest.Events", "buildTransitive");
        string current = SchemaLockShare.LockOf(AnalyzerWorkload.Instance.Compilation);
        string stale = SchemaLockShare.StaleLock();

        using var folder = new BenchmarkFolder();
        var project = Path.Combine(folder.Path, "Shop.csproj");
        var lockPath = Path.Combine(folder.Path, "inngest-events.lock.json");
        File.WriteAllText(project, ProjectFile(references, analyzer, buildTransitive));
        Directory.CreateDirectory(Path.Combine(folder.Path, "Orders"));
        for (int i = 0; i < AnalyzerWorkload.Files; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, "Orders", $"Order{i}.cs"), AnalyzerProjectSources.File(i, AnalyzerWorkload.Files));
        }

        Console.WriteLine($"{AnalyzerWorkload.Files} files in {folder.Path}; lock {current.Length / 1024} KiB; analyzer {analyzer}");
        Run(folder.Path, "restore", "Shop.csproj", "-nodeReuse:false");

        var shares = new List<double>();
        var lockMs = new List<double>();
        var compileMs = new List<double>();
        var staleShares = new List<double>();
        var staleLockMs = new List<double>();
        for (int round = -1; round < runs; round++)
        {
            File.WriteAllText(lockPath, current, new UTF8Encoding(false));
            var upToDate = Build(folder.Path);
            File.WriteAllText(lockPath, stale, new UTF8Encoding(false));
            var changed = Build(folder.Path);
            string label = round < 0 ? "warm-up" : $"round {round + 1}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: lock up to date: Csc {upToDate.CscMs:F0} ms, EventSchemaLockAnalyzer {upToDate.LockMs:F0} ms ({upToDate.LockMs / upToDate.CscMs:P2}), all analyzers {upToDate.AllAnalyzersMs:F0} ms, INNG diagnostics: {upToDate.Findings}; stale lock: Csc {changed.CscMs:F0} ms, EventSchemaLockAnalyzer {changed.LockMs:F0} ms ({changed.LockMs / changed.CscMs:P2}), INNG diagnostics: {changed.Findings}"));
            if (upToDate.Findings != "none" || !changed.Findings.Contains($"INNG1021 x{AnalyzerWorkload.Files}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Unexpected findings: up to date '{upToDate.Findings}', stale '{changed.Findings}' (expected none and INNG1021 x{AnalyzerWorkload.Files}).");
            }

            if (round < 0)
            {
                continue;
            }

            shares.Add(upToDate.LockMs / upToDate.CscMs);
            lockMs.Add(upToDate.LockMs);
            compileMs.Add(upToDate.CscMs);
            staleShares.Add(changed.LockMs / changed.CscMs);
            staleLockMs.Add(changed.LockMs);
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Lock up to date: EventSchemaLockAnalyzer median {Median(lockMs):F0} ms, Csc median {Median(compileMs):F0} ms; share per round {string.Join(", ", shares.Select(s => s.ToString("P2", c)))}; median share {Median(shares):P2} ({(Median(shares) <= 0.01 ? "met (≤ 1 %)" : "**missed** (> 1 %)")})"));
        Console.WriteLine(string.Create(c, $"Stale lock (500 INNG1021): EventSchemaLockAnalyzer median {Median(staleLockMs):F0} ms; share per round {string.Join(", ", staleShares.Select(s => s.ToString("P2", c)))}; median share {Median(staleShares):P2}"));
        return 0;
    }

    private static string ProjectFile(IEnumerable<string> references, string analyzer, string buildTransitive)
    {
        var builder = new StringBuilder();
        builder.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        builder.AppendLine($"  <Import Project=\"{buildTransitive}/Inngest.Events.props\" />");
        builder.AppendLine("  <PropertyGroup>");
        builder.AppendLine("    <TargetFramework>net10.0</TargetFramework>");
        builder.AppendLine("    <Nullable>enable</Nullable>");
        builder.AppendLine("    <LangVersion>latest</LangVersion>");
        builder.AppendLine("    <ImplicitUsings>disable</ImplicitUsings>");
        builder.AppendLine("    <GenerateDocumentationFile>false</GenerateDocumentationFile>");
        builder.AppendLine("  </PropertyGroup>");
        builder.AppendLine("  <ItemGroup>");
        // An Inngest app is usually an ASP.NET Core app; the shared framework also brings the runtime's DI and logging.
        builder.AppendLine("    <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />");
        foreach (var reference in references)
        {
            builder.AppendLine($"    <Reference Include=\"{reference}\" />");
        }

        builder.AppendLine($"    <Analyzer Include=\"{analyzer}\" />");
        builder.AppendLine("  </ItemGroup>");
        builder.AppendLine($"  <Import Project=\"{buildTransitive}/Inngest.Events.targets\" />");
        builder.AppendLine("</Project>");
        return builder.ToString();
    }

    private sealed record Result(double CscMs, double LockMs, double AllAnalyzersMs, string Findings);

    private static Result Build(string folder)
    {
        var output = Run(folder, "build", "Shop.csproj", "-c", "Release", "--no-restore", "--no-incremental", "-nodeReuse:false",
            "-p:ReportAnalyzer=true", "-p:ErrorLog=diagnostics.sarif", "-v:d", "-clp:PerformanceSummary");
        if (Environment.GetEnvironmentVariable("SCHEMA_LOCK_BUILD_LOG") is { Length: > 0 } log)
        {
            File.WriteAllText(log, output);
        }

        var csc = CscTask.Match(output);
        var lockTime = LockAnalyzer.Match(output);
        var total = TotalAnalyzers.Match(output);
        if (!csc.Success || !lockTime.Success || !total.Success)
        {
            throw new InvalidOperationException("The build's log has no Csc time or no EventSchemaLockAnalyzer time:\n" + Tail(output));
        }

        // Info diagnostics (INNG1021) are not in the console log; csc's SARIF log has every reported diagnostic.
        var findings = Regex.Matches(File.ReadAllText(Path.Combine(folder, "diagnostics.sarif")), @"""ruleId"":\s*""(INNG\d{4})""")
            .Select(m => m.Groups[1].Value)
            .GroupBy(id => id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count()}")
            .ToList();
        return new Result(
            double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture),
            Seconds(lockTime.Groups[1].Value) * 1000,
            double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) * 1000,
            findings.Count == 0 ? "none" : string.Join(", ", findings));
    }

    // csc writes "<0.001" for a time below its resolution.
    private static double Seconds(string text) => text.StartsWith('<') ? 0 : double.Parse(text, CultureInfo.InvariantCulture);

    private static string Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{Tail(output)}\n{error.Result}");
        }

        return output;
    }

    private static string Tail(string output) => output.Length > 6000 ? output[^6000..] : output;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
