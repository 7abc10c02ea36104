using System.Reflection;
using Inngest.Events.Generators.Events;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// What a generator rerun after an edit did, from the driver's step tracking: which generated files changed (text
/// differs, or added or removed), and which of our named pipeline steps and output steps were not Cached/Unchanged.
/// </summary>
internal sealed record IncrementalRun(IReadOnlyList<string> ChangedFiles, int TotalFiles, IReadOnlyList<string> RerunSteps)
{
    /// <summary>Our generators' tracking names (Shared/TrackingNames), read by reflection so a new step is covered.</summary>
    private static readonly HashSet<string> OurStepNames = typeof(EventGenerator).Assembly
        .GetType("Inngest.Events.Generators.Shared.TrackingNames", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Reruns <paramref name="first"/> (a driver with step tracking that has run once) on <paramref name="after"/>.</summary>
    public static IncrementalRun Measure(GeneratorDriver first, Compilation after)
    {
        var second = first.RunGenerators(after);
        var old = Files(first);
        var now = Files(second);
        var changed = old.Keys.Union(now.Keys)
            .Where(h => !old.TryGetValue(h, out var a) || !now.TryGetValue(h, out var b) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();

        var rerun = new List<string>();
        foreach (var result in second.GetRunResult().Results)
        {
            var named = result.TrackedSteps.Where(s => OurStepNames.Contains(s.Key));
            foreach (var (name, runs) in named.Concat(result.TrackedOutputSteps))
            {
                int count = runs.SelectMany(r => r.Outputs).Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
                if (count > 0)
                {
                    rerun.Add($"{name} x{count}");
                }
            }
        }

        return new IncrementalRun(changed, now.Count, rerun);
    }

    private static Dictionary<string, string> Files(GeneratorDriver driver) => driver.GetRunResult().Results
        .SelectMany(r => r.GeneratedSources)
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    public override string ToString() => $"{ChangedFiles.Count} of {TotalFiles} files regenerated"
        + (RerunSteps.Count == 0 ? "; every step Cached/Unchanged" : $"; steps rerun: {string.Join(", ", RerunSteps)}");
}
