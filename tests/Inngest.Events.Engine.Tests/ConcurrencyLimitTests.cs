namespace Inngest.Events.Engine.Tests;

/// <summary><c>concurrency</c>: limits steps executing at once (not runs), per function or key, FIFO within priority.</summary>
public sealed class ConcurrencyLimitTests
{
    private static InngestFunctionDefinition Gated(CallGate gate, FunctionConfig config, string id = "sync")
        => Fn.On(id, Names.OrderPlaced, async invocation =>
        {
            var order = invocation.GetEvent<OrderPlaced>().Data.OrderId;
            await invocation.Steps.RunAsync("work", () => gate.EnterAsync(order));
            return invocation.SerializeResult(order);
        }, config);

    private static RunRecord RunFor(EngineHarness h, string orderId)
        => h.Engine.Runs.Single(r => r.Event.GetProperty("data").GetProperty("orderId").GetString() == orderId);

    [Fact]
    public async Task A_keyed_limit_lets_one_step_per_key_execute_and_queues_the_rest()
    {
        var gate = new CallGate();
        await using var h = new EngineHarness(Gated(gate, new FunctionConfig { Concurrency = [new ConcurrencyLimit(1, "event.data.customerId")] }));
        using var done = gate.OpenAllWhenDone();

        await h.SendAsync(new OrderPlaced("a1", CustomerId: "acme"));
        await h.SendAsync(new OrderPlaced("a2", CustomerId: "acme"));
        await h.SendAsync(new OrderPlaced("b1", CustomerId: "bolt"));
        var idle = h.Engine.RunUntilIdleAsync();

        Assert.Equal(["a1", "b1"], (await gate.EnteredAsync(2)).Order());
        var waiting = RunFor(h, "a2");
        Assert.Equal(RunStatus.Queued, waiting.Status);
        Assert.Contains(waiting.Timeline, e => e.Kind == RunTimelineKind.Delayed && e.Message == "delayed: concurrency key=acme (limit 1) is full; the run waits for a slot");

        gate.Open("b1");
        gate.Open("a1");
        Assert.Equal(["a2"], await gate.EnteredAsync(1));
        gate.Open("a2");
        await idle;

        Assert.All(h.Engine.Runs, run => Assert.Equal(RunStatus.Completed, run.Status));
        Assert.Equal("a2", gate.Log.Last());
    }

    [Fact]
    public async Task A_sleeping_run_holds_no_slot()
    {
        var gate = new CallGate();
        await using var h = new EngineHarness(Fn.On("nap", Names.OrderPlaced, async invocation =>
        {
            var order = invocation.GetEvent<OrderPlaced>().Data.OrderId;
            await invocation.Steps.RunAsync("before", () => gate.EnterAsync(order));
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            return invocation.SerializeResult(await invocation.Steps.RunAsync("after", () => order));
        }, new FunctionConfig { Concurrency = [new ConcurrencyLimit(1)] }));
        using var done = gate.OpenAllWhenDone();

        await h.SendAsync(new OrderPlaced("o1"));
        await h.SendAsync(new OrderPlaced("o2"));
        var idle = h.Engine.RunUntilIdleAsync();
        Assert.Equal(["o1"], await gate.EnteredAsync(1));
        Assert.Equal(RunStatus.Queued, RunFor(h, "o2").Status);

        gate.Open("o1");
        Assert.Equal(["o2"], await gate.EnteredAsync(1));
        Assert.Equal(RunStatus.Sleeping, RunFor(h, "o1").Status);
        gate.Open("o2");
        await idle;

        await h.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.All(h.Engine.Runs, run => Assert.Equal(RunStatus.Completed, run.Status));
    }

    [Fact]
    public async Task Parallel_steps_take_a_slot_each()
    {
        var gate = new CallGate();
        await using var h = new EngineHarness(Fn.On("fan", Names.OrderPlaced, async invocation =>
        {
            var parts = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => invocation.Steps.RunAsync($"part-{i}", async () =>
            {
                await gate.EnterAsync($"part-{i}");
                return i;
            })));
            return invocation.SerializeResult(parts.Sum());
        }, new FunctionConfig { Concurrency = [new ConcurrencyLimit(2)] }));
        using var done = gate.OpenAllWhenDone();

        await h.SendAsync(new OrderPlaced("o1"));
        var idle = h.Engine.RunUntilIdleAsync();

        var first = await gate.EnteredAsync(2);
        Assert.Equal(2, first.Distinct().Count());
        Assert.Contains(RunFor(h, "o1").Timeline, e => e.Kind == RunTimelineKind.Delayed && e.Message.Contains("of the function (limit 2) is full; a step waits", StringComparison.Ordinal));
        gate.Open(first[0]);
        var third = Assert.Single(await gate.EnteredAsync(1));
        Assert.DoesNotContain(third, first);
        gate.Open(first[1]);
        gate.Open(third);
        await idle;

        Assert.Equal(3, RunFor(h, "o1").Result!.Value.GetInt32());
    }

    [Fact]
    public async Task Queued_runs_of_a_key_start_first_in_first_out_within_priority()
    {
        var gate = new CallGate();
        await using var h = new EngineHarness(Gated(gate, new FunctionConfig
        {
            Concurrency = [new ConcurrencyLimit(1, "event.data.customerId")],
            Priority = "event.data.amount",
        }));
        using var done = gate.OpenAllWhenDone();

        await h.SendAsync(new OrderPlaced("first", 0, "acme"));
        var idle = h.Engine.RunUntilIdleAsync();
        Assert.Equal(["first"], await gate.EnteredAsync(1));

        await h.SendAsync(new OrderPlaced("low-1", 0, "acme"));
        await h.SendAsync(new OrderPlaced("behind", -60, "acme"));
        await h.SendAsync(new OrderPlaced("low-2", 0, "acme"));
        await h.SendAsync(new OrderPlaced("urgent", 300, "acme"));
        await h.SendAsync(new OrderPlaced("capped", 5000, "acme"));
        foreach (var expected in new[] { "first", "capped", "urgent", "low-1", "low-2" })
        {
            gate.Open(expected);
            Assert.NotEqual(expected, Assert.Single(await gate.EnteredAsync(1)));
        }

        gate.Open("behind");
        await idle;
        Assert.Equal(["first", "capped", "urgent", "low-1", "low-2", "behind"], gate.Log);
        Assert.Contains("priority +600s", RunFor(h, "capped").Timeline[0].Message, StringComparison.Ordinal);
        Assert.Contains("priority -60s", RunFor(h, "behind").Timeline[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_scoped_key_is_shared_by_every_function_that_names_it()
    {
        var gate = new CallGate();
        var shared = new FunctionConfig { Concurrency = [new ConcurrencyLimit(1, "\"openai\"", ConcurrencyScope.Account)] };
        await using var h = new EngineHarness(Gated(gate, shared, "summarize"), Gated(gate, shared, "classify"));
        using var done = gate.OpenAllWhenDone();

        await h.SendAsync(new OrderPlaced("o1"));
        var idle = h.Engine.RunUntilIdleAsync();
        var first = Assert.Single(await gate.EnteredAsync(1));
        var waiting = h.Engine.Runs.Single(r => r.Status == RunStatus.Queued);
        Assert.Contains(waiting.Timeline, e => e.Message == "delayed: concurrency account scope, key=openai (limit 1) is full; the run waits for a slot");

        gate.Open(first);
        Assert.Single(await gate.EnteredAsync(1));
        gate.Open("o1");
        await idle;
        Assert.All(h.Engine.Runs, run => Assert.Equal(RunStatus.Completed, run.Status));
    }
}
