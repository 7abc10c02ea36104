using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Inngest.Events.Benchmarks.Workloads;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 1: our EventGenerator + FunctionGenerator against System.Text.Json's source generator (a
/// <c>JsonSerializerContext</c> with a <c>[JsonSerializable]</c> per event) on the same project, driven by
/// <c>CSharpGeneratorDriver</c>. <b>cold</b>: a new driver on a fresh clone of the compilation (nothing bound is
/// reused; metadata references are). <b>unrelated edit</b> (a method body in a file without events or functions),
/// <b>one event edited</b> and <b>function body edited</b> (a keystroke in one function's step lambda): a driver that
/// has run on the project reruns on a fresh compilation with one syntax tree replaced. GlobalSetup fails unless the generated code
/// compiles (checked at 100 and 500 events), an unrelated edit leaves every one of our steps Cached/Unchanged and regenerates nothing, and editing an
/// event regenerates that event's file only; the <c>Regenerated</c> column shows what each rerun regenerated.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private const string Cold = "cold";
    private const string Unrelated = "unrelated edit";
    private const string OneEvent = "one event edited";
    private const string FunctionBody = "function body edited";

    private GeneratorWorkload workload = null!;
    private GeneratorDriver oursAfterFirstRun = null!;
    private GeneratorDriver jsonAfterFirstRun = null!;

    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    /// <summary>100, 500 and 2,000 events; only 100 in the CI smoke (<see cref="Smoke"/>).</summary>
    public static IEnumerable<int> Sizes => Smoke.IsOn ? [100] : [100, 500, 2000];

    [GlobalSetup(Targets = [nameof(JsonCold), nameof(OursCold)])]
    public void SetupCold() => workload = CompilingWorkload(Events);

    [GlobalSetup(Targets = [nameof(OursUnrelatedEdit), nameof(OursOneEventEdited), nameof(OursFunctionBodyEdited)])]
    public void SetupOursIncremental()
    {
        workload = CheckedWorkload(Events);
        oursAfterFirstRun = Compilations.CreateDriver(Compilations.OurGenerators(), track: false).RunGenerators(workload.Compilation.Clone());
    }

    [GlobalSetup(Targets = [nameof(JsonUnrelatedEdit), nameof(JsonOneEventEdited), nameof(JsonFunctionBodyEdited)])]
    public void SetupJsonIncremental()
    {
        workload = CheckedWorkload(Events);
        jsonAfterFirstRun = Compilations.CreateDriver(Compilations.JsonGenerator(), track: false).RunGenerators(workload.Compilation.Clone());
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json generator")]
    [BenchmarkCategory(Cold)]
    public GeneratorDriver JsonCold() => Compilations.CreateDriver(Compilations.JsonGenerator(), track: false).RunGenerators(workload.Compilation.Clone());

    [Benchmark(Description = "Inngest generators")]
    [BenchmarkCategory(Cold)]
    public GeneratorDriver OursCold() => Compilations.CreateDriver(Compilations.OurGenerators(), track: false).RunGenerators(workload.Compilation.Clone());

    [Benchmark(Baseline = true, Description = "System.Text.Json generator")]
    [BenchmarkCategory(Unrelated)]
    public GeneratorDriver JsonUnrelatedEdit() => jsonAfterFirstRun.RunGenerators(workload.WithUnrelatedEdit());

    [Benchmark(Description = "Inngest generators")]
    [BenchmarkCategory(Unrelated)]
    public GeneratorDriver OursUnrelatedEdit() => oursAfterFirstRun.RunGenerators(workload.WithUnrelatedEdit());

    [Benchmark(Baseline = true, Description = "System.Text.Json generator")]
    [BenchmarkCategory(OneEvent)]
    public GeneratorDriver JsonOneEventEdited() => jsonAfterFirstRun.RunGenerators(workload.WithOneEventEdited());

    [Benchmark(Description = "Inngest generators")]
    [BenchmarkCategory(OneEvent)]
    public GeneratorDriver OursOneEventEdited() => oursAfterFirstRun.RunGenerators(workload.WithOneEventEdited());

    [Benchmark(Baseline = true, Description = "System.Text.Json generator")]
    [BenchmarkCategory(FunctionBody)]
    public GeneratorDriver JsonFunctionBodyEdited() => jsonAfterFirstRun.RunGenerators(workload.WithFunctionBodyEdited());

    [Benchmark(Description = "Inngest generators")]
    [BenchmarkCategory(FunctionBody)]
    public GeneratorDriver OursFunctionBodyEdited() => oursAfterFirstRun.RunGenerators(workload.WithFunctionBodyEdited());

    private static readonly ConcurrentDictionary<int, Lazy<GeneratorWorkload>> Compiling = new();
    private static readonly ConcurrentDictionary<int, Lazy<GeneratorWorkload>> Checked = new();

    /// <summary>
    /// The workload; at up to 500 events also checked to compile after generation (the sources are the same at every size,
    /// and compiling 2,000 events' output on a loaded machine would push a case past the in-process toolchain's
    /// 5-minute limit in the CI smoke).
    /// </summary>
    private static GeneratorWorkload CompilingWorkload(int events) => Compiling.GetOrAdd(events, n => new Lazy<GeneratorWorkload>(() =>
    {
        var workload = GeneratorWorkload.Get(n);
        if (n <= 500)
        {
            workload.CheckGeneratedCodeCompiles();
        }

        return workload;
    })).Value;
    private static readonly ConcurrentDictionary<(int, string, bool), Lazy<IncrementalRun>> Reruns = new();
    private static readonly ConcurrentDictionary<(int, bool), Lazy<GeneratorDriver>> FirstRuns = new();

    /// <summary>
    /// The workload, checked once per size and process: an unrelated edit regenerates nothing and reruns none of our
    /// steps, and editing an unused event regenerates that event's file only.
    /// </summary>
    private static GeneratorWorkload CheckedWorkload(int events) => Checked.GetOrAdd(events, n => new Lazy<GeneratorWorkload>(() =>
    {
        var workload = GeneratorWorkload.Get(n);
        var unrelated = Regenerated(n, Unrelated, ours: true);
        if (unrelated.ChangedFiles.Count != 0 || unrelated.RerunSteps.Count != 0)
        {
            throw new InvalidOperationException($"After an unrelated edit ({n} events): {unrelated}.");
        }

        var oneEvent = Regenerated(n, OneEvent, ours: true);
        if (oneEvent.ChangedFiles.Count != 1 || !oneEvent.ChangedFiles[0].Contains(workload.EditedEventTypeName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"After editing {workload.EditedEventTypeName} ({n} events): {oneEvent} ({string.Join(", ", oneEvent.ChangedFiles)}).");
        }

        var functionBody = Regenerated(n, FunctionBody, ours: true);
        if (functionBody.ChangedFiles.Count != 0 || functionBody.RerunSteps.Count != 0)
        {
            throw new InvalidOperationException($"After a keystroke in a step lambda ({n} events): {functionBody}.");
        }

        Console.WriteLine($"// {n} events, ours: unrelated edit: {unrelated}; one event edited: {oneEvent}; function body edited: {functionBody}.");
        return workload;
    })).Value;

    /// <summary>What a rerun after the category's edit regenerated (computed once per size, category and generator).</summary>
    private static IncrementalRun Regenerated(int events, string category, bool ours) => Reruns.GetOrAdd((events, category, ours), key => new Lazy<IncrementalRun>(() =>
    {
        var workload = GeneratorWorkload.Get(key.Item1);
        var after = key.Item2 switch
        {
            Unrelated => workload.WithUnrelatedEdit(),
            FunctionBody => workload.WithFunctionBodyEdited(),
            _ => workload.WithOneEventEdited(),
        };
        return IncrementalRun.Measure(FirstRun(key.Item1, key.Item3), after);
    })).Value;

    /// <summary>A driver with step tracking after its first run on the project, shared by both edits.</summary>
    private static GeneratorDriver FirstRun(int events, bool ours) => FirstRuns.GetOrAdd((events, ours), key => new Lazy<GeneratorDriver>(() =>
        Compilations.CreateDriver(key.Item2 ? Compilations.OurGenerators() : Compilations.JsonGenerator(), track: true)
            .RunGenerators(GeneratorWorkload.Get(key.Item1).Compilation.Clone()))).Value;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new TextColumn(
            "Regenerated",
            "Generated files whose text changed after the edit, of all generated files; steps that were not Cached/Unchanged",
            isNumeric: false,
            RegeneratedText));
    }

    /// <summary>For the incremental rows: files regenerated of all generated, and whether any of our steps reran.</summary>
    private static string RegeneratedText(Summary summary, BenchmarkCase benchmarkCase)
    {
        string category = benchmarkCase.Descriptor.Categories.FirstOrDefault() ?? Cold;
        if (category == Cold || benchmarkCase.Parameters["Events"] is not int events)
        {
            return "-";
        }

        bool ours = !benchmarkCase.Descriptor.WorkloadMethod.Name.StartsWith("Json", StringComparison.Ordinal);
        var run = Regenerated(events, category, ours);
        string steps = !ours ? string.Empty : run.RerunSteps.Count == 0 ? ", all steps cached" : $", reran {string.Join(" ", run.RerunSteps)}";
        return $"{run.ChangedFiles.Count}/{run.TotalFiles}{steps}";
    }
}
