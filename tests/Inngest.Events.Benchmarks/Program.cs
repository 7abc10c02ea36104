using BenchmarkDotNet.Running;

namespace Inngest.Events.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        // `-- retained [N] [memory|sqlite]` prints the memory retained per run parked in WaitForEventAsync (table 6).
        if (args.Length > 0 && args[0] == "retained")
        {
            int n = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
            string store = args.Length > 2 ? args[2] : EngineStores.Memory;
            return EngineWaitMemory.PrintRetained(n, store).GetAwaiter().GetResult();
        }

        // `-- flow-control [events]` runs the flow-control workload once, checked and timed (table 6).
        if (args.Length > 0 && args[0] == "flow-control")
        {
            int events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : FlowControlWorkload.Tenants * 1_000;
            return FlowControlWorkload.PrintAsync(events).GetAwaiter().GetResult();
        }

        // `-- fanout-cpu [rounds] [memory|sqlite]` runs the fan-out workload and prints wall and CPU time per event (table 6).
        if (args.Length > 0 && args[0] == "fanout-cpu")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
            string store = args.Length > 2 ? args[2] : EngineStores.Memory;
            return FanOutCpu.PrintAsync(rounds, store).GetAwaiter().GetResult();
        }

        // `-- schema-lock-share [runs]` prints the event schema lock analyzer's time as a share of the compile time (table 2).
        if (args.Length > 0 && args[0] == "schema-lock-share")
        {
            return SchemaLockShare.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
        }

        // `-- schema-lock-build [runs]` builds the 500-event project with `dotnet build` and reads csc's per-analyzer report (table 2).
        if (args.Length > 0 && args[0] == "schema-lock-build")
        {
            return SchemaLockBuild.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
        }

        // `-- schema-lock-profile [runs] [stale]` runs the lock analyzer alone, repeatedly, for a profiler (table 2).
        if (args.Length > 0 && args[0] == "schema-lock-profile")
        {
            return SchemaLockShare.Profile(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Contains("stale"));
        }

        // `-- analyzer-share [runs]` prints each analyzer's execution time as a share of the compile time (table 2).
        if (args.Length > 0 && args[0] == "analyzer-share")
        {
            int runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9;
            return AnalyzerShare.Print(runs);
        }

        // `-- generator-profile [events] [runs]` prints where an incremental generator run spends its time (table 1).
        if (args.Length > 0 && args[0] == "generator-profile")
        {
            int events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
            int runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
            return GeneratorProfile.Print(events, runs);
        }

        // `-- generator-cold [events] [runs] [ours|json] [steps] [prebuilt] [dump=DIR]` runs one side's cold run repeatedly, for profilers (table 1).
        if (args.Length > 0 && args[0] == "generator-cold")
        {
            int events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
            int runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
            string side = args.Length > 3 ? args[3] : "ours";
            string? dump = args.Skip(4).FirstOrDefault(static a => a.StartsWith("dump=", StringComparison.Ordinal))?["dump=".Length..];
            return GeneratorColdProfile.Print(events, runs, side, steps: args.Skip(4).Contains("steps"), prebuilt: args.Skip(4).Contains("prebuilt"), dump);
        }

        // `-- generator-ratios [events] [rounds]` measures table 1's scenarios interleaved, ours against System.Text.Json's.
        if (args.Length > 0 && args[0] == "generator-ratios")
        {
            int events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500;
            int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7;
            return GeneratorRatios.Print(events, rounds);
        }

        // Non-zero when a benchmark failed or a filter matched nothing, so the CI smoke notices a broken benchmark.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool filtered = args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f");
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
            || (filtered && summaries.Length == 0);
        return failed ? 1 : 0;
    }
}
