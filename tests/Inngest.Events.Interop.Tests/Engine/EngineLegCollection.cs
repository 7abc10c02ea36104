namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>The engine-leg tests share two engines, a JS SDK server and our serve endpoint, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EngineLegCollection : ICollectionFixture<EngineLegFixture>
{
    public const string Name = "Engine leg (JS SDK and MapInngest driven by the embedded engine)";
}
