using System.Text.Json.Serialization.Metadata;
using Inngest.Events.Engine;

namespace Inngest.Events.Testing;

/// <summary>What a <see cref="TestRun"/> needs from its host: the clock to show times, the types to read values, the engine's events.</summary>
internal sealed class TestRunContext(TestClock clock, IJsonTypeInfoResolver? types, Func<InngestEngine> engine, string appId)
{
    public TestClock Clock { get; } = clock;

    public IJsonTypeInfoResolver? Types { get; } = types;

    public InngestEngine Engine => engine();

    public string AppId { get; } = appId;
}
