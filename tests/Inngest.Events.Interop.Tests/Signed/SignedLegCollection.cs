namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>The signed-leg tests share their rigs (engines in cloud mode, the JS SDK app and ours), and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SignedLegCollection : ICollectionFixture<SignedLegFixture>
{
    public const string Name = "Signed leg (cloud mode: JS SDK and MapInngest with signing keys mid-rotation)";
}
