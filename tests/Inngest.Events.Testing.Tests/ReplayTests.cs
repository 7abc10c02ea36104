using Inngest.Events.Engine.History;
using Inngest.Events.Testing.Replay;
using Inngest.Events.Testing.Tests.Shop;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Testing.Tests;

/// <summary>
/// Replay: a history recorded from one version of a function, replayed against another, reports exactly where the
/// code departs from it, naming the step. Each version is a hand-written function with the same id.
/// </summary>
public sealed class ReplayTests
{
    private const string Id = "checkout";
    private const string Matches = "event.data.orderId == async.data.orderId";

    [Fact]
    public async Task The_same_code_replays_a_completed_run_clean()
    {
        var v1 = Flow(Run("a"), Sleep("nap"), Wait("wait-payment", Matches), Run("b"));
        var history = await CompletedAsync(v1, paid: true);

        var result = await ReplayAsync(v1, history);

        result.AssertClean();
        Assert.Equal(ReplayOutcome.Completed, result.Outcome);
        Assert.Equal("\"done\"", result.Output?.GetRawText());
        Assert.All(result.Steps, s => Assert.Equal(ReplayAnswer.Recorded, s.Answer));
    }

    [Fact]
    public async Task The_same_code_replays_a_sleeping_run_clean_and_stops_where_the_run_sleeps()
    {
        var v1 = Flow(Run("a"), Sleep("nap"), Run("b"));
        var history = await SleepingAsync(v1);

        var result = (await ReplayAsync(v1, history)).AssertClean();

        Assert.Equal(ReplayOutcome.Stopped, result.Outcome);
        Assert.Equal([("a", ReplayAnswer.Recorded), ("nap", ReplayAnswer.PendingAsRecorded)], result.Steps.Select(s => (s.Name, s.Answer)));
    }

    [Fact]
    public async Task A_renamed_step_is_reported_with_its_old_and_new_id()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b"), Run("c")));

        var result = await ReplayAsync(Flow(Run("a"), Run("b-renamed"), Run("c")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal(ReplayDivergenceKind.StepRenamed, divergence.Kind);
        Assert.Equal("b", divergence.Step);
        Assert.Equal("Step 'b' (completed in the recorded run) is no longer reached; today's code calls the new step 'b-renamed' in its place. Renaming a step loses its stored result: runs under way would run 'b-renamed' again.", divergence.Message);
    }

    [Fact]
    public async Task Reordered_steps_are_reported()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b"), Run("c")));

        var result = await ReplayAsync(Flow(Run("a"), Run("c"), Run("b")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.StepReordered, "b"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("Step 'b' is now reached after 'c', but the recorded run reached 'b' first", divergence.Message);
    }

    [Fact]
    public async Task A_step_added_before_a_completed_one_is_reported()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), Run("audit"), Run("b")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.StepAdded, "audit"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("Step 'audit' is new and comes before 'b', which the recorded run had completed", divergence.Message);
    }

    [Fact]
    public async Task A_sleep_added_before_a_completed_step_is_reported()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), Sleep("wait-a-bit"), Run("b")), history);

        Assert.Equal((ReplayDivergenceKind.StepAdded, "wait-a-bit"), (Assert.Single(result.Divergences).Kind, result.Divergences[0].Step));
    }

    [Fact]
    public async Task A_step_appended_after_the_recorded_ones_is_not_a_divergence()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), Run("b"), Run("c")), history);

        result.AssertClean();
        Assert.Equal(ReplayAnswer.NewAnsweredWithNull, result.Steps[^1].Answer);
    }

    [Fact]
    public async Task A_step_that_became_another_kind_is_reported()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b"), Run("c")));

        var result = await ReplayAsync(Flow(Run("a"), Sleep("b"), Run("c")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.StepKindChanged, "b"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("Step 'b' was a StepRun in the recorded run and is a Sleep now", divergence.Message);
    }

    [Fact]
    public async Task A_changed_wait_condition_is_reported_with_both_conditions()
    {
        var history = await CompletedAsync(Flow(Wait("wait-payment", Matches)), paid: true);

        var result = await ReplayAsync(Flow(Wait("wait-payment", "event.data.customerId == async.data.orderId")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.WaitChanged, "wait-payment"), (divergence.Kind, divergence.Step));
        Assert.Equal(
            "The condition of the wait 'wait-payment' changed from `event.data.orderId == async.data.orderId` to `event.data.customerId == async.data.orderId`; a run waiting in it keeps the old one, and the event the recorded run received might not match the new one.",
            divergence.Message);
    }

    [Fact]
    public async Task A_wait_for_another_event_is_reported()
    {
        var history = await SleepingAsync(Flow(Wait("wait-payment", Matches)));
        var v2 = Flow(s => s.WaitForEventAsync<OrderShipped>("wait-payment", TimeSpan.FromHours(1), Matches));

        var result = await ReplayAsync(v2, history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.WaitChanged, "wait-payment"), (divergence.Kind, divergence.Step));
        Assert.Equal("The wait 'wait-payment' waited for 'shop/payment.received' in the recorded run and waits for 'shop/order.shipped' now; a run waiting in it keeps waiting for 'shop/payment.received'.", divergence.Message);
    }

    [Fact]
    public async Task A_removed_step_is_reported()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b"), Run("c")));

        var result = await ReplayAsync(Flow(Run("a"), Run("c")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.StepRemoved, "b"), (divergence.Kind, divergence.Step));
        Assert.Equal("Step 'b' (completed in the recorded run) is no longer reached by today's code.", divergence.Message);
    }

    [Fact]
    public async Task A_step_added_before_the_sleep_a_run_is_in_is_reported()
    {
        var history = await SleepingAsync(Flow(Run("a"), Sleep("nap"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), Run("check"), Sleep("nap"), Run("b")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.StepAdded, "check"), (divergence.Kind, divergence.Step));
        Assert.Equal("Step 'check' is new and comes before 'nap', where the recorded run is sleeping: runs under way would run 'check' only after 'nap' ends.", divergence.Message);
    }

    [Fact]
    public async Task A_renamed_sleep_that_a_run_is_in_is_reported()
    {
        var history = await SleepingAsync(Flow(Run("a"), Sleep("nap"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), Sleep("rest"), Run("b")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.StepRenamed, "nap"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("The recorded run is sleeping in step 'nap', which today's code no longer reaches; it calls the new step 'rest' in its place.", divergence.Message);
    }

    [Fact]
    public async Task A_removed_sleep_that_a_run_is_in_is_reported()
    {
        var history = await SleepingAsync(Flow(Run("a"), Sleep("nap"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), Run("b")), history);

        Assert.Contains(result.Divergences, d => d.Kind == ReplayDivergenceKind.StepRemoved && d.Step == "nap"
            && d.Message.StartsWith("The recorded run is sleeping in step 'nap', which today's code no longer reaches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_step_whose_result_type_changed_is_reported()
    {
        var history = await CompletedAsync(Flow(s => s.RunAsync("total", () => 42), Run("b")));

        var result = await ReplayAsync(Flow(s => s.RunAsync("total", () => new Receipt("r", 42m)), Run("b")), history);

        var divergence = Assert.Single(result.Divergences, d => d.Kind == ReplayDivergenceKind.ResultTypeChanged);
        Assert.Equal("total", divergence.Step);
        Assert.StartsWith("The stored result of step 'total' no longer reads as 'Inngest.Events.Testing.Tests.Shop.Receipt'", divergence.Message);
    }

    [Fact]
    public async Task An_invoke_of_another_function_is_reported()
    {
        var history = await CompletedAsync(Flow(s => s.InvokeAsync("tax", InngestGeneratedFunctions.ComputeTax, new TaxRequested("eu", 10m))));
        var other = new FunctionReference<TaxRequested, decimal>("compute-vat");

        var result = await ReplayAsync(Flow(s => s.InvokeAsync("tax", other, new TaxRequested("eu", 10m))), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.InvokeTargetChanged, "tax"), (divergence.Kind, divergence.Step));
        Assert.Contains("invoked 'shop-compute-tax' in the recorded run and invokes 'shop-compute-vat' now", divergence.Message);
    }

    [Fact]
    public async Task Code_that_now_throws_on_the_recorded_results_is_reported()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b")));

        var result = await ReplayAsync(Flow(Run("a"), _ => throw new InvalidOperationException("a new check fails")), history);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal(ReplayDivergenceKind.FunctionFails, divergence.Kind);
        Assert.Null(divergence.Step);
        Assert.Equal(ReplayOutcome.Failed, result.Outcome);
        Assert.Contains("InvalidOperationException: a new check fails", divergence.Message);
    }

    [Fact]
    public async Task Parallel_steps_and_repeated_ids_replay_clean()
    {
        var v1 = Flow(s => Task.WhenAll(s.RunAsync("left", () => 1), s.RunAsync("right", () => 2)), Run("item"), Run("item"), Run("item"));
        var history = await CompletedAsync(v1);

        (await ReplayAsync(v1, history)).AssertClean();
        Assert.Equal([null, null, null, 1, 2], history.Steps.Select(s => s.Index));
    }

    [Fact]
    public async Task A_replay_that_diverges_fails_its_assertion_with_every_divergence_and_the_recorded_timeline()
    {
        var history = await CompletedAsync(Flow(Run("a"), Run("b"), Run("c")));

        var result = await ReplayAsync(Flow(Run("a"), Run("b-renamed"), Run("c")), history);
        var failure = Assert.Throws<InngestAssertionException>(() => result.AssertClean());

        Assert.StartsWith($"Replaying run {history.Run.RunId} of 'checkout', Completed when recorded, against today's code diverges:", failure.Message);
        Assert.Contains("  - StepRenamed 'b': Step 'b' (completed in the recorded run)", failure.Message);
        Assert.Contains("Today's code reached: 'a' (recorded), 'b-renamed' (new, given the replaced step's result), 'c' (recorded), then returned.", failure.Message);
        Assert.Contains("The recorded run:", failure.Message);
        Assert.Contains("step 'b' completed", failure.Message);
    }

    [Fact]
    public async Task Histories_in_a_folder_become_test_cases_and_replay_from_their_files()
    {
        var v1 = Flow(Run("a"), Sleep("nap"), Run("b"));
        var folder = Path.Combine(Path.GetTempPath(), $"histories-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "sleeping"));
        try
        {
            (await CompletedAsync(v1)).Save(Path.Combine(folder, "completed.run.json"));
            (await SleepingAsync(v1)).Save(Path.Combine(folder, "sleeping", "mid-nap.run.json"));
            File.WriteAllText(Path.Combine(folder, "notes.json"), "{}");

            var cases = RunHistoryFiles.Cases(folder).Select(c => (string)Assert.Single(c)).ToArray();

            Assert.Equal([Path.Combine(folder, "completed.run.json"), Path.Combine(folder, "sleeping/mid-nap.run.json")], cases);
            await using var host = Host(v1);
            foreach (var file in cases)
            {
                var result = (await host.ReplayFileAsync(file)).AssertClean();
                Assert.Equal(file, result.Source);
            }

            var broken = await ReplayAsync(Flow(Run("a"), Run("b")), RunHistory.Load(cases[1]));
            Assert.Contains(broken.Divergences, d => d.Kind == ReplayDivergenceKind.StepRemoved && d.Step == "nap");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_folder_without_histories_is_not_a_silent_pass()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Assert.Contains("holds no run histories (*.run.json)", Assert.Throws<InvalidOperationException>(() => RunHistoryFiles.Cases(folder).ToArray()).Message);
            Assert.Throws<DirectoryNotFoundException>(() => RunHistoryFiles.Find(Path.Combine(folder, "missing")));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public async Task A_history_of_a_function_the_host_does_not_have_is_refused()
    {
        var history = await CompletedAsync(Flow(Run("a")));
        await using var host = Hosts.Shop();

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.ReplayAsync(history));

        Assert.StartsWith("The run history is of the function 'checkout', which the host's registries do not have; they have 'await-payment',", failure.Message);
    }

    // ---- versions of the function, as hand-written definitions with the same id ----

    private static InngestFunctionDefinition Flow(params Func<IStepTools, Task>[] steps) => new()
    {
        Id = Id,
        Triggers = [FunctionTrigger.ForEvent(OrderPlaced.EventName)],
        Handler = async invocation =>
        {
            foreach (var step in steps)
            {
                await step(invocation.Steps);
            }

            return invocation.SerializeResult("done");
        },
    };

    private static Func<IStepTools, Task> Run(string id) => s => s.RunAsync(id, () => id);

    private static Func<IStepTools, Task> Sleep(string id) => s => s.SleepAsync(id, TimeSpan.FromHours(1));

    private static Func<IStepTools, Task> Wait(string id, string condition) => s => s.WaitForEventAsync<PaymentReceived>(id, TimeSpan.FromHours(1), condition);

    private static InngestTestHost Host(InngestFunctionDefinition function)
        => new(new InngestFunctionRegistry([function, .. InngestGeneratedFunctions.CreateRegistry("shop").Functions.Where(f => f.Id == "compute-tax")], InngestGeneratedFunctions.TypeResolver),
            o =>
            {
                o.AppId = "shop";
                o.Services.AddSingleton<PaymentGateway>().AddSingleton<Warehouse>().AddSingleton<Counters>();
            });

    private static async Task<RunHistory> CompletedAsync(InngestFunctionDefinition function, bool paid = false)
    {
        await using var host = Host(function);
        await host.SendAsync(Hosts.Order());
        if (paid)
        {
            host.SendAfter(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5), new PaymentReceived("o-1", 100m));
        }

        return (await host.WaitForRunAsync(Id, TimeSpan.FromDays(1))).AssertCompleted().ToHistory();
    }

    private static async Task<RunHistory> SleepingAsync(InngestFunctionDefinition function)
    {
        await using var host = Host(function);
        await host.SendAsync(Hosts.Order());
        var run = host.SingleRun(Id);
        Assert.False(run.IsFinished);
        return run.ToHistory();
    }

    private static async Task<ReplayResult> ReplayAsync(InngestFunctionDefinition function, RunHistory history)
    {
        await using var host = Host(function);
        return await host.ReplayAsync(history);
    }
}
