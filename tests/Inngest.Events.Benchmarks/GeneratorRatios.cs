using System.Diagnostics;
using System.Globalization;
using Inngest.Events.Benchmarks.Workloads;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 1 on a shared, loaded machine: <c>-- generator-ratios [events] [rounds]</c> measures our generators and
/// System.Text.Json's on the same scenarios as <see cref="GeneratorBenchmarks"/>, interleaved (ours, then STJ, then
/// the next scenario, round after round), so both sides of each ratio run seconds apart under the same load. Prints
/// per scenario the median time of each side and the median of the per-round ratios. Cold runs use new generator
/// instances on a clone of the compilation (nothing bound, nothing memoized); the incremental runs rerun a driver
/// that has run once on the project.
/// </summary>
internal static class GeneratorRatios
{
    public static int Print(int events, int rounds)
    {
        var workload = GeneratorWorkload.Get(events);
        var ours = Compilations.CreateDriver(Compilations.OurGenerators(), track: false).RunGenerators(workload.Compilation.Clone());
        var json = Compilations.CreateDriver(Compilations.JsonGenerator(), track: false).RunGenerators(workload.Compilation.Clone());
        var scenarios = new (string Name, Func<GeneratorDriver> Ours, Func<GeneratorDriver> Json)[]
        {
            ("cold", () => Compilations.CreateDriver(Compilations.OurGenerators(), track: false).RunGenerators(workload.Compilation.Clone()),
                () => Compilations.CreateDriver(Compilations.JsonGenerator(), track: false).RunGenerators(workload.Compilation.Clone())),
            ("unrelated edit", () => ours.RunGenerators(workload.WithUnrelatedEdit()), () => json.RunGenerators(workload.WithUnrelatedEdit())),
            ("function body edited", () => ours.RunGenerators(workload.WithFunctionBodyEdited()), () => json.RunGenerators(workload.WithFunctionBodyEdited())),
            ("one event edited", () => ours.RunGenerators(workload.WithOneEventEdited()), () => json.RunGenerators(workload.WithOneEventEdited())),
        };

        var times = scenarios.ToDictionary(s => s.Name, _ => (Ours: new List<double>(), Json: new List<double>()));
        for (int round = -1; round < rounds; round++)
        {
            foreach (var (name, runOurs, runJson) in scenarios)
            {
                double o = Time(runOurs);
                double j = Time(runJson);
                if (round >= 0)
                {
                    times[name].Ours.Add(o);
                    times[name].Json.Add(j);
                }
            }
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{events} events, {rounds} interleaved rounds after one warm-up round"));
        Console.WriteLine("| Edit | System.Text.Json generator (median) | Inngest generators (median) | Ratio (median of per-round ratios) | Per-round ratios |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (name, (o, j)) in times)
        {
            var ratios = o.Zip(j, (a, b) => a / b).ToList();
            Console.WriteLine(string.Create(c, $"| {name} | {Median(j):F0} ms | {Median(o):F0} ms | **{Median(ratios):F2}** | {string.Join(", ", ratios.Select(r => r.ToString("F2", c)))} |"));
        }

        return 0;
    }

    private static double Time(Func<GeneratorDriver> run)
    {
        var stopwatch = Stopwatch.StartNew();
        run();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
