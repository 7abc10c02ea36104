using Inngest.Events.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class AddInngestTests : FakeEventApiTest
{
    [Fact]
    public async Task Registers_a_singleton_client_that_sends_to_the_event_api()
    {
        await using ServiceProvider provider = Services(o => o.Env = "di-env").BuildServiceProvider();

        IInngestClient client = provider.GetRequiredService<IInngestClient>();
        SendEventsResult result = await client.SendAsync(new ThingHappened("t", 1));

        Assert.Same(client, provider.GetRequiredService<IInngestClient>());
        Assert.Equal(["0:0"], result.Ids);
        RecordedRequest request = Assert.Single(Api.Requests);
        Assert.Equal("/e/di-key", request.Path);
        Assert.Equal(InngestSdk.Identifier, request.Header("X-Inngest-SDK"));
        Assert.Equal("di-env", request.Header("X-Inngest-Env"));
    }

    [Fact]
    public async Task Retries_through_the_factory_client_on_the_registered_TimeProvider()
    {
        var time = new TimerTrackingTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Api.Respond = (request, context) =>
        {
            if (request.Index == 0)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "5";
                return Task.CompletedTask;
            }

            return FakeEventApi.OkAsync(request, context);
        };
        IServiceCollection services = Services(o => o.Retry.BaseDelay = TimeSpan.FromMinutes(10));
        services.AddSingleton<TimeProvider>(time);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Task<SendEventsResult> send = provider.GetRequiredService<IInngestClient>().SendAsync(TestClient.Things(2));

        Assert.Equal(TimeSpan.FromSeconds(5), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(5));
        SendEventsResult result = await send.WaitAsync(TestClient.Timeout);
        Assert.Equal(["1:0", "1:1"], result.Ids);
        Assert.Equal(2, Api.Requests.Count);
        Assert.Equal(Api.Requests[0].Seed, Api.Requests[1].Seed);
        Assert.Equal(Api.Requests[0].Body, Api.Requests[1].Body);
        Assert.Equal(time.GetUtcNow().AddSeconds(-5).ToUnixTimeMilliseconds().ToString(), Api.Requests[0].Seed.Split(',')[0]);
    }

    [Fact]
    public async Task Calling_AddInngest_again_adds_configuration_but_not_a_second_retry_handler()
    {
        Api.Respond = (request, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        IServiceCollection services = Services(o => o.Retry.MaxRetryAttempts = 1);
        services.AddInngest(o => o.EventKey = "second-key");
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<InngestSendException>(() => provider.GetRequiredService<IInngestClient>().SendAsync(new ThingHappened("t", 1)));

        Assert.Equal(2, Api.Requests.Count);
        Assert.All(Api.Requests, r => Assert.Equal("/e/second-key", r.Path));
    }

    [Fact]
    public async Task Throws_the_missing_key_error_on_send_not_on_resolve()
    {
        await using ServiceProvider provider = Services(o => o.EventKey = null).BuildServiceProvider();
        IInngestClient client = provider.GetRequiredService<IInngestClient>();

        await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAsync(new ThingHappened("t", 1)));

        Assert.Empty(Api.Requests);
    }

    [Fact]
    public async Task UseEventTransport_sends_validated_serialized_events_to_another_transport()
    {
        var transport = new CapturingTransport();
        IServiceCollection services = new ServiceCollection();
        services.AddInngest().UseEventTransport(_ => transport);
        await using ServiceProvider provider = services.BuildServiceProvider();

        SendEventsResult result = await provider.GetRequiredService<IInngestClient>().SendAsync(
            [TestClient.Thing(1), new Event<VersionedThing>(new VersionedThing("v"))]);

        Assert.Equal(["local-0", "local-1"], result.Ids);
        Assert.Equal(
            [
                """{"name":"test/thing.happened","data":{"thingId":"t1","count":1}}""",
                """{"name":"test/thing.versioned","data":{"thingId":"v"},"id":"thing-v","v":"2024-01-01.1"}""",
            ],
            transport.Json);
        Assert.Equal(["test/thing.happened", "test/thing.versioned"], transport.Names);
        Assert.Empty(Api.Requests);
        await Assert.ThrowsAsync<InngestEventValidationException>(
            () => provider.GetRequiredService<IInngestClient>().SendAsync(new ReservedThing(1)));
        Assert.Equal(2, transport.Json.Count);
    }

    [Fact]
    public void Binds_options_through_the_options_pattern()
    {
        IServiceCollection services = Services(o => o.MaxEventsPerRequest = 100);
        services.Configure<InngestOptions>(o => o.AppId = "my-app");
        using ServiceProvider provider = services.BuildServiceProvider();

        InngestOptions options = provider.GetRequiredService<IOptions<InngestOptions>>().Value;

        Assert.Equal(100, options.MaxEventsPerRequest);
        Assert.Equal("my-app", options.AppId);
    }

    private IServiceCollection Services(Action<InngestOptions>? configure = null)
    {
        var services = new ServiceCollection();

        // No real environment variables: the test decides every setting.
        services.AddSingleton(new InngestEnvironment(TestClient.Environment(null)));
        services.AddInngest(o =>
        {
            o.EventApiBaseUrl = Api.BaseUrl;
            o.EventKey = "di-key";
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(o);
        });
        return services;
    }

    private sealed class CapturingTransport : IEventTransport
    {
        public List<string> Json { get; } = [];

        public List<string> Names { get; } = [];

        public Task<SendEventsResult> SendAsync(SerializedEvents events, CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            for (int i = 0; i < events.Count; i++)
            {
                Json.Add(System.Text.Encoding.UTF8.GetString(events.GetJson(i).Span));
                Names.Add(events.GetName(i));
                ids.Add($"local-{i}");
            }

            return Task.FromResult(new SendEventsResult(ids));
        }
    }
}
