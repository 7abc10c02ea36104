using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>One app of a <see cref="SignedRig"/> (the JS SDK's or ours) with the engine that runs it, what passes between them, and its syncs.</summary>
internal sealed class SignedSide(string name, DevServerHost engine, TrafficRecorder traffic, RegisterGate gate, Uri serveUrl, Func<string> log)
{
    public string Name => name;

    public DevServerHost Engine => engine;

    /// <summary>Every call and sync the engine sent the app, with its answer.</summary>
    public TrafficRecorder Traffic => traffic;

    /// <summary>The app's register requests at the engine's <c>/fn/register</c>.</summary>
    public RegisterGate Gate => gate;

    public Uri ServeUrl => serveUrl;

    /// <summary>The JS SDK server's log (empty for ours), for failure messages.</summary>
    public string Log => log();

    public AppSyncResult? Sync { get; set; }

    public override string ToString() => name;
}
