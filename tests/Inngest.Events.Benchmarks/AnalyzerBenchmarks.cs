using BenchmarkDotNet.Attributes;
using Inngest.Events.Benchmarks.Workloads;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 2, wall-clock view: the 500-file project compiled (<c>GetDiagnostics</c> on a fresh clone: declarations and
/// every method body bound) against the same plus all our analyzers (<c>CompilationWithAnalyzers.GetAllDiagnosticsAsync</c>,
/// which binds the same code and runs the analyzers on it). Both single-threaded. The per-analyzer share from the
/// analyzers' own execution-time telemetry is printed by <c>-- analyzer-share</c> (<see cref="AnalyzerShare"/>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalyzerBenchmarks
{
    private AnalyzerWorkload workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        workload = AnalyzerWorkload.Instance;
        Console.WriteLine($"// {AnalyzerWorkload.Files} files, {workload.Analyzers.Length} analyzers: {workload.Check()}");
    }

    [Benchmark(Baseline = true, Description = "compile (GetDiagnostics)")]
    public int Compile() => workload.Fresh().GetDiagnostics().Length;

    [Benchmark(Description = "compile + do-nothing analyzer (same action kinds)")]
    public int CompileWithBaseline() => workload.WithBaseline(workload.Fresh()).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark(Description = "compile + all analyzers")]
    public int CompileWithAnalyzers() => workload.WithAnalyzers(workload.Fresh()).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}
