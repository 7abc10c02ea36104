using Inngest.Events.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Testing;

/// <summary>How an <see cref="InngestTestHost"/> is put together: the functions, their services, the engine's settings and the clock.</summary>
public sealed class InngestTestHostOptions
{
    private readonly List<Func<string, InngestFunctionRegistry>> _registries = [];

    /// <summary>
    /// The app id, for composite function ids (<c>{appId}-{functionId}</c>) and registries made per app id. When
    /// <see cref="Services"/> configure <c>InngestOptions.AppId</c> (<c>AddInngest(o =&gt; o.AppId = ...)</c>), that wins.
    /// Default: <c>app</c>.
    /// </summary>
    public string AppId { get; set; } = "app";

    /// <summary>Where the virtual clock starts. Default: 2026-01-01T00:00:00Z.</summary>
    public DateTimeOffset StartTime { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The services the functions' classes are built from (one scope per call), as in the app; add the app's own
    /// registrations, then replace what a test needs to (the last registration of a service wins). Registries added
    /// here (the generated <c>AddInngest(...).AddFunctions()</c>) are run too. The host adds the clock as
    /// <see cref="TimeProvider"/>, and an <c>IInngestClient</c> that sends to its engine.
    /// </summary>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>
    /// The engine's settings: <see cref="InngestEngineOptions.RetryBackoff"/> (Inngest's schedule by default; the clock
    /// skips it), <see cref="InngestEngineOptions.DefaultRetries"/>, <see cref="InngestEngineOptions.OnTimelineEntry"/> and the rest.
    /// </summary>
    public InngestEngineOptions Engine { get; } = new() { RunInBackground = false };

    /// <summary>When not null, only the functions with these ids run (and the failure handlers they name); the others are left out.</summary>
    public IReadOnlyCollection<string>? Functions { get; set; }

    /// <summary>
    /// How long the host lets the engine settle in real time before it gives up (a function that awaits something
    /// other than a step, such as real I/O that never answers). Default: 30 seconds. Virtual time is not limited by this.
    /// </summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How much virtual time <see cref="InngestTestHost.RunUntilIdleAsync"/> may skip when not told: a little over a
    /// year, the longest a sleep, wait or invoke can last.
    /// </summary>
    public TimeSpan IdleLimit { get; set; } = TimeSpan.FromDays(367);

    /// <summary>Runs the functions of <paramref name="registry"/>.</summary>
    public InngestTestHostOptions AddFunctions(InngestFunctionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registries.Add(_ => registry);
        return this;
    }

    /// <summary>
    /// Runs the functions of the registry <paramref name="createRegistry"/> makes for the app id, such as the generated
    /// <c>InngestGeneratedFunctions.CreateRegistry</c>.
    /// </summary>
    public InngestTestHostOptions AddFunctions(Func<string, InngestFunctionRegistry> createRegistry)
    {
        ArgumentNullException.ThrowIfNull(createRegistry);
        _registries.Add(createRegistry);
        return this;
    }

    internal IReadOnlyList<Func<string, InngestFunctionRegistry>> Registries => _registries;
}
