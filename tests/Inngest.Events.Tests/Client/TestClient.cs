using Microsoft.Extensions.Logging;

namespace Inngest.Events.Tests.Client;

/// <summary>Creates clients pointed at a <see cref="FakeEventApi"/>, reading no real environment variables.</summary>
internal static class TestClient
{
    /// <summary>How long a test waits for something that should happen at once, so a bug fails the test instead of hanging it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public const string EventKey = "test-event-key";

    public static InngestClient Create(
        FakeEventApi api,
        Action<InngestOptions>? configure = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var options = new InngestOptions
        {
            EventApiBaseUrl = api.BaseUrl,
            EventKey = EventKey,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false },
        };
        configure?.Invoke(options);
        return new InngestClient(options, Environment(environment), timeProvider, logger, primaryHandler: null);
    }

    public static Func<string, string?> Environment(IReadOnlyDictionary<string, string>? variables) =>
        name => variables is not null && variables.TryGetValue(name, out string? value) ? value : null;

    public static Event<ThingHappened> Thing(int n) => new(new ThingHappened($"t{n}", n));

    public static InngestEvent[] Things(int count) => Enumerable.Range(0, count).Select(i => (InngestEvent)Thing(i)).ToArray();
}
