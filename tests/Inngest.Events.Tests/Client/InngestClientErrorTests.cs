using System.Net;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class InngestClientErrorTests : FakeEventApiTest
{
    [Fact]
    public async Task Reports_the_accepted_ids_and_not_accepted_indexes_of_a_partial_400()
    {
        Api.Respond = (request, context) => FakeEventApi.JsonAsync(
            context,
            400,
            new { ids = new[] { "01A", "01B" }, status = 400, error = "event name is reserved for internal use: inngest/x" });
        using InngestClient client = TestClient.Create(Api);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(5)));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("event name is reserved for internal use: inngest/x", exception.ServerError);
        Assert.Equal(["01A", "01B"], exception.AcceptedIds);
        Assert.Equal([0, 1], exception.AcceptedIndexes);
        Assert.Equal([2, 3, 4], exception.NotAcceptedIndexes);
        Assert.Contains("400", exception.Message);
        Assert.Contains("event name is reserved for internal use", exception.Message);
        Assert.Contains("Accepted 2 of 5", exception.Message);
        Assert.Contains("#0 'test/thing.happened' → 01A", exception.Message);
        Assert.Contains("#1 'test/thing.happened' → 01B", exception.Message);
        Assert.Contains("Not accepted: #2 to #4", exception.Message);
    }

    [Fact]
    public async Task Reports_nothing_accepted_when_a_400_has_an_empty_first_id()
    {
        Api.Respond = (request, context) => FakeEventApi.JsonAsync(context, 400, new { ids = new[] { "" }, status = 400, error = "event name is empty" });
        using InngestClient client = TestClient.Create(Api);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(3)));

        Assert.Empty(exception.AcceptedIds);
        Assert.Empty(exception.AcceptedIndexes);
        Assert.Equal([0, 1, 2], exception.NotAcceptedIndexes);
        Assert.Contains("No event was accepted: #0 to #2", exception.Message);
    }

    [Fact]
    public async Task Reports_events_accepted_by_earlier_requests_when_a_later_request_fails()
    {
        Api.Respond = (request, context) => request.Index == 0
            ? FakeEventApi.OkAsync(request, context)
            : FakeEventApi.JsonAsync(context, 400, new { ids = new[] { "1:0" }, status = 400, error = "bad event" });
        using InngestClient client = TestClient.Create(Api, o => o.MaxEventsPerRequest = 2);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(6)));

        Assert.Equal(2, Api.Requests.Count);
        Assert.Equal(["0:0", "0:1", "1:0"], exception.AcceptedIds);
        Assert.Equal([0, 1, 2], exception.AcceptedIndexes);
        Assert.Equal([3, 4, 5], exception.NotAcceptedIndexes);
        Assert.Contains("Accepted 3 of 6", exception.Message);
        Assert.Contains("#2 'test/thing.happened' → 1:0", exception.Message);
        Assert.Contains("Not accepted: #3 to #5", exception.Message);
    }

    [Fact]
    public async Task Reports_a_401_as_an_unknown_event_key()
    {
        Api.Respond = (request, context) => FakeEventApi.JsonAsync(context, 401, new { status = 401, message = "", error = "Event key not found" });
        using InngestClient client = TestClient.Create(Api);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(new ThingHappened("t", 1)));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("Event key not found", exception.ServerError);
        Assert.Contains("401 Unauthorized: Event key not found", exception.Message);
        Assert.Contains("INNGEST_EVENT_KEY", exception.Message);
        Assert.Equal([0], exception.NotAcceptedIndexes);
    }

    [Fact]
    public async Task Reports_a_413_without_a_body_as_a_payload_too_large()
    {
        Api.Respond = (request, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        };
        using InngestClient client = TestClient.Create(Api);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(new ThingHappened("t", 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, exception.StatusCode);
        Assert.Null(exception.ServerError);
        Assert.Contains("413 Payload Too Large: Event payload too large", exception.Message);
        Assert.Contains("MaxEventSizeBytes", exception.Message);
    }

    [Fact]
    public async Task Reports_the_text_of_a_non_json_error_body()
    {
        Api.Respond = async (request, context) =>
        {
            context.Response.StatusCode = 502;
            await context.Response.WriteAsync("<html>upstream went away</html>");
        };
        using InngestClient client = TestClient.Create(Api, o => o.Retry.MaxRetryAttempts = 0);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(new ThingHappened("t", 1)));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("<html>upstream went away</html>", exception.ServerError);
    }

    [Fact]
    public async Task Treats_a_200_without_an_id_per_event_as_a_failure()
    {
        Api.Respond = (request, context) => FakeEventApi.JsonAsync(context, 200, new { ids = new[] { "only-one" }, status = 200 });
        using InngestClient client = TestClient.Create(Api);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(2)));

        Assert.Equal(["only-one"], exception.AcceptedIds);
        Assert.Equal([1], exception.NotAcceptedIndexes);
        Assert.Contains("1 id(s) for the 2 event(s)", exception.Message);
    }

    [Fact]
    public async Task Refuses_to_send_without_an_event_key_in_cloud_mode()
    {
        using InngestClient client = TestClient.Create(Api, o => o.EventKey = null);

        InngestConfigurationException exception = await Assert.ThrowsAsync<InngestConfigurationException>(
            () => client.SendAsync(new ThingHappened("t", 1)));

        Assert.Empty(Api.Requests);
        Assert.Contains("no Inngest event key", exception.Message);
        Assert.Contains("cloud mode", exception.Message);
        Assert.Contains("InngestOptions.EventKey", exception.Message);
        Assert.Contains("INNGEST_EVENT_KEY", exception.Message);
        Assert.Contains("INNGEST_DEV=1", exception.Message);
    }

    [Fact]
    public async Task Refuses_to_send_without_an_event_key_when_INNGEST_DEV_says_cloud()
    {
        using InngestClient client = TestClient.Create(
            Api,
            o => o.EventKey = null,
            environment: new Dictionary<string, string> { ["INNGEST_DEV"] = "0" });

        InngestConfigurationException exception = await Assert.ThrowsAsync<InngestConfigurationException>(
            () => client.SendAsync(TestClient.Things(3)));

        Assert.Empty(Api.Requests);
        Assert.Contains("INNGEST_DEV=0", exception.Message);
    }
}
