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

        // Each incremental scenario has its own drivers (and generator instances): our generators remember what the
        // last run found, and a host reruns after the previous edit, not after another scenario's.
        GeneratorDriver First(Func<ISourceGenerator[]> generators) => Compilations.CreateDriver(generators(), track: false).RunGenerators(workload.Compilation.Clone());
        (Func<GeneratorDriver>, Func<GeneratorDriver>) Rerun(Func<Compilation> edit)
        {
            var ours = First(Compilations.OurGenerators);
            var json = First(Compilations.JsonGenerator);
            return (() => ours.RunGenerators(edit()), () => json.RunGenerators(edit()));
        }

        var unrelated = Rerun(workload.WithUnrelatedEdit);
        var functionBody = Rerun(workload.WithFunctionBodyEdited);
        var oneEvent = Rerun(workload.WithOneEventEdited);
        var scenarios = new (string Name, Func<GeneratorDriver> Ours, Func<GeneratorDriver> Json)[]
        {
            ("cold", () => First(Compilations.OurGenerators), () => First(Compilations.JsonGenerator)),
            ("unrelated edit", unrelated.Item1, unrelated.Item2),
            ("function body edited", functionBody.Item1, functionBody.Item2),
            ("one event edited", oneEvent.Item1, oneEvent.Item2),
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
