using Inngest.Events.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The same functions on two engines with fake clocks: one runs them in memory, the other over HTTP, served by
/// <c>MapInngest</c> in another Kestrel app that shares its clock (so signatures stay fresh as time is advanced).
/// </summary>
internal sealed class EnginePair : IAsyncDisposable
{
    private EnginePair(InngestEngine memory, FakeTimeProvider memoryTime, InngestEngine http, FakeTimeProvider httpTime, ServeApp app)
    {
        Memory = memory;
        MemoryTime = memoryTime;
        Http = http;
        HttpTime = httpTime;
        App = app;
    }

    public InngestEngine Memory { get; }

    public FakeTimeProvider MemoryTime { get; }

    public InngestEngine Http { get; }

    public FakeTimeProvider HttpTime { get; }

    public ServeApp App { get; }

    public static InngestEngineOptions Options() => new() { AppId = "app", RetryBackoff = [TimeSpan.Zero], RunInBackground = false };

    public static Task<EnginePair> StartAsync(bool signed, params InngestFunctionDefinition[] functions)
        => StartAsync(signed, null, functions);

    public static async Task<EnginePair> StartAsync(bool signed, Action<ServeAppOptions>? configure, params InngestFunctionDefinition[] functions)
    {
        var memoryTime = new FakeTimeProvider(Keys.Now);
        var memory = new InngestEngine(new InngestFunctionRegistry(functions), Options(), memoryTime);

        var httpTime = new FakeTimeProvider(Keys.Now);
        var app = await ServeApp.StartAsync(o =>
        {
            if (signed)
            {
                o.Cloud();
            }
            else
            {
                o.Dev();
            }

            o.Time = httpTime;
            o.Functions.AddRange(functions);
            configure?.Invoke(o);
        });
        var http = new InngestEngine(new InngestFunctionRegistry([]), Options(), httpTime);
        if (signed)
        {
            http.HttpOptions = new InngestEngineHttpOptions { SigningKey = Keys.Signing };
        }

        var sync = await http.RegisterAppAsync(app.ServeUrl);
        Assert.Equal("in_band", sync.App.SyncKind);
        return new EnginePair(memory, memoryTime, http, httpTime, app);
    }

    /// <summary>Plays the same scenario on both engines and returns the two runs of <paramref name="functionId"/>.</summary>
    public async Task<(RunRecord Memory, RunRecord Http)> PlayAsync(string functionId, Func<InngestEngine, FakeTimeProvider, Task> scenario)
    {
        await scenario(Memory, MemoryTime);
        await scenario(Http, HttpTime);
        return (Assert.Single(Memory.Runs, r => r.FunctionId == functionId), Assert.Single(Http.Runs, r => r.FunctionId == functionId));
    }

    public static async Task RunAsync(InngestEngine engine)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await engine.RunUntilIdleAsync(guard.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Memory.DisposeAsync();
        await Http.DisposeAsync();
        await App.DisposeAsync();
    }
}
