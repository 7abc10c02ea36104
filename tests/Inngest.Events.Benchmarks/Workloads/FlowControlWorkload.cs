using System.Collections.Concurrent;
using System.Diagnostics;
using Inngest.Events.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Benchmarks;

[Event("bench/tenant.request")]
public sealed partial record TenantRequest(string Tenant, int Sequence);

/// <summary>
/// Table 6, flow control: <see cref="Events"/> events for <see cref="Tenants"/> tenants through one function with a
/// per-tenant throttle (100 runs per second, burst 20) and a per-tenant concurrency limit of 2, two steps per run. The
/// engine runs on a fake clock that jumps to the next timer whenever the engine is idle, so the time measured is the
/// engine's own work (queues, GCRA, slots, timers, the runs' calls), not the throttle's waiting. Checks that every run
/// completed, that each tenant's runs started in the order its events were sent, that no tenant ever had more than two
/// steps executing, and that no tenant's runs started faster than its throttle allows.
/// </summary>
public sealed class FlowControlWorkload
{
    public const int Tenants = 10;
    public const int Limit = 100;
    public const int Burst = 20;
    public const int ConcurrencyLimit = 2;

    private readonly ConcurrentDictionary<string, int> _executing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _maxExecuting = new(StringComparer.Ordinal);

    public FlowControlWorkload(int events)
    {
        Events = events;
        Requests = Enumerable.Range(0, events).Select(i => (InngestEvent)new Event<TenantRequest>(new TenantRequest($"t{i % Tenants}", i))).ToArray();
    }

    public int Events { get; }

    private InngestEvent[] Requests { get; }

    public InngestFunctionDefinition Function => new()
    {
        Id = "ingest",
        Triggers = [FunctionTrigger.ForEvent(TenantRequest.EventName)],
        Config = new FunctionConfig
        {
            Throttle = new ThrottleConfig(Limit, "1s", Burst, "event.data.tenant"),
            Concurrency = [new ConcurrencyLimit(ConcurrencyLimit, "event.data.tenant")],
        },
        Handler = async invocation =>
        {
            var request = invocation.GetEvent<TenantRequest>().Data;
            var a = await invocation.Steps.RunAsync("a", () => TrackAsync(request.Tenant, request.Sequence));
            var b = await invocation.Steps.RunAsync("b", () => TrackAsync(request.Tenant, a + 1));
            return invocation.SerializeResult(b);
        },
    };

    /// <summary>Sends every event and runs the engine to the end (jumping the fake clock); with <paramref name="check"/>, checks the outcome. Returns the runs.</summary>
    public async Task<int> RunAsync(bool check)
    {
        _executing.Clear();
        _maxExecuting.Clear();
        var started = new List<string>(Events);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var engine = new InngestEngine(
            new InngestFunctionRegistry([Function]),
            new InngestEngineOptions
            {
                RunInBackground = false,
                MaxConcurrency = 32,
                OnTimelineEntry = entry =>
                {
                    if (entry.Kind == RunTimelineKind.Started)
                    {
                        started.Add(entry.RunId);
                    }
                },
            },
            time);
        for (var i = 0; i < Requests.Length; i += 500)
        {
            await engine.SendAsync(Requests[i..Math.Min(i + 500, Requests.Length)]);
        }

        await engine.RunUntilIdleAsync();
        while (engine.NextDueAt is { } next)
        {
            time.SetUtcNow(next);
            await engine.RunUntilIdleAsync();
        }

        if (check)
        {
            Check(engine, started);
        }

        return Events;
    }

    /// <summary>Counts the tenant's steps executing at once (the yield lets calls overlap if the engine let them).</summary>
    private async Task<int> TrackAsync(string tenant, int value)
    {
        var now = _executing.AddOrUpdate(tenant, 1, (_, n) => n + 1);
        _maxExecuting.AddOrUpdate(tenant, now, (_, max) => Math.Max(max, now));
        await Task.Yield();
        _executing.AddOrUpdate(tenant, 0, (_, n) => n - 1);
        return value;
    }

    private void Check(InngestEngine engine, List<string> started)
    {
        var runs = engine.Runs;
        if (runs.Count != Events || runs.Any(r => r.Status != RunStatus.Completed))
        {
            throw new InvalidOperationException($"expected {Events} completed runs, got {runs.Count} ({runs.Count(r => r.Status == RunStatus.Completed)} completed)");
        }

        var position = started.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        foreach (var tenant in runs.GroupBy(r => r.Event.GetProperty("data").GetProperty("tenant").GetString()!))
        {
            // In the order the engine started them, a tenant's runs have the order their events were sent in.
            var sequences = tenant.OrderBy(r => position[r.RunId]).Select(r => r.Event.GetProperty("data").GetProperty("sequence").GetInt32()).ToArray();
            if (!sequences.SequenceEqual(sequences.Order()))
            {
                throw new InvalidOperationException($"tenant {tenant.Key}: runs did not start in the order their events were sent");
            }

            var starts = tenant.Select(r => r.StartedAt!.Value).Order().ToArray();

            // GCRA: limit + burst at once, then one per period / limit: between any two starts of a tenant, at most
            // limit + burst + (time between them) / (period / limit) runs started.
            var emission = TimeSpan.FromSeconds(1) / Limit;
            for (var i = 0; i < starts.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (i - j + 1 > Limit + Burst + (long)((starts[i] - starts[j]) / emission))
                    {
                        throw new InvalidOperationException($"tenant {tenant.Key}: {i - j + 1} runs started between {starts[j]:O} and {starts[i]:O}");
                    }
                }
            }

            if (sequences.Length != Events / Tenants)
            {
                throw new InvalidOperationException($"tenant {tenant.Key}: {sequences.Length} runs");
            }
        }

        if (_maxExecuting.Values.Any(max => max > ConcurrencyLimit))
        {
            throw new InvalidOperationException($"a tenant had {_maxExecuting.Values.Max()} steps executing at once");
        }
    }

    /// <summary><c>-- flow-control [events]</c>: one checked run, then one timed run, printed (table 6).</summary>
    public static async Task<int> PrintAsync(int events)
    {
        var workload = new FlowControlWorkload(events);
        await workload.RunAsync(check: true);
        var watch = Stopwatch.StartNew();
        await workload.RunAsync(check: false);
        watch.Stop();
        Console.WriteLine($"flow-control workload: {events} events, {Tenants} tenants, throttle {Limit}/s burst {Burst} and concurrency {ConcurrencyLimit} per tenant, 2 steps per run");
        Console.WriteLine($"finished in {watch.Elapsed.TotalSeconds:F2} s: {events / watch.Elapsed.TotalSeconds:F0} runs/s, {2 * events / watch.Elapsed.TotalSeconds:F0} steps/s; order, counts, throttle and concurrency checked");
        return 0;
    }
}
