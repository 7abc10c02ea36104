using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Engine.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task UseEmbeddedEngine_makes_the_client_send_in_process_to_the_functions_of_every_registry()
    {
        var time = new FakeTimeProvider(EngineHarness.Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new InngestFunctionRegistry([Fn.On("notify", Names.OrderPlaced, async invocation =>
        {
            var order = invocation.GetEvent<OrderPlaced>().Data;
            await invocation.Steps.SendEventAsync("send-receipt", new ReceiptRequested(order.OrderId));
            return invocation.SerializeResult(invocation.Context.FunctionId);
        })]));
        services.AddSingleton(new InngestFunctionRegistry([Fn.On("receipt", Names.ReceiptRequested, invocation =>
            Task.FromResult(invocation.SerializeResult(invocation.GetEvent<ReceiptRequested>().Data.OrderId)))]));
        services.AddInngest(options => options.AppId = "shop").UseEmbeddedEngine(options => options.RunInBackground = false);

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IInngestClient>();
        var engine = provider.GetRequiredService<InngestEngine>();
        Assert.Same(engine, provider.GetRequiredService<IEventTransport>());
        Assert.Contains(provider.GetServices<IHostedService>(), service => service.GetType().Name == "InngestEngineHostedService");
        Assert.Equal("shop", engine.AppId);
        Assert.Same(time, engine.TimeProvider);

        var sent = await client.SendAsync(new OrderPlaced("o9"));
        await engine.RunUntilIdleAsync();

        var runs = engine.Runs;
        var notify = Assert.Single(runs, r => r.FunctionId == "notify");
        var receipt = Assert.Single(runs, r => r.FunctionId == "receipt");
        Assert.Equal(sent.Ids.Single(), engine.Events[0].InternalId);
        Assert.Equal(("shop-notify", "notify"), (notify.CompositeFunctionId, notify.Result!.Value.GetString()));
        Assert.Equal("o9", receipt.Result!.Value.GetString());
    }

    [Fact]
    public async Task The_hosted_service_runs_the_engine_in_the_background()
    {
        var time = new FakeTimeProvider(EngineHarness.Start);
        var completed = new TaskCompletionSource<RunTimelineEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new InngestFunctionRegistry([Fn.On("napper", Names.OrderPlaced, async invocation =>
        {
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            return invocation.SerializeResult("rested");
        })]));
        services.AddInngest().UseEmbeddedEngine(options => options.OnTimelineEntry = entry =>
        {
            if (entry.Kind == RunTimelineKind.Sleeping)
            {
                sleeping.TrySetResult();
            }
            else if (entry.Kind == RunTimelineKind.Completed)
            {
                completed.TrySetResult(entry);
            }
        });

        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        await provider.GetRequiredService<IInngestClient>().SendAsync(new OrderPlaced("o1"));
        await sleeping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromHours(1));
        var entry = await completed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(EngineHarness.Start + TimeSpan.FromHours(1), entry.Time);
        Assert.Equal("app", provider.GetRequiredService<InngestEngine>().AppId);
    }
}
