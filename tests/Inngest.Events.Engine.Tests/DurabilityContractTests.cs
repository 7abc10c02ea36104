namespace Inngest.Events.Engine.Tests;

/// <summary>
/// What the engine waits for from a durable store: an event send returns only once its unit is durable, and a call goes
/// out only once what it shows the function (the memoized steps) is durable, so a crash never takes back what a client or
/// a function was told.
/// </summary>
public sealed class DurabilityContractTests
{
    [Fact]
    public async Task An_event_send_returns_only_once_its_unit_is_durable()
    {
        var store = new GatedStore();
        await using var h = new EngineHarness(store, null, Fn.Returning("once", Names.OrderPlaced, "ok"));
        try
        {
            var send = h.SendAsync(new OrderPlaced("o1"));
            await store.Blocked.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Single(h.Engine.Events);
            Assert.False(send.IsCompleted);

            store.MakeDurable();
            var id = await send;
            Assert.Equal(id, Assert.Single(h.Engine.Events).InternalId);
        }
        finally
        {
            store.Open();
        }
    }

    [Fact]
    public async Task A_call_goes_out_only_once_the_steps_it_shows_are_durable()
    {
        var store = new GatedStore();
        var ran = new List<string>();
        await using var h = new EngineHarness(store, null, Fn.On("steps", Names.OrderPlaced, async invocation =>
        {
            var a = await invocation.Steps.RunAsync("a", () => Ran(ran, "a", 1));
            var b = await invocation.Steps.RunAsync("b", () => Ran(ran, "b", a + 1));
            return invocation.SerializeResult(b);
        }));
        try
        {
            var send = h.SendAsync(new OrderPlaced("o1"));
            await store.Blocked.WaitAsync(TimeSpan.FromSeconds(30));
            store.MakeDurable();
            await send;

            var running = h.Engine.RunUntilIdleAsync();
            string[][] before = [[], ["a"], ["a", "b"]];
            foreach (var expected in before)
            {
                // Each call waits until the unit that stored the previous step is durable: until then no step code runs.
                await store.Blocked.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(expected, Snapshot(ran));
                Assert.False(running.IsCompleted);
                store.MakeDurable();
            }

            await running.WaitAsync(TimeSpan.FromSeconds(30));
            store.MakeDurable();
            Assert.Equal(RunStatus.Completed, h.SingleRun("steps").Status);
            Assert.Equal(["a", "b"], Snapshot(ran));
        }
        finally
        {
            store.Open();
        }
    }

    private static int Ran(List<string> ran, string step, int value)
    {
        lock (ran)
        {
            ran.Add(step);
        }

        return value;
    }

    private static string[] Snapshot(List<string> ran)
    {
        lock (ran)
        {
            return [.. ran];
        }
    }
}
