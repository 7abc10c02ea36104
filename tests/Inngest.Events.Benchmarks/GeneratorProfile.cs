using System.Globalization;
using Inngest.Events.Benchmarks.Workloads;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 1, where the time goes: <c>-- generator-profile [events] [runs]</c> reruns each generator after the unrelated
/// edit and after the one-event edit (as <see cref="GeneratorBenchmarks"/> does, default 500 events, 5 runs after a
/// warm-up) with step tracking on, and prints the median time per generator (<c>GetTimingInfo</c>) and the steps that
/// took longest (<c>IncrementalGeneratorRunStep.ElapsedTime</c>, summed over a step's runs).
/// </summary>
internal static class GeneratorProfile
{
    public static int Print(int events, int runs)
    {
        var workload = GeneratorWorkload.Get(events);
        var c = CultureInfo.InvariantCulture;
        foreach (var (name, edit) in new (string, Func<Compilation>)[] { ("unrelated edit", workload.WithUnrelatedEdit), ("function body edited", workload.WithFunctionBodyEdited), ("one event edited", workload.WithOneEventEdited) })
        {
            foreach (var (label, generators) in new (string, Func<ISourceGenerator[]>)[] { ("Inngest", Compilations.OurGenerators), ("System.Text.Json", Compilations.JsonGenerator) })
            {
                var first = Compilations.CreateDriver(generators(), track: true).RunGenerators(workload.Compilation.Clone());
                var total = new List<double>();
                var perGenerator = new Dictionary<string, List<double>>();
                var perStep = new Dictionary<string, List<double>>();
                for (int run = -1; run < runs; run++)
                {
                    var second = first.RunGenerators(edit());
                    if (run < 0)
                    {
                        continue;
                    }

                    var timing = second.GetTimingInfo();
                    total.Add(timing.ElapsedTime.TotalMilliseconds);
                    foreach (var g in timing.GeneratorTimes)
                    {
                        Add(perGenerator, g.Generator.GetGeneratorType().Name, g.ElapsedTime.TotalMilliseconds);
                    }

                    foreach (var result in second.GetRunResult().Results)
                    {
                        foreach (var (step, stepRuns) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
                        {
                            Add(perStep, $"{result.Generator.GetGeneratorType().Name}/{step}", stepRuns.Sum(r => r.ElapsedTime.TotalMilliseconds));
                        }
                    }
                }

                Console.WriteLine(string.Create(c, $"{label}, {name}, {events} events: driver {Median(total):F2} ms (median of {runs})"));
                foreach (var (generator, times) in perGenerator)
                {
                    Console.WriteLine(string.Create(c, $"  {generator}: {Median(times):F2} ms"));
                }

                foreach (var (step, times) in perStep.Select(p => (p.Key, Median(p.Value))).OrderByDescending(p => p.Item2).Take(6).Select(p => (p.Key, p.Item2)))
                {
                    Console.WriteLine(string.Create(c, $"    step {step}: {times:F2} ms"));
                }
            }
        }

        return 0;
    }

    private static void Add(Dictionary<string, List<double>> into, string key, double value)
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = [];
        }

        list.Add(value);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
