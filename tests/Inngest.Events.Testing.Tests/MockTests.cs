using Inngest.Events.Testing.Tests.Shop;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Testing.Tests;

/// <summary>Mocks: a step's result or failure by step id (seeing its input), an invoked function by its typed reference, a wait by an event sent at a virtual time.</summary>
public sealed class MockTests
{
    [Fact]
    public async Task A_mocked_step_gets_the_input_the_step_was_called_with_and_its_code_does_not_run()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest request) => new Receipt("mock-" + request.OrderId, request.Amount * 2));
        await host.SendAsync(Hosts.Order("o-7", 40m));

        var run = await host.WaitForRunAsync(InngestGeneratedFunctions.ProcessOrder, TimeSpan.FromHours(1));

        Assert.Equal(new Receipt("mock-o-7", 80m), run.Result);
        Assert.Empty(host.Services.GetRequiredService<PaymentGateway>().Charged);
        Assert.Equal(new ChargeRequest("o-7", 40m), run.Step("charge").InputAs<ChargeRequest>());
        var call = Assert.Single(host.StepCallsOf("charge"));
        Assert.True(call.Mocked);
        Assert.Equal(new ChargeRequest("o-7", 40m), call.InputAs<ChargeRequest>());
    }

    [Fact]
    public async Task Steps_without_a_mock_run_their_own_code()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest request) => new Receipt("mock", request.Amount));
        await host.SendAsync(Hosts.Order("o-8"));

        await host.WaitForRunAsync("process-order", TimeSpan.FromHours(1));

        Assert.Equal(["o-8"], host.Services.GetRequiredService<Warehouse>().Shipped);
        var ship = Assert.Single(host.StepCallsOf("ship"));
        Assert.False(ship.Mocked);
        Assert.Equal("o-8", ship.InputAs<string>());
        Assert.Equal("track-o-8", host.SingleRun("process-order").Step("ship").OutputAs<string>());
    }

    [Fact]
    public async Task A_mock_that_throws_a_non_retriable_error_fails_the_run_at_once_and_the_failure_handler_runs()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest request) => throw new NonRetriableException($"card for {request.OrderId} declined"));
        await host.SendAsync(Hosts.Order("o-9"));

        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromMinutes(1));
        await host.WaitForRunAsync("process-order-failure", TimeSpan.FromMinutes(1));

        run.AssertFailed("card for o-9 declined");
        Assert.Equal(1, run.Step("charge").Attempts);
        Assert.Equal(StepStatus.Failed, run.Step("charge").Status);
        Assert.Equal(["card for o-9 declined"], host.Services.GetRequiredService<Counters>().Failures);
        Assert.False(run.HasStep("ship"));
    }

    [Fact]
    public async Task A_mock_that_keeps_throwing_is_retried_with_backoff_until_the_retries_run_out()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest _) => throw new TimeoutException("gateway timed out"));
        await host.SendAsync(Hosts.Order());

        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromHours(1));

        run.AssertFailed("gateway timed out");
        Assert.Equal(4, run.Step("charge").Attempts);
        Assert.Equal(
            [Hosts.Start, Hosts.Start.AddSeconds(15), Hosts.Start.AddSeconds(45), Hosts.Start.AddSeconds(105)],
            host.StepCallsOf("charge").Select(c => c.Time));
    }

    [Fact]
    public async Task A_service_replaced_for_one_test_is_what_the_functions_get()
    {
        await using var host = Hosts.Shop(o => o.Services.AddSingleton<PaymentGateway, DecliningGateway>());
        await host.SendAsync(Hosts.Order("o-3"));

        var run = await host.WaitForRunAsync("process-order", TimeSpan.FromHours(1));

        run.AssertFailed("The card for o-3 was declined.");
        Assert.Equal(4, run.Step("charge").Attempts);
    }

    [Fact]
    public async Task A_mock_for_one_function_leaves_the_same_step_id_of_other_functions_alone()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["process-order", "compute-tax", "quote-with-tax"]);
        host.MockStep("rate", (decimal amount) => amount, functionId: "some-other-function");
        await host.SendAsync(Hosts.Order(amount: 50m));

        var quote = await host.WaitForRunAsync("quote-with-tax", TimeSpan.FromMinutes(1));

        Assert.Equal(60m, quote.OutputAs<decimal>());
        Assert.False(Assert.Single(host.StepCallsOf("rate")).Mocked);
    }

    [Fact]
    public async Task A_mock_that_does_not_fit_its_step_fails_the_test_with_what_is_wrong()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (ChargeRequest request) => "not a receipt");

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.SendAsync(Hosts.Order()));

        Assert.Equal(
            "MockStep(\"charge\", (ChargeRequest input) => String) does not fit the step 'charge' of 'process-order': it returns a 'System.String', but the step returns a 'Inngest.Events.Testing.Tests.Shop.Receipt'.",
            failure.Message);
        Assert.Equal(RunStatus.Failed, host.SingleRun("process-order").Status);
    }

    [Fact]
    public async Task A_mock_that_takes_an_input_the_step_does_not_have_is_refused()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["nightly-report"]);
        host.MockStep("report", (string input) => { });

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.AdvanceAsync(TimeSpan.FromDays(1)));

        Assert.Contains("takes a 'System.String', but the step is called without an input; mock it with MockStep(\"report\", () => ...)", failure.Message);
    }

    [Fact]
    public async Task A_mock_whose_input_type_differs_from_the_step_input_is_refused()
    {
        await using var host = Hosts.Shop();
        host.MockStep("charge", (string orderId) => new Receipt(orderId, 1m));

        var failure = await Assert.ThrowsAsync<InngestAssertionException>(() => host.SendAsync(Hosts.Order()));

        Assert.Contains("takes a 'System.String', but the step is called with a 'Inngest.Events.Testing.Tests.Shop.ChargeRequest'", failure.Message);
    }

    [Fact]
    public async Task An_invoked_function_is_mocked_by_its_typed_reference()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["quote-with-tax", "compute-tax"]);
        host.MockInvoke(InngestGeneratedFunctions.ComputeTax, request => request.Amount / 10);
        await host.SendAsync(Hosts.Order(amount: 50m));

        var quote = await host.WaitForRunAsync(InngestGeneratedFunctions.QuoteWithTax, TimeSpan.FromMinutes(1));

        Assert.Equal(55m, quote.Result);
        Assert.Empty(host.Services.GetRequiredService<Counters>().Taxes);
        var invoked = host.SingleRun("compute-tax").AssertCompleted();
        Assert.Equal(5m, invoked.OutputAs<decimal>());
        Assert.Equal("eu", invoked.EventAs<TaxRequested>().Data.Region);
    }

    [Fact]
    public async Task Without_a_mock_the_invoked_function_runs()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["quote-with-tax", "compute-tax"]);
        await host.SendAsync(Hosts.Order(amount: 50m));

        var quote = await host.WaitForRunAsync(InngestGeneratedFunctions.QuoteWithTax, TimeSpan.FromMinutes(1));

        Assert.Equal(60m, quote.Result);
        Assert.Equal([10m], host.Services.GetRequiredService<Counters>().Taxes);
    }

    [Fact]
    public async Task A_function_of_another_app_is_mocked_by_its_composite_reference()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["quote-with-remote-tax"]);
        host.MockInvoke(ShopFunctions.RemoteTax, request => request.Amount * 0.1m);
        await host.SendAsync(Hosts.Order(amount: 200m, customer: "remote"));

        var quote = await host.WaitForRunAsync("quote-with-remote-tax", TimeSpan.FromMinutes(1));

        Assert.Equal(220m, quote.OutputAs<decimal>());
    }

    [Fact]
    public async Task A_mocked_invoke_that_throws_fails_the_invoking_step()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["quote-with-tax", "compute-tax"]);
        host.MockInvoke(InngestGeneratedFunctions.ComputeTax, decimal (TaxRequested _) => throw new NonRetriableException("tax service down"));
        await host.SendAsync(Hosts.Order());

        var quote = await host.WaitForRunAsync("quote-with-tax", TimeSpan.FromMinutes(1));

        quote.AssertFailed("tax service down");
        Assert.Equal(StepStatus.Failed, quote.Step("compute-tax").Status);
    }

    [Fact]
    public async Task A_function_of_another_app_that_is_not_mocked_cannot_be_invoked()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["quote-with-remote-tax"]);
        await host.SendAsync(Hosts.Order(customer: "remote"));

        var quote = await host.WaitForRunAsync("quote-with-remote-tax", TimeSpan.FromMinutes(1));

        quote.AssertFailed("billing-compute-tax");
    }

    [Fact]
    public async Task A_wait_is_answered_by_an_event_sent_at_a_virtual_time_made_from_the_trigger()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        host.MockWaitForEvent("wait-payment", (Event<OrderPlaced> order) => new PaymentReceived(order.Data.OrderId, order.Data.Amount), after: TimeSpan.FromMinutes(5));
        await host.SendAsync(Hosts.Order("o-5", 42m));

        var run = await host.WaitForRunAsync("await-payment", TimeSpan.FromHours(2));

        Assert.Equal("paid 42", run.OutputAs<string>());
        Assert.Equal(Hosts.Start.AddMinutes(5), run.EndedAt);
        Assert.Equal(StepStatus.Completed, run.Step("wait-payment").Status);
    }

    [Fact]
    public async Task A_mocked_wait_event_is_a_real_event_that_must_match_the_condition()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        host.MockWaitForEvent("wait-payment", new PaymentReceived("another-order", 1m), after: TimeSpan.FromMinutes(5));
        await host.SendAsync(Hosts.Order("o-5"));

        var run = await host.WaitForRunAsync("await-payment", TimeSpan.FromHours(2));

        Assert.Equal("unpaid", run.OutputAs<string>());
        Assert.Equal(Hosts.Start.AddHours(1), run.EndedAt);
        Assert.Single(host.EventsOf<PaymentReceived>());
    }

    [Fact]
    public async Task Invoke_mocks_of_functions_the_host_does_not_run_come_before_it_starts()
    {
        await using var host = Hosts.Shop(o => o.Functions = ["await-payment"]);
        await host.SendAsync(Hosts.Order());

        var failure = Assert.Throws<InvalidOperationException>(() => host.MockInvoke(ShopFunctions.RemoteTax, _ => 1m));

        Assert.Contains("MockInvoke('billing-compute-tax') comes after the host started", failure.Message);
    }
}
