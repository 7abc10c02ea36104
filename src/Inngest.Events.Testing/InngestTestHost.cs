using Inngest.Events.Engine;
using Inngest.Events.Testing.Mocks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inngest.Events.Testing;

/// <summary>
/// Runs Inngest functions in a test, on the embedded engine with a virtual clock: send events, move time (sleeps,
/// wait timeouts, retry backoff, debounce, batch and throttle windows and crons pass without real waiting), mock steps,
/// invoked functions and awaited events, and inspect runs with assertions whose failures show the runs' timelines.
/// Works with any test framework; its assertions throw <see cref="InngestAssertionException"/>.
/// </summary>
/// <remarks>
/// <para>Arrange (services, mocks), then act: the engine starts at the first send or time move, with the functions and
/// services as they are then. Step and wait mocks may still be added later.</para>
/// <para>Every act settles the engine before it returns: whatever is due at the current virtual time has run.</para>
/// </remarks>
public sealed partial class InngestTestHost : IAsyncDisposable
{
    private readonly InngestTestHostOptions _options;
    private readonly ServiceProvider _provider;
    private readonly MockRegistry _mocks = new();
    private readonly StepInterception _interception;
    private readonly object _gate = new();
    private readonly HashSet<string> _sentByTest = new(StringComparer.Ordinal);
    private InngestEngine? _engine;
    private InngestFunctionRegistry? _merged;
    private TestRunContext? _runContext;
    private bool _disposed;

    /// <summary>Creates a host for the functions of <paramref name="registry"/>.</summary>
    /// <param name="registry">The functions, e.g. the generated <c>InngestGeneratedFunctions.CreateRegistry("my-app")</c>.</param>
    /// <param name="configure">Services, engine settings, the functions to run, the clock's start.</param>
    public InngestTestHost(InngestFunctionRegistry registry, Action<InngestTestHostOptions>? configure = null)
        : this(options =>
        {
            ArgumentNullException.ThrowIfNull(registry);
            options.AddFunctions(registry);
            configure?.Invoke(options);
        })
    {
    }

    /// <summary>Creates a host for the functions of the registry <paramref name="createRegistry"/> makes for the app id.</summary>
    /// <param name="createRegistry">Makes the registry, e.g. the generated <c>InngestGeneratedFunctions.CreateRegistry</c>.</param>
    /// <param name="configure">Services, engine settings, the functions to run, the clock's start, the app id.</param>
    public InngestTestHost(Func<string, InngestFunctionRegistry> createRegistry, Action<InngestTestHostOptions>? configure = null)
        : this(options =>
        {
            ArgumentNullException.ThrowIfNull(createRegistry);
            options.AddFunctions(createRegistry);
            configure?.Invoke(options);
        })
    {
    }

    /// <summary>
    /// Creates a host from <paramref name="configure"/> alone: its functions are the registries it adds
    /// (<see cref="InngestTestHostOptions.AddFunctions(InngestFunctionRegistry)"/>) and those its services register (the
    /// app's own <c>services.AddInngest(...).AddFunctions()</c>).
    /// </summary>
    public InngestTestHost(Action<InngestTestHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _options = new InngestTestHostOptions();
        configure(_options);
        Clock = new TestClock(_options.StartTime);
        _interception = new StepInterception(_mocks, Clock);

        var services = _options.Services;
        var defaultAppId = _options.AppId;
        services.AddInngest(o =>
        {
            if (string.IsNullOrWhiteSpace(o.AppId))
            {
                o.AppId = defaultAppId;
            }
        }).UseEventTransport(_ => Engine);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.Replace(ServiceDescriptor.Singleton(_ => Engine));
        services.Replace(ServiceDescriptor.Singleton(this));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        AppId = _provider.GetRequiredService<IOptions<InngestOptions>>().Value.AppId ?? defaultAppId;
    }

    /// <summary>The virtual clock (also the services' <see cref="TimeProvider"/>).</summary>
    public TestClock Clock { get; }

    /// <summary>The virtual time now.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The app id the functions run under.</summary>
    public string AppId { get; }

    /// <summary>The services, as the functions get them: resolve a fake to see what the functions did with it.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>A client that sends to the host's engine (the one the services get); sends through it count as the code's own, not the test's.</summary>
    public IInngestClient Client => _provider.GetRequiredService<IInngestClient>();

    /// <summary>The embedded engine the functions run on (started when first needed).</summary>
    public InngestEngine Engine => EnsureEngine();

    /// <summary>Stops the engine (letting running calls finish) and disposes the services.</summary>
    public async ValueTask DisposeAsync()
    {
        InngestEngine? engine;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            engine = _engine;
        }

        if (engine is not null)
        {
            await engine.DisposeAsync().ConfigureAwait(false);
        }

        await _provider.DisposeAsync().ConfigureAwait(false);
    }

    private TestRunContext RunContext
    {
        get
        {
            EnsureEngine();
            return _runContext!;
        }
    }

    private InngestEngine EnsureEngine()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_engine is not null)
            {
                return _engine;
            }

            var registry = BuildRegistry();
            // The test's own settings, with what the host needs: its app id, no background loop (the host moves time), and
            // its own look at the timeline (to answer mocked waits) before the test's.
            var options = _options.Engine;
            var userCallback = options.OnTimelineEntry;
            options.AppId = AppId;
            options.RunInBackground = false;
            options.OnTimelineEntry = entry =>
            {
                OnTimelineEntry(entry);
                userCallback?.Invoke(entry);
            };
            _engine = new InngestEngine(registry, options, Clock, _provider, _provider.GetService<ILoggerFactory>());
            _runContext = new TestRunContext(Clock, registry.Types, () => Engine, AppId);
            return _engine;
        }
    }

    /// <summary>
    /// The registry the engine runs: the functions asked for, each with a handler that hands the function mocking step
    /// tools (and answers with a mock when the function is mocked as an invoke target), plus a stub for every mocked
    /// invoke target the app does not have.
    /// </summary>
    private InngestFunctionRegistry BuildRegistry()
    {
        var registries = _options.Registries.Select(create => create(AppId)).Concat(_provider.GetServices<InngestFunctionRegistry>()).ToList();
        var merged = registries.Count == 0 ? new InngestFunctionRegistry([]) : InngestFunctionRegistry.Merge(registries);
        _merged = merged;
        var functions = merged.Functions.ToList();
        if (_options.Functions is { } only)
        {
            var missing = only.Where(id => !functions.Exists(f => f.Id == id)).ToArray();
            if (missing.Length > 0)
            {
                throw new InvalidOperationException(
                    $"InngestTestHostOptions.Functions names {string.Join(", ", missing.Select(id => $"'{id}'"))}, which the registries do not have; " +
                    $"they have {Describe(functions)}.");
            }

            functions = functions.Where(f => only.Contains(f.Id) || only.Any(id => f.Id == id + "-failure")).ToList();
        }

        if (functions.Count == 0 && !_mocks.Invokes.Any())
        {
            throw new InvalidOperationException(
                "The test host has no functions to run: give it a registry (new InngestTestHost(InngestGeneratedFunctions.CreateRegistry, ...) " +
                "or options.AddFunctions(...)), or register the app's functions in options.Services (services.AddInngest(...).AddFunctions()).");
        }

        var wrapped = functions.Select(f => f with { Handler = Wrap(f, merged) }).ToList();
        foreach (var mock in _mocks.Invokes)
        {
            if (!wrapped.Exists(f => f.Id == mock.FunctionId || f.CompositeId(AppId) == mock.FunctionId))
            {
                // A function of another app (or one left out): a stub that only answers invokes, found by the id the reference names.
                wrapped.Add(new InngestFunctionDefinition { Id = mock.FunctionId, Config = new FunctionConfig { Retries = 0 }, Handler = mock.Handler });
            }
        }

        return new InngestFunctionRegistry(wrapped, merged.Types);
    }

    private FunctionHandler Wrap(InngestFunctionDefinition function, InngestFunctionRegistry merged)
    {
        var handler = function.Handler;
        var compositeId = function.CompositeId(AppId);
        return invocation =>
        {
            if (_mocks.FindInvoke(function.Id, compositeId) is { } mock)
            {
                return mock.Handler(invocation);
            }

            var steps = new MockingStepTools(invocation.Steps, invocation.Context, _interception);
            return handler(new FunctionInvocation(invocation.Event, invocation.Events, steps, invocation.Context, invocation.Services, merged.Types, invocation.CancellationToken));
        };
    }

    private static string Describe(IEnumerable<InngestFunctionDefinition> functions)
    {
        var ids = functions.Select(f => $"'{f.Id}'").ToArray();
        return ids.Length == 0 ? "none" : string.Join(", ", ids);
    }

    /// <summary>Throws the first problem a step mock reported (a mock that does not fit its step).</summary>
    private void ThrowProblems()
    {
        if (_interception.TryTakeProblem(out var problem))
        {
            throw problem;
        }
    }
}
