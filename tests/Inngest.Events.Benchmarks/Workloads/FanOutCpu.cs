using System.Diagnostics;
using Inngest.Events.Engine;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 6's fan-out workload measured in CPU time (this process's user + system time) as well as wall time: on a
/// shared machine another process's load stretches wall time but not the CPU time the engine itself uses.
/// </summary>
public static class FanOutCpu
{
    public static async Task<int> PrintAsync(int rounds, string store)
    {
        var bench = new EngineFanOutBenchmarks { Store = store };
        bench.Setup();
        for (var i = 0; i < 20; i++)
        {
            await bench.FanOut();
        }

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            await bench.FanOut();
        }

        watch.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        var events = rounds * EngineFanOutBenchmarks.Events;
        Console.WriteLine($"fan-out ({store}): {events} events ({6 * events} steps): wall {watch.Elapsed.TotalMilliseconds * 1000 / events:F1} us/event, CPU {used.TotalMilliseconds * 1000 / events:F1} us/event = {6 * events / used.TotalSeconds:F0} steps per CPU second");
        return 0;
    }
}
