using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Engine.Tests;

/// <summary>An engine on a fake clock that starts at <see cref="Start"/>; tests advance the clock and run until idle.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public EngineHarness(params InngestFunctionDefinition[] functions)
        : this(null, functions)
    {
    }

    public EngineHarness(Action<InngestEngineOptions>? configure, params InngestFunctionDefinition[] functions)
    {
        var options = new InngestEngineOptions();
        configure?.Invoke(options);
        Engine = new InngestEngine(new InngestFunctionRegistry(functions), options, Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InngestEngine Engine { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Runs until idle, failing the test instead of hanging if the engine never settles.</summary>
    public async Task RunAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Engine.RunUntilIdleAsync(guard.Token);
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await RunAsync();
    }

    public async Task<string> SendAsync<T>(T data, EventOptions? options = null)
        where T : IEventData<T>
        => (await Engine.SendAsync(data, options)).Single();

    public IReadOnlyList<RunRecord> RunsOf(string functionId) => Engine.Runs.Where(r => r.FunctionId == functionId).ToArray();

    public RunRecord SingleRun(string functionId) => Assert.Single(RunsOf(functionId));

    public IReadOnlyList<EventRecord> EventsNamed(string name) => Engine.Events.Where(e => e.Name == name).ToArray();

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}

/// <summary>Hand-written function definitions.</summary>
internal static class Fn
{
    public static InngestFunctionDefinition On(string id, string eventName, FunctionHandler handler, FunctionConfig? config = null)
        => new() { Id = id, Triggers = [FunctionTrigger.ForEvent(eventName)], Config = config ?? new FunctionConfig(), Handler = handler };

    public static InngestFunctionDefinition Invoked(string id, FunctionHandler handler, FunctionConfig? config = null)
        => new() { Id = id, Config = config ?? new FunctionConfig(), Handler = handler };

    public static InngestFunctionDefinition Returning(string id, string eventName, string result)
        => On(id, eventName, invocation => Task.FromResult(invocation.SerializeResult(result)));

    /// <summary>A step body that throws (typed, so overload resolution picks <c>Func&lt;T&gt;</c>).</summary>
    public static int Throw(string message) => throw new InvalidOperationException(message);

    public static Task<ReadOnlyMemory<byte>> Fail(Exception exception) => Task.FromException<ReadOnlyMemory<byte>>(exception);
}
