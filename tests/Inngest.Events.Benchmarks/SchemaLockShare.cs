using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Inngest.Events.Benchmarks.Workloads;
using Inngest.Events.Generators.SchemaLock;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 2, the event schema lock: <c>-- schema-lock-share [runs]</c> checks table 2's 500-event project against its
/// <c>inngest-events.lock.json</c> with <see cref="EventSchemaLockAnalyzer"/> alone, on fresh clones, single-threaded,
/// and prints the analyzer's execution time (telemetry) as a share of the compile time: once with a lock that matches
/// (the usual build) and once with a lock in which every event differs compatibly (every schema compared member by
/// member, 500 INNG1021). It also times compile + the lock analyzer (<c>GetAllDiagnosticsAsync</c>) against the compile
/// alone. The lock is written the way the update command writes it, by <see cref="EventSchemaLockGenerator"/>.
/// </summary>
internal static class SchemaLockShare
{
    public static int Print(int runs)
    {
        var workload = AnalyzerWorkload.Instance;
        var current = LockOf(workload.Compilation);

        var stale = StaleLock();
        Console.WriteLine($"{AnalyzerWorkload.Files} files; lock {current.Length / 1024} KiB; findings with the current lock: {Findings(workload, current)}; with the stale lock: {Findings(workload, stale)}");

        var compile = new List<double>();
        var withLock = new List<double>();
        var upToDate = new List<double>();
        var outOfDate = new List<double>();
        var upToDateAfter = new List<double>();
        var outOfDateAfter = new List<double>();
        for (int round = -1; round < runs; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            workload.Fresh().GetDiagnostics();
            double compileMs = stopwatch.Elapsed.TotalMilliseconds;

            stopwatch.Restart();
            With(workload.Fresh(), current).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            double bothMs = stopwatch.Elapsed.TotalMilliseconds;

            double upToDateMs = ExecutionTime(workload, current);
            double outOfDateMs = ExecutionTime(workload, stale);
            double upToDateAfterMs = ExecutionTime(workload, current, afterCompile: true);
            double outOfDateAfterMs = ExecutionTime(workload, stale, afterCompile: true);
            if (round < 0)
            {
                continue;
            }

            compile.Add(compileMs);
            withLock.Add(bothMs);
            upToDate.Add(upToDateMs);
            outOfDate.Add(outOfDateMs);
            upToDateAfter.Add(upToDateAfterMs);
            outOfDateAfter.Add(outOfDateAfterMs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: compile {compileMs:F0} ms, compile + lock analyzer {bothMs:F0} ms; lock analyzer {upToDateMs:F1} ms (lock up to date), {outOfDateMs:F1} ms (every event changed) on a fresh compilation; {upToDateAfterMs:F1} ms and {outOfDateAfterMs:F1} ms after the compile"));
        }

        var c = CultureInfo.InvariantCulture;
        double compileMedian = Median(compile);
        Console.WriteLine();
        Console.WriteLine("| Lock | Analyzer run on | EventSchemaLockAnalyzer (telemetry, median) | Share of compile time | Target |");
        Console.WriteLine("|---|---|---:|---:|---|");
        foreach (var (name, on, values) in new[]
        {
            ("up to date (500 events)", "a fresh compilation (binds what it reads)", upToDate),
            ("every event changed (500 INNG1021)", "a fresh compilation (binds what it reads)", outOfDate),
            ("up to date (500 events)", "a clone of a compiled compilation", upToDateAfter),
            ("every event changed (500 INNG1021)", "a clone of a compiled compilation", outOfDateAfter),
        })
        {
            double share = Median(values) / compileMedian;
            Console.WriteLine(string.Create(c, $"| {name} | {on} | {Median(values):F1} ms | {share:P2} | {(share <= 0.01 ? "met (≤ 1 %)" : "**missed** (> 1 %)")} |"));
        }

        Console.WriteLine(string.Create(c, $"Compile: median {compileMedian:F0} ms; compile + lock analyzer (GetAllDiagnosticsAsync): median {Median(withLock):F0} ms ({Median(withLock) / compileMedian - 1:P1} over the compile)"));
        return 0;
    }

    /// <summary>
    /// <c>-- schema-lock-profile [runs] [stale]</c>: runs the lock analyzer alone <paramref name="runs"/> times on one
    /// compiled compilation (the up-to-date lock, or with <c>stale</c> the lock in which every event changed) and prints
    /// each run's telemetry; meant to run under <c>dotnet-trace collect</c>, where nothing else but the analyzer's runs
    /// (and the driver's binding for them) is on the stacks after the set-up.
    /// </summary>
    public static int Profile(int runs, bool stale)
    {
        var workload = AnalyzerWorkload.Instance;
        var compilation = workload.Fresh();
        string lockText;
        if (stale)
        {
            lockText = StaleLock();
        }
        else
        {
            lockText = LockOf(compilation);
        }

        compilation.GetDiagnostics();
        var times = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            var analyzers = With(compilation, lockText);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var found = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            double ms = analyzers.GetAnalyzerTelemetryInfoAsync(analyzers.Analyzers[0], CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
            times.Add(ms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: {ms:F1} ms, {found.Length} findings; the whole call: {allocated / 1024.0 / 1024.0:F1} MiB allocated, {cpu.TotalMilliseconds:F0} ms CPU"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {Median(times):F1} ms"));
        return 0;
    }

    /// <summary>
    /// A lock written when every event's Total was an int: each event of the project now differs (a widened type),
    /// compatibly (500 INNG1021).
    /// </summary>
    internal static string StaleLock()
    {
        var trees = Enumerable.Range(0, AnalyzerWorkload.Files)
            .Select(i => Compilations.Parse(AnalyzerProjectSources.File(i, AnalyzerWorkload.Files).Replace("decimal Total,", "int Total,", StringComparison.Ordinal), $"Orders/Order{i}.cs"));
        return LockOf(Compilations.Compile(trees, concurrentBuild: false));
    }

    /// <summary>The lock text the update command would write for <paramref name="compilation"/>.</summary>
    internal static string LockOf(Compilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create([new EventSchemaLockGenerator().AsSourceGenerator()], [], Compilations.ParseOptions, new Options(updating: true));
        var source = driver.RunGenerators(compilation).GetRunResult().Results[0].GeneratedSources.Single().SourceText.ToString();
        var start = source.IndexOf(EventSchemaLockGenerator.BeginMarker, StringComparison.Ordinal) + EventSchemaLockGenerator.BeginMarker.Length + 1;
        return source[start..source.LastIndexOf(EventSchemaLockGenerator.EndMarker, StringComparison.Ordinal)];
    }

    private static CompilationWithAnalyzers With(Compilation compilation, string lockText) => compilation.WithAnalyzers(
        [new EventSchemaLockAnalyzer()],
        new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([new LockText("/project/inngest-events.lock.json", lockText)], new Options(updating: false)),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

    private static double ExecutionTime(AnalyzerWorkload workload, string lockText, bool afterCompile = false)
    {
        var fresh = workload.Fresh();
        if (afterCompile)
        {
            // Meant as what a build adds (the compiler having bound what the analyzer reads), but CompilationWithAnalyzers
            // analyzes its own copy of the compilation (WithEventQueue), so the analyzer binds again here too; the rows
            // differ only by when they run. A command-line build runs compile and analyzers on one compilation.
            fresh.GetDiagnostics();
        }

        var analyzers = With(fresh, lockText);
        analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return analyzers.GetAnalyzerTelemetryInfoAsync(analyzers.Analyzers[0], CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
    }

    private static string Findings(AnalyzerWorkload workload, string lockText)
    {
        var found = With(workload.Fresh(), lockText).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return found.IsEmpty ? "none" : string.Join(", ", found.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class LockText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Analyzer options with <c>build_property.InngestUpdateEventsLock</c> set or not.</summary>
    private sealed class Options(bool updating) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _global = new(updating);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.None;

        private sealed class Values(bool updating) : AnalyzerConfigOptions
        {
            public static readonly Values None = new(false);

            public override bool TryGetValue(string key, out string value)
            {
                value = "true";
                return updating && key == "build_property.InngestUpdateEventsLock";
            }
        }
    }
}
