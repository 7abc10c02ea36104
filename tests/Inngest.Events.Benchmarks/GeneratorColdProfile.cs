using System.Diagnostics;
using System.Globalization;
using Inngest.Events.Benchmarks.Workloads;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 1's cold row, one side at a time, for profilers: <c>-- generator-cold [events] [runs] [ours|json] [steps] [prebuilt] [dump=DIR]</c>
/// builds the workload, runs the chosen generators cold once as a warm-up (JIT), then <c>runs</c> more times (new
/// generator instances and a new driver on a fresh <see cref="Compilation.Clone"/>, as <see cref="GeneratorBenchmarks"/>
/// does) and prints each run's time. With <c>steps</c> the driver tracks steps and the median time of each named step
/// is printed too (tracking adds its own cost). Run under <c>valgrind --tool=callgrind</c> with 0 and with N runs, the
/// difference of the instruction totals is N cold runs, whatever the machine's load (see docs/benchmarks.md). With
/// <c>dump=DIR</c> the warm-up run's files are written to DIR.
/// </summary>
internal static class GeneratorColdProfile
{
    public static int Print(int events, int runs, string side, bool steps, bool prebuilt = false, string? dump = null)
    {
        var workload = GeneratorWorkload.Get(events);
        Func<ISourceGenerator[]> generators = side switch
        {
            "ours" => Compilations.OurGenerators,
            "json" => Compilations.JsonGenerator,
            _ => throw new ArgumentException($"Unknown side '{side}': expected 'ours' or 'json'.", nameof(side)),
        };

        var c = CultureInfo.InvariantCulture;
        var perStep = new Dictionary<string, List<double>>();
        var totals = new List<double>();
        var cpus = new List<double>();
        for (int run = -1; run < runs; run++)
        {
            var compilation = workload.Compilation.Clone();
            if (prebuilt)
            {
                var declarations = Stopwatch.StartNew();
                BuildDeclarations(compilation.Assembly.GlobalNamespace);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"declarations built in {declarations.Elapsed.TotalMilliseconds:F1} ms"));
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            int gen0Before = GC.CollectionCount(0), gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
            var stopwatch = Stopwatch.StartNew();
            var driver = Compilations.CreateDriver(generators(), track: steps).RunGenerators(compilation);
            double elapsed = stopwatch.Elapsed.TotalMilliseconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            double allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
            double pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            string collections = string.Create(c, $"{GC.CollectionCount(0) - gen0Before}/{GC.CollectionCount(1) - gen1Before}/{GC.CollectionCount(2) - gen2Before}");
            if (run < 0)
            {
                var trees = driver.GetRunResult().GeneratedTrees;
                long chars = trees.Sum(static t => (long)t.GetText().Length);
                if (dump is not null)
                {
                    // The generated files, to compare two builds' text (it must be identical when only speed changed).
                    Directory.CreateDirectory(dump);
                    foreach (var tree in trees)
                    {
                        File.WriteAllText(Path.Combine(dump, Path.GetFileName(tree.FilePath)), tree.GetText().ToString());
                    }
                }

                Console.WriteLine(string.Create(c, $"warm-up: {elapsed:F1} ms (CPU {cpu:F1} ms), {trees.Length} files, {chars / 1024.0:F0} K characters"));
                continue;
            }

            totals.Add(elapsed);
            cpus.Add(cpu);
            Console.WriteLine(string.Create(c, $"run {run + 1}: {elapsed:F1} ms (CPU {cpu:F1} ms, {allocated:F1} MB allocated, GC pauses {pause:F1} ms, gen0/1/2 collections {collections})"));
            if (steps)
            {
                foreach (var result in driver.GetRunResult().Results)
                {
                    foreach (var (step, stepRuns) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
                    {
                        string key = $"{result.Generator.GetGeneratorType().Name}/{step}";
                        if (!perStep.TryGetValue(key, out var list))
                        {
                            perStep[key] = list = [];
                        }

                        list.Add(stepRuns.Sum(r => r.ElapsedTime.TotalMilliseconds));
                    }
                }
            }
        }

        if (totals.Count > 0)
        {
            Console.WriteLine(string.Create(c, $"{side}, cold, {events} events: median {Median(totals):F1} ms (CPU, all threads: {Median(cpus):F1} ms) of {runs}"));
        }

        foreach (var (step, time) in perStep.Select(p => (p.Key, Median(p.Value))).OrderByDescending(p => p.Item2))
        {
            Console.WriteLine(string.Create(c, $"  step {step}: {time:F1} ms"));
        }

        return 0;
    }

    /// <summary>
    /// With <c>prebuilt</c>, every source type's members (synthesized record members included) and their types are
    /// built before the clock starts: what a generator run would cost if it did not make Roslyn build declarations,
    /// an upper bound on what reading record shapes from their declarations could save (table 1's cold analysis).
    /// </summary>
    private static void BuildDeclarations(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                BuildDeclarations(child);
            }
            else if (member is INamedTypeSymbol { Locations: [{ IsInSource: true }, ..] } type)
            {
                foreach (var typeMember in type.GetMembers())
                {
                    _ = typeMember switch
                    {
                        IPropertySymbol property => property.Type,
                        IFieldSymbol field => field.Type,
                        IMethodSymbol method => method.ReturnType,
                        _ => null,
                    };
                    _ = typeMember.GetAttributes();
                }

                _ = type.GetAttributes();
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
