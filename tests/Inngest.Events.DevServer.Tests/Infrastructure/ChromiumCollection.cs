namespace Inngest.Events.DevServer.Tests.Infrastructure;

/// <summary>The browser tests share one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
