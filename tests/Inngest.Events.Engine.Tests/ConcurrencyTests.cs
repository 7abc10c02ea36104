using System.Collections.Concurrent;

namespace Inngest.Events.Engine.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Events_sent_from_many_threads_start_every_expected_run_exactly_once()
    {
        const int Threads = 8;
        const int PerThread = 25;
        const int Shared = 10;
        var executions = new ConcurrentDictionary<string, int>();
        InngestFunctionDefinition Counter(string id) => Fn.On(id, Names.OrderPlaced, async invocation =>
        {
            var orderId = invocation.GetEvent<OrderPlaced>().Data.OrderId;
            await invocation.Steps.RunAsync("record", () => executions.AddOrUpdate($"{id}:{orderId}", 1, (_, n) => n + 1));
            var both = await Task.WhenAll(invocation.Steps.RunAsync("x", () => 1), invocation.Steps.RunAsync("y", () => 2));
            return invocation.SerializeResult(both.Sum());
        });

        await using var h = new EngineHarness(options => options.MaxConcurrency = 4, Counter("count-a"), Counter("count-b"));
        await h.Engine.StartAsync();

        // An async gate rather than a Barrier: blocking pool threads would starve the engine (and other tests) on small machines.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < PerThread; i++)
            {
                await h.Engine.SendAsync(new OrderPlaced($"order-{thread}-{i}"), new EventOptions { Id = $"order-{thread}-{i}" });
                if (i < Shared)
                {
                    // Every thread sends the same shared ids: only the first of each may start runs.
                    await h.Engine.SendAsync(new OrderPlaced($"shared-{i}"), new EventOptions { Id = $"shared-{i}" });
                }

                if (i % 5 == 0)
                {
                    await h.Engine.RunUntilIdleAsync();
                }
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(senders);
        await h.RunAsync();
        await h.Engine.StopAsync();

        const int Unique = (Threads * PerThread) + Shared;
        Assert.Equal((Threads * PerThread) + (Threads * Shared), h.EventsNamed(Names.OrderPlaced).Count);
        foreach (var function in new[] { "count-a", "count-b" })
        {
            var runs = h.RunsOf(function);
            Assert.Equal(Unique, runs.Count);
            Assert.Equal(Unique, runs.Select(r => r.Event.GetProperty("id").GetString()).Distinct().Count());
            Assert.All(runs, run =>
            {
                Assert.Equal(RunStatus.Completed, run.Status);
                Assert.Equal(3, run.Result!.Value.GetInt32());
                Assert.All(run.Steps, step => Assert.Equal(1, step.Attempts));
            });
        }

        Assert.Equal(2 * Unique, executions.Count);
        Assert.All(executions, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(2 * Unique, h.EventsNamed(Names.FunctionFinished).Count);
    }
}
