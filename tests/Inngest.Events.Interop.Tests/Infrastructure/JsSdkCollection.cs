namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>The interop tests share one JS SDK server and one fake API, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class JsSdkCollection : ICollectionFixture<InteropFixture>
{
    public const string Name = "JS SDK";
}
