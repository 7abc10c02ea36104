namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>
/// A signing-key rotation half done, as one rig of the signed leg runs it: the key the server (the engine) signs with,
/// and the primary and fallback keys both apps (the JS SDK's and ours) are configured with. Each app's primary is one
/// the server refuses at <c>/fn/register</c> (with <see cref="RefusedWith"/>), and its fallback is the server's key.
/// </summary>
/// <param name="Name">How tests name the rotation.</param>
/// <param name="EngineKey">The server's signing key: it signs every call, and it alone authenticates a register request.</param>
/// <param name="AppKey">The apps' <c>INNGEST_SIGNING_KEY</c>.</param>
/// <param name="AppFallback">The apps' <c>INNGEST_SIGNING_KEY_FALLBACK</c>: the server's key, so calls verify with it.</param>
/// <param name="RefusedWith">What the server answers a register request authenticated with the apps' primary key.</param>
/// <param name="Streaming">Whether both apps stream their answers (<c>INNGEST_STREAMING</c>).</param>
internal sealed record SignedRotation(string Name, string EngineKey, string AppKey, string AppFallback, int RefusedWith, bool Streaming)
{
    public const string OldKey = "signkey-test-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string NewKey = "signkey-test-f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f";

    /// <summary>A key neither side has.</summary>
    public const string StrangerKey = "signkey-test-5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

    /// <summary>
    /// The server already signs with the new key and knows no other; the apps still have the old key as primary and the
    /// new one as fallback. The dev server itself refuses the old key's hash (401). Plain answers.
    /// </summary>
    public static SignedRotation ServerAhead { get; } = new("server ahead", NewKey, OldKey, NewKey, 401, Streaming: false);

    /// <summary>
    /// The reverse: the apps have the new key as primary and the old one as fallback while the server still signs with
    /// the old key and forbids the new key's hash (403, <see cref="RegisterGate"/>). Streamed answers.
    /// </summary>
    public static SignedRotation AppsAhead { get; } = new("apps ahead", OldKey, NewKey, OldKey, 403, Streaming: true);

    public static IReadOnlyDictionary<string, SignedRotation> All { get; } = new[] { ServerAhead, AppsAhead }.ToDictionary(r => r.Name);

    public override string ToString() => Name;
}
