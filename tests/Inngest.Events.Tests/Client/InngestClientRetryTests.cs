using System.Net;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class InngestClientRetryTests : FakeEventApiTest
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retries_a_500_with_the_same_body_and_seed()
    {
        Api.Respond = FailFirst(context => context.Response.StatusCode = 500);
        using InngestClient client = TestClient.Create(Api);

        SendEventsResult result = await client.SendAsync(TestClient.Things(3));

        AssertSameRequestTwice();
        Assert.Equal(["1:0", "1:1", "1:2"], result.Ids);
    }

    [Fact]
    public async Task Retries_a_dropped_connection_with_the_same_body_and_seed()
    {
        Api.Respond = FailFirst(context => context.Abort());
        using InngestClient client = TestClient.Create(Api);

        SendEventsResult result = await client.SendAsync(TestClient.Things(3));

        AssertSameRequestTwice();
        Assert.Equal(["1:0", "1:1", "1:2"], result.Ids);
    }

    [Fact]
    public async Task Retries_a_429_after_its_Retry_After_seconds()
    {
        var time = new TimerTrackingTimeProvider(Start);
        Api.Respond = FailFirst(context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "7";
        });
        using InngestClient client = TestClient.Create(Api, o => o.Retry.BaseDelay = TimeSpan.FromMinutes(10), time);

        Task<SendEventsResult> send = client.SendAsync(TestClient.Things(2));

        Assert.Equal(TimeSpan.FromSeconds(7), await time.NextTimerAsync());
        Assert.Single(Api.Requests);
        time.Advance(TimeSpan.FromSeconds(7));
        await send.WaitAsync(TestClient.Timeout);
        AssertSameRequestTwice();
    }

    [Fact]
    public async Task Retries_a_503_after_its_Retry_After_date()
    {
        var time = new TimerTrackingTimeProvider(Start);
        Api.Respond = FailFirst(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = time.GetUtcNow().AddSeconds(25).ToString("R");
        });
        using InngestClient client = TestClient.Create(Api, o => o.Retry.BaseDelay = TimeSpan.FromMinutes(10), time);

        Task<SendEventsResult> send = client.SendAsync(TestClient.Things(2));

        Assert.Equal(TimeSpan.FromSeconds(25), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(25));
        await send.WaitAsync(TestClient.Timeout);
        AssertSameRequestTwice();
    }

    [Fact]
    public async Task Caps_Retry_After_at_MaxDelay()
    {
        var time = new TimerTrackingTimeProvider(Start);
        Api.Respond = FailFirst(context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "3600";
        });
        using InngestClient client = TestClient.Create(Api, o => o.Retry.MaxDelay = TimeSpan.FromSeconds(5), time);

        Task<SendEventsResult> send = client.SendAsync(TestClient.Things(1));

        Assert.Equal(TimeSpan.FromSeconds(5), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(5));
        await send.WaitAsync(TestClient.Timeout);
    }

    [Fact]
    public async Task Backs_off_exponentially_from_BaseDelay_on_the_injected_clock()
    {
        var time = new TimerTrackingTimeProvider(Start);
        Api.Respond = (request, context) =>
        {
            if (request.Index < 2)
            {
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return FakeEventApi.OkAsync(request, context);
        };
        using InngestClient client = TestClient.Create(Api, o => o.Retry.BaseDelay = TimeSpan.FromSeconds(1), time);

        Task<SendEventsResult> send = client.SendAsync(TestClient.Things(1));

        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        await send.WaitAsync(TestClient.Timeout);
        Assert.Equal(3, Api.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Does_not_retry_a_4xx_other_than_429(int status)
    {
        Api.Respond = (request, context) => FakeEventApi.JsonAsync(context, status, new { status, error = "nope" });
        using InngestClient client = TestClient.Create(Api);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(2)));

        Assert.Single(Api.Requests);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
    }

    [Fact]
    public async Task Gives_up_after_MaxRetryAttempts_and_reports_the_last_status()
    {
        Api.Respond = (request, context) => FakeEventApi.JsonAsync(context, 503, new { status = 503, message = "", error = "no event keys configured" });
        using InngestClient client = TestClient.Create(Api, o => o.Retry.MaxRetryAttempts = 2);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(2)));

        Assert.Equal(3, Api.Requests.Count);
        Assert.Single(Api.Requests.Select(r => r.Seed).Distinct());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal("no event keys configured", exception.ServerError);
        Assert.Contains("503", exception.Message);
    }

    [Fact]
    public async Task Reports_a_network_failure_that_outlasts_the_retries()
    {
        Api.Respond = (request, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        };
        using InngestClient client = TestClient.Create(Api, o => o.Retry.MaxRetryAttempts = 1);

        InngestSendException exception = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(2)));

        Assert.Equal(2, Api.Requests.Count);
        Assert.Null(exception.StatusCode);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal([0, 1], exception.NotAcceptedIndexes);
        Assert.Contains("Id", exception.Message);
    }

    [Fact]
    public async Task Does_not_retry_when_retries_are_off()
    {
        Api.Respond = (request, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        using InngestClient client = TestClient.Create(Api, o => o.Retry.MaxRetryAttempts = 0);

        await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(TestClient.Things(1)));

        Assert.Single(Api.Requests);
    }

    /// <summary>Fails the first request with <paramref name="fail"/> and answers 200 to the rest.</summary>
    private static Func<RecordedRequest, HttpContext, Task> FailFirst(Action<HttpContext> fail) => (request, context) =>
    {
        if (request.Index == 0)
        {
            fail(context);
            return Task.CompletedTask;
        }

        return FakeEventApi.OkAsync(request, context);
    };

    private void AssertSameRequestTwice()
    {
        IReadOnlyList<RecordedRequest> requests = Api.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Seed, requests[1].Seed);
        Assert.Equal(requests[0].Path, requests[1].Path);
    }
}
