namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>The flow-control scenarios share their engines and apps, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FlowControlLegCollection : ICollectionFixture<FlowControlLegFixture>
{
    public const string Name = "Engine leg, flow control (JS SDK and MapInngest driven by the embedded engine)";
}
