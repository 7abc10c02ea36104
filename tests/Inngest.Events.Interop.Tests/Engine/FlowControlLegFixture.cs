namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>
/// The engine leg for flow control: like <see cref="EngineLegFixture"/> (two engines, the JS SDK app and ours), but each
/// engine runs up to four calls at once, so what a concurrency limit holds back shows.
/// </summary>
public sealed class FlowControlLegFixture : EngineLegFixture
{
    protected override int MaxConcurrency => 4;
}
