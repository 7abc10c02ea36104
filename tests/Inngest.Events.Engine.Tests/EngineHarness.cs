using Inngest.Events.Engine.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Inngest.Events.Tests;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// An engine on a fake clock that starts at <see cref="Start"/>; tests advance the clock and run until idle. Its state
/// is in a store of its own, so <see cref="RestartAsync"/> can stop the engine and start another on the same state.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Func<InngestEngineOptions> _options;
    private readonly InngestFunctionDefinition[] _functions;
    private readonly ILoggerFactory? _loggerFactory;

    public EngineHarness(params InngestFunctionDefinition[] functions)
        : this(configure: null, functions)
    {
    }

    public EngineHarness(Action<InngestEngineOptions>? configure, params InngestFunctionDefinition[] functions)
        : this(new InMemoryEngineStore(), configure, functions)
    {
    }

    public EngineHarness(IEngineStore store, Action<InngestEngineOptions>? configure, params InngestFunctionDefinition[] functions)
        : this(store, configure, loggerFactory: null, functions)
    {
    }

    /// <summary>An engine that logs to <paramref name="loggerFactory"/> (a <see cref="WarningLog"/> to read its warnings).</summary>
    public EngineHarness(ILoggerFactory loggerFactory, params InngestFunctionDefinition[] functions)
        : this(new InMemoryEngineStore(), configure: null, loggerFactory, functions)
    {
    }

    private EngineHarness(IEngineStore store, Action<InngestEngineOptions>? configure, ILoggerFactory? loggerFactory, InngestFunctionDefinition[] functions)
    {
        _loggerFactory = loggerFactory;
        Store = store;
        _functions = functions;
        _options = () =>
        {
            var options = new InngestEngineOptions();
            configure?.Invoke(options);
            return options;
        };
        Engine = Create();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public IEngineStore Store { get; private set; }

    /// <summary>
    /// What a restarted process would open in place of the store it had: by default the same store (in memory); for a
    /// store on a file, a new store on that file once the old one is closed.
    /// </summary>
    public Func<IEngineStore, IEngineStore>? Reopen { get; init; }

    public InngestEngine Engine { get; private set; }

    /// <summary>Stops the engine (letting running calls finish) and starts a new one on the same store and clock.</summary>
    public async Task RestartAsync()
    {
        await Engine.DisposeAsync();
        if (Reopen is not null)
        {
            Store = Reopen(Store);
        }

        Engine = Create();
    }

    /// <summary>Starts a new engine on <paramref name="store"/> (from now on the harness's store) and the same clock, leaving the current one to the caller (a crashed engine).</summary>
    public InngestEngine Replace(IEngineStore store)
    {
        var crashed = Engine;
        Store = store;
        Engine = Create(store);
        return crashed;
    }

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

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Store.Dispose();
    }

    private InngestEngine Create(IEngineStore? store = null)
        => new(new InngestFunctionRegistry(_functions), _options(), Time, services: null, _loggerFactory, clientOptions: null, store ?? Store);
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
