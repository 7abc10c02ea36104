using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>The signed leg: one <see cref="SignedRig"/> per <see cref="SignedRotation"/>, started together.</summary>
public sealed class SignedLegFixture : IAsyncLifetime
{
    private readonly Dictionary<string, SignedRig> _rigs = new(StringComparer.Ordinal);

    internal SignedRig this[string rotation] => _rigs.TryGetValue(rotation, out var rig) ? rig : throw new InvalidOperationException("The signed leg fixture has not started.");

    public async Task InitializeAsync()
    {
        var node = await NodeTooling.EnsureInstalledAsync();
        var start = TimeProvider.System.GetUtcNow();
        var rigs = SignedRotation.All.Values.Select(rotation => SignedRig.StartAsync(rotation, node, start)).ToArray();
        try
        {
            await Task.WhenAll(rigs);
        }
        finally
        {
            foreach (var rig in rigs.Where(r => r.IsCompletedSuccessfully))
            {
                _rigs[rig.Result.Rotation.Name] = rig.Result;
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var rig in _rigs.Values)
        {
            await rig.DisposeAsync();
        }
    }
}
