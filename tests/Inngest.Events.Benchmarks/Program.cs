using BenchmarkDotNet.Running;

namespace Inngest.Events.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        // `-- retained [N]` prints the memory retained per run parked in WaitForEventAsync (table 6, second half).
        if (args.Length > 0 && args[0] == "retained")
        {
            int n = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
            return EngineWaitMemory.PrintRetained(n).GetAwaiter().GetResult();
        }

        // Non-zero when a benchmark failed or a filter matched nothing, so the CI smoke notices a broken benchmark.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool filtered = args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f");
        bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success))
            || (filtered && summaries.Length == 0);
        return failed ? 1 : 0;
    }
}
