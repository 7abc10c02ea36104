using BenchmarkDotNet.Attributes;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 6: the flow-control-heavy workload (<see cref="FlowControlWorkload"/>): 10,000 events through a per-tenant
/// throttle and concurrency limit, to the end. The outcome is checked once, in the setup (order, counts, throttle,
/// concurrency); the measured runs are the same workload unchecked. The mean is per event (one run of two steps).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineFlowControlBenchmarks
{
    public const int Events = 10_000;

    private readonly FlowControlWorkload workload = new(Events);

    [GlobalSetup]
    public void Setup() => workload.RunAsync(check: true).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Events, Description = "10,000 events through throttle + concurrency keys, per event")]
    public Task<int> ThrottleAndConcurrency() => workload.RunAsync(check: false);
}
