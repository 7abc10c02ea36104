using BenchmarkDotNet.Attributes;
using Inngest.Events.Engine;

namespace Inngest.Events.Benchmarks;

[Event("bench/order.placed")]
public sealed partial record OrderPlaced(string OrderId, int Amount);

[Event("bench/payment.received")]
public sealed partial record PaymentReceived(string OrderId, int Amount);

internal static class EngineFunctions
{
    public static InngestFunctionDefinition TwoSteps(string id) => new()
    {
        Id = id,
        Triggers = [FunctionTrigger.ForEvent(OrderPlaced.EventName)],
        Handler = async invocation =>
        {
            int a = await invocation.Steps.RunAsync("a", () => 1);
            int b = await invocation.Steps.RunAsync("b", () => a + 1);
            return invocation.SerializeResult(b);
        },
    };

    public static InngestFunctionDefinition AwaitPayment() => new()
    {
        Id = "await-payment",
        Triggers = [FunctionTrigger.ForEvent(OrderPlaced.EventName)],
        Handler = async invocation =>
        {
            var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
            return invocation.SerializeResult(payment?.Data.Amount ?? -1);
        },
    };
}

/// <summary>
/// Table 6: fan-out, 1 event → 3 functions × 2 steps, on each store. Each invocation sends <see cref="Events"/> events
/// into a fresh engine (for SQLite: on a new database file, WAL, group commits) and runs it until idle; the mean is per
/// event (6 completed steps), so steps/s = 6 / mean.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineFanOutBenchmarks
{
    public const int Events = 100;

    private OrderPlaced[] orders = null!;

    [Params(EngineStores.Memory, EngineStores.Sqlite)]
    public string Store { get; set; } = EngineStores.Memory;

    [GlobalSetup]
    public void Setup() => orders = Enumerable.Range(0, Events).Select(i => new OrderPlaced($"o{i}", i)).ToArray();

    [Benchmark(OperationsPerInvoke = Events, Description = "fan-out per event (6 steps)")]
    public async Task<int> FanOut()
    {
        using var folder = new BenchmarkFolder();
        await using var engine = new InngestEngine(
            new InngestFunctionRegistry([EngineFunctions.TwoSteps("email"), EngineFunctions.TwoSteps("invoice"), EngineFunctions.TwoSteps("analytics")]),
            EngineStores.Options(Store, folder, new InngestEngineOptions { RunInBackground = false }));
        foreach (var order in orders)
        {
            await engine.SendAsync(order);
        }

        await engine.RunUntilIdleAsync();
        var records = engine.Runs;
        int runs = records.Count;
        if (runs != Events * 3 || records.Any(r => r.Status != RunStatus.Completed))
        {
            throw new InvalidOperationException($"expected {Events * 3} completed runs, got {runs}");
        }

        return runs;
    }
}

/// <summary>
/// Table 6: the same fan-out through an engine that is already running (created before each iteration and checked and
/// disposed after it, untimed), so a store's setup and teardown (a new database file, its final checkpoint) and the
/// final read of all runs are left out: the throughput of a long-running engine. One invocation per iteration (each
/// needs its fresh engine).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[InvocationCount(1)]
public class EngineFanOutRunningBenchmarks
{
    private OrderPlaced[] orders = null!;
    private BenchmarkFolder? folder;
    private InngestEngine? engine;

    [Params(EngineStores.Memory, EngineStores.Sqlite)]
    public string Store { get; set; } = EngineStores.Memory;

    [GlobalSetup]
    public void Setup() => orders = Enumerable.Range(0, EngineFanOutBenchmarks.Events).Select(i => new OrderPlaced($"o{i}", i)).ToArray();

    [IterationSetup]
    public void StartEngine()
    {
        folder = new BenchmarkFolder();
        engine = new InngestEngine(
            new InngestFunctionRegistry([EngineFunctions.TwoSteps("email"), EngineFunctions.TwoSteps("invoice"), EngineFunctions.TwoSteps("analytics")]),
            EngineStores.Options(Store, folder, new InngestEngineOptions { RunInBackground = false }));
    }

    [Benchmark(OperationsPerInvoke = EngineFanOutBenchmarks.Events, Description = "fan-out per event (6 steps), running engine")]
    public async Task FanOut()
    {
        foreach (var order in orders)
        {
            await engine!.SendAsync(order);
        }

        await engine!.RunUntilIdleAsync();
    }

    [IterationCleanup]
    public void StopEngine()
    {
        var records = engine!.Runs;
        if (records.Count != EngineFanOutBenchmarks.Events * 3 || records.Any(r => r.Status != RunStatus.Completed))
        {
            throw new InvalidOperationException($"expected {EngineFanOutBenchmarks.Events * 3} completed runs, got {records.Count}");
        }

        engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        folder!.Dispose();
    }
}

/// <summary>
/// Table 6: allocation per run parked in WaitForEventAsync (the Allocated column, per run), on each store. Retained
/// memory per parked run is printed by <c>dotnet run -c Release -- retained [N] [memory|sqlite]</c> (<see cref="EngineWaitMemory"/>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EngineWaitBenchmarks
{
    public const int Runs = 1000;

    [Params(EngineStores.Memory, EngineStores.Sqlite)]
    public string Store { get; set; } = EngineStores.Memory;

    [Benchmark(OperationsPerInvoke = Runs, Description = "park a run in WaitForEventAsync")]
    public async Task<int> Park()
    {
        using var folder = new BenchmarkFolder();
        await using var engine = EngineWaitMemory.Create(Store, folder);
        await EngineWaitMemory.ParkAsync(engine, Runs);
        return engine.Runs.Count;
    }
}

public static class EngineWaitMemory
{
    internal static InngestEngine Create(string store, BenchmarkFolder folder) =>
        new(new InngestFunctionRegistry([EngineFunctions.AwaitPayment()]), EngineStores.Options(store, folder, new InngestEngineOptions { RunInBackground = false }));

    internal static async Task ParkAsync(InngestEngine engine, int runs)
    {
        for (int i = 0; i < runs; i++)
        {
            await engine.SendAsync(new OrderPlaced($"o{i}", i));
        }

        await engine.RunUntilIdleAsync();
        var records = engine.Runs;
        if (records.Count != runs || records.Any(r => r.Status != RunStatus.Waiting))
        {
            throw new InvalidOperationException("expected every run to be waiting");
        }
    }

    /// <summary>
    /// Live managed bytes: full collections with the finalizers run between them, so objects that only wait for their
    /// finalizer (a closed SQLite connection's handles, say) are not counted as retained.
    /// </summary>
    private static long LiveBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Memory still reachable per waiting run (GC.GetTotalMemory after full collections), minus an empty engine.</summary>
    public static async Task<int> PrintRetained(int runs, string store)
    {
        using var folder = new BenchmarkFolder();

        // Warm up (JIT, statics) so the first measurement does not count one-off allocations.
        using (var warmFolder = new BenchmarkFolder())
        {
            await using var warm = Create(store, warmFolder);
            await ParkAsync(warm, 100);
        }

        long before = LiveBytes();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long totalAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var engine = Create(store, folder);
        await ParkAsync(engine, runs);

        // ParkAsync's last step may have completed on another thread and run this continuation inline, under its own
        // frame, which still holds the run records it read to check the runs: leave that stack before measuring.
        await Task.Yield();
        long totalAllocated = GC.GetTotalAllocatedBytes(precise: true) - totalAllocatedBefore;
        long threadAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long after = LiveBytes();
        Console.WriteLine($"store: {store}");
        Console.WriteLine($"runs parked in WaitForEventAsync: {runs}");
        Console.WriteLine($"retained per waiting run: {(after - before) / (double)runs:F0} bytes (GC.GetTotalMemory after full GCs and finalizers)");
        Console.WriteLine($"allocated per parked run: {totalAllocated / (double)runs:F0} bytes (all threads; this thread {threadAllocated / (double)runs:F0})");
        GC.KeepAlive(engine);
        await engine.DisposeAsync();
        return 0;
    }
}
