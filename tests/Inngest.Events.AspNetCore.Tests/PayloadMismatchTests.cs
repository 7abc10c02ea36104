using Inngest.Events.AspNetCore.Tests.Infrastructure;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// A trigger event, a received event or an invoke result whose JSON does not fit the function's type is answered as a
/// non-retriable failure (400, <c>X-Inngest-No-Retry: true</c>) that names what was read, the type and the JSON path:
/// Inngest would only retry it with the same payload.
/// </summary>
public sealed class PayloadMismatchTests
{
    private static readonly string PaymentHash = StepIds.Hash("wait-payment");
    private static readonly string ChargeHash = StepIds.Hash("charge");

    /// <summary>Reads its trigger as an <see cref="OrderPlaced"/>, as a generated handler does before user code runs.</summary>
    private static readonly InngestFunctionDefinition Typed = TestFunctions.On("typed", Names.OrderPlaced,
        invocation => Task.FromResult(invocation.SerializeResult(invocation.GetEvent<OrderPlaced>().Data.Amount)));

    /// <summary>Reads its trigger as an <see cref="OrderImported"/>, whose type reads numbers from strings too.</summary>
    private static readonly InngestFunctionDefinition Lenient = TestFunctions.On("lenient", Names.OrderImported,
        invocation => Task.FromResult(invocation.SerializeResult(invocation.GetEvent<OrderImported>().Data.Amount)));

    /// <summary>Invokes a charge function and returns its result, an int.</summary>
    private static readonly InngestFunctionDefinition Invoker = TestFunctions.On("invoker", Names.OrderPlaced, async invocation =>
    {
        var total = await invocation.Steps.InvokeAsync("charge", new FunctionReference<ReceiptRequested, int>("charge"), new ReceiptRequested("o1"));
        return invocation.SerializeResult(total);
    });

    private static Task<ServeApp> StartAsync()
        => ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Functions.AddRange([Typed, Lenient, TestFunctions.Waiter, Invoker]);
        });

    private static string Order(string data) => $$$"""{"name":"test/order.placed","data":{{{data}}},"id":"evt-1","ts":1735732800000,"user":{}}""";

    [Theory]
    [InlineData("""{"orderId":"o1","amount":"a lot"}""", "test/order.placed → OrderPlaced: $.amount: expected a number, found the string \"a lot\"")]
    [InlineData("""{"orderId":"o1","amount":"12"}""", "test/order.placed → OrderPlaced: $.amount: expected a number, found the string \"12\"")]
    [InlineData("""{"orderId":"o1","amount":true}""", "test/order.placed → OrderPlaced: $.amount: expected a number, found a boolean")]
    [InlineData("""{"orderId":["o1"]}""", "test/order.placed → OrderPlaced: $.orderId: expected a string, found an array")]
    [InlineData("""[{"orderId":"o1"}]""", "test/order.placed → OrderPlaced: $: expected an object, found an array")]
    public async Task A_trigger_event_whose_data_does_not_fit_fails_for_good_naming_event_type_and_path(string data, string message)
    {
        await using var app = await StartAsync();

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-typed"), CallBodies.Create(evtJson: Order(data)), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.Equal("true", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        var body = await ResponseAssert.JsonAsync(response);
        Assert.Equal(("PayloadMismatchException", message), (body.GetProperty("name").GetString(), body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_number_in_a_string_fits_a_number_where_the_type_asks_for_it()
    {
        await using var app = await StartAsync();
        var imported = $$$"""{"name":"{{{Names.OrderImported}}}","data":{"orderId":"o1","amount":"12"},"id":"evt-2","ts":1735732800000,"user":{}}""";

        using var response = await app.SendAsync(
            HttpMethod.Post, CallBodies.Query("app-lenient"), CallBodies.Create(evtJson: imported), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_received_event_that_does_not_fit_the_wait_fails_for_good()
    {
        await using var app = await StartAsync();
        var payment = """{"name":"test/payment.received","data":{"orderId":"o1","amount":{"value":5}},"id":"pay-1","ts":1735732800000,"user":{}}""";

        using var response = await app.SendAsync(
            HttpMethod.Post, CallBodies.Query("app-waiter"), CallBodies.Create(steps: new Dictionary<string, string> { [PaymentHash] = payment }), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("true", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        Assert.Equal(
            "test/payment.received → PaymentReceived: $.amount: expected a number, found an object",
            (await ResponseAssert.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_invoke_result_that_does_not_fit_fails_for_good()
    {
        await using var app = await StartAsync();

        using var response = await app.SendAsync(
            HttpMethod.Post, CallBodies.Query("app-invoker"), CallBodies.Create(steps: new Dictionary<string, string> { [ChargeHash] = """{"data":"twelve"}""" }), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("true", ResponseAssert.Header(response, "X-Inngest-No-Retry"));
        Assert.Equal(
            "the result of 'app-charge' (step 'charge') → Int32: $: expected a number, found the string \"twelve\"",
            (await ResponseAssert.JsonAsync(response)).GetProperty("message").GetString());
    }
}
