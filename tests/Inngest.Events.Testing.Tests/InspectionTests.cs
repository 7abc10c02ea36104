using Inngest.Events.Engine.History;
using Inngest.Events.Testing.Tests.Shop;

namespace Inngest.Events.Testing.Tests;

/// <summary>Inspection and assertions: status, typed output, steps, sent events, waits; failures that show the timeline.</summary>
public sealed class InspectionTests
{
    [Fact]
    public async Task A_run_shows_its_steps_with_kinds_attempts_inputs_and_outputs()
    {
        await using var host = Hosts.Shop();
        await host.SendAsync(Hosts.Order("o-1", 25m));

        var run = await host.WaitForRunAsync(InngestGeneratedFunctions.ProcessOrder, TimeSpan.FromHours(1));

        Assert.Equal(new Receipt("ch_o-1", 25m), run.Result);
        Assert.Equal(["charge", "cool-off", "ship", "announce-shipment"], run.Steps.Select(s => s.Name));
        Assert.Equal(["StepRun", "Sleep", "StepRun", "StepRun"], run.Steps.Select(s => s.Kind));
        Assert.All(run.Steps, s => Assert.Equal(StepStatus.Completed, s.Status));
        Assert.Equal(new Receipt("ch_o-1", 25m), run.Step("charge").OutputAs<Receipt>());
        Assert.Equal("o-1", run.Step("ship").InputAs<string>());
        Assert.Equal("30m", run.Step("cool-off").Options?.GetProperty("duration").GetString());
        Assert.Null(run.Step("announce-shipment").Input);
    }

    [Fact]
    public async Task Sent_events_are_typed_and_leave_out_what_the_test_sent()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["process-order"]);
        await host.SendAsync(Hosts.Order("o-2"));
        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromHours(1));

        var shipped = Assert.Single(host.SentEvents<OrderShipped>());
        Assert.Equal(new OrderShipped("o-2", "track-o-2"), shipped.Data);
        Assert.Equal(new OrderShipped("o-2", "track-o-2"), Assert.Single(run.SentEvents<OrderShipped>()).Data);
        Assert.Empty(host.SentEvents<OrderPlaced>());
        Assert.Equal("order-placed-o-2", Assert.Single(host.EventsOf<OrderPlaced>()).Id);
    }

    [Fact]
    public async Task Pending_waits_show_the_event_the_condition_and_the_deadline()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        await host.SendAsync(Hosts.Order("o-4"));

        var wait = Assert.Single(host.PendingWaits);

        Assert.Equal(("await-payment", "wait-payment", "shop/payment.received"), (wait.FunctionId, wait.StepName, wait.EventName));
        Assert.Contains("event.data.orderId == async.data.orderId", wait.If);
        Assert.Equal(Hosts.Start.AddHours(1), wait.ExpiresAt);
        Assert.Equal(host.SingleRun("await-payment").RunId, wait.RunId);
    }

    [Fact]
    public async Task An_assertion_that_fails_shows_the_run_its_error_and_its_timeline()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest _) => throw new NonRetriableException("card declined"));
        await host.SendAsync(Hosts.Order());
        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromMinutes(1));

        var failure = Assert.Throws<InngestAssertionException>(() => run.AssertCompleted());

        Assert.StartsWith($"Expected the run {run.RunId} of 'process-order' to be Completed, but it is Failed (NonRetriableException: card declined).", failure.Message);
        Assert.Contains("+00:00:00     step 'charge' failed for good (attempt 1 of 4): NonRetriableException: card declined", failure.Message);
        Assert.EndsWith("+00:00:00     failed: NonRetriableException: card declined", failure.Message);
    }

    [Fact]
    public async Task Waiting_for_a_run_that_does_not_finish_in_time_shows_its_timeline()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest _) => throw new TimeoutException("gateway timed out"));
        await host.SendAsync(Hosts.Order());

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.WaitForRunAsync("process-order", TimeSpan.FromSeconds(20)));

        Assert.StartsWith("No run of 'process-order' finished within 20s of virtual time (from +00:00:00 to +00:00:20). Its runs:", failure.Message);
        Assert.Contains("step 'charge' failed (attempt 1 of 4): TimeoutException: gateway timed out; retrying in 15s", failure.Message);
        Assert.Contains("step 'charge' failed (attempt 2 of 4): TimeoutException: gateway timed out; retrying in 30s", failure.Message);
        Assert.Contains("Next timer: Call at +00:00:45", failure.Message);
    }

    [Fact]
    public async Task Asking_for_a_step_a_run_does_not_have_lists_the_steps_it_has()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        await host.SendAsync(Hosts.Order());

        var failure = Assert.Throws<InngestAssertionException>(() => host.SingleRun("await-payment").Step("charge"));

        Assert.Contains("has no step 'charge'; its steps are 'wait-payment'.", failure.Message);
    }

    [Fact]
    public async Task Expecting_one_run_of_a_function_that_has_none_or_is_not_run_says_so()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment", "process-order"]);
        await host.SendAsync(new PaymentReceived("o-1", 1m));

        Assert.Contains("Expected one run of 'process-order', but it has none.", Assert.Throws<InngestAssertionException>(() => host.SingleRun("process-order")).Message);
        var unknown = await Assert.ThrowsAsync<InngestAssertionException>(() => host.WaitForRunAsync("ship-order", TimeSpan.FromMinutes(1)));
        Assert.Equal("The host does not run a function 'ship-order'; it runs 'await-payment', 'process-order', 'process-order-failure'.", unknown.Message);
    }

    [Fact]
    public void Only_the_chosen_functions_run_and_a_name_that_is_not_there_is_refused()
    {
        var host = Hosts.Shop(o => o.Functions = ["process-order", "no-such-function"]);

        var failure = Assert.Throws<InvalidOperationException>(() => host.Engine);

        Assert.StartsWith("InngestTestHostOptions.Functions names 'no-such-function', which the registries do not have; they have 'await-payment', 'build-report',", failure.Message);
    }

    [Fact]
    public async Task The_engine_is_given_the_functions_asked_for_with_their_failure_handlers()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["process-order"]);

        Assert.Equal(["process-order", "process-order-failure"], host.FunctionIds);
        Assert.Equal("shop", host.AppId);
    }

    [Fact]
    public async Task A_function_that_awaits_something_that_never_finishes_fails_the_test_instead_of_hanging()
    {
        await using var host = Hosts.Shop(o =>
        {
            o.Functions = ["hang"];
            o.SettleTimeout = TimeSpan.FromMilliseconds(200);
        });

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.SendAsync(new HangRequested("test")));

        Assert.StartsWith("The engine did not settle within 0 s of real time at +00:00:00: a function awaits something other than a step", failure.Message);
    }

    [Fact]
    public async Task A_run_becomes_a_history_that_reads_back()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["process-order"]);
        await host.SendAsync(Hosts.Order());
        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromHours(1));

        var history = RunHistory.Parse(run.ToHistory().ToJson());

        Assert.Equal(("process-order", "shop", RunStatus.Completed), (history.Run.FunctionId, history.Run.AppId, history.Run.Status));
        Assert.Equal(["charge", "cool-off", "ship", "announce-shipment"], history.Steps.Select(s => s.Name));
        Assert.Equal("o-1", history.Step("charge")!.Opts?.GetProperty("input")[0].GetProperty("orderId").GetString());
    }
}
