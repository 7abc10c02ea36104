namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// <c>INNGEST_BENCH_SMOKE=1</c>, set by <c>.ci/run</c> for its dry run: every benchmark still sets up and runs once, but
/// the generator table only at its smallest size (its 2,000-event cases take minutes even once, and prove nothing the
/// 100-event case does not about whether the benchmark works). Never set when measuring.
/// </summary>
internal static class Smoke
{
    public static bool IsOn => Environment.GetEnvironmentVariable("INNGEST_BENCH_SMOKE") == "1";
}
