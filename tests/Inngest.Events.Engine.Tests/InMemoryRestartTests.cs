using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>The restart tests on the in-memory store: a second engine on the first one's store.</summary>
public sealed class InMemoryRestartTests : RestartTests
{
    private protected override IEngineStore CreateStore() => new InMemoryEngineStore();
}
